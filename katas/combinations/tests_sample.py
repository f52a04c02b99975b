from graders.kit import check, same_lists_any_order


def test_notes_example(solution):
    check(solution, (3, 2), [[1, 2], [1, 3], [2, 3]], compare=same_lists_any_order)


def test_choose_nothing(solution):
    check(solution, (3, 0), [[]], compare=same_lists_any_order)


def test_choose_too_many(solution):
    check(solution, (2, 3), [], compare=same_lists_any_order)
