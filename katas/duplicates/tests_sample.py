from graders.kit import check, same_items


def test_notes_example(solution):
    check(solution, ([1, 2, 3, 1, 3, 6, 5],), [1, 3], compare=same_items)


def test_no_duplicates(solution):
    check(solution, ([4, 5, 6],), [], compare=same_items)


def test_empty(solution):
    check(solution, ([],), [], compare=same_items)
