from graders.kit import check


def test_notes_example_positive(solution):
    check(solution, ([1, 5, 3, 4],), 60)


def test_notes_example_two_negatives(solution):
    check(solution, ([-2, -4, 5, 3],), 40)


def test_all_negative(solution):
    check(solution, ([-5, -4, -3, -2],), -24)
