"""The examples from the statement: what "Run" checks."""

from graders.kit import check, check_raises


def test_five_in_two(solution):
    check(solution, (5, 2), [([3, 4], [0, 1, 2]), ([0, 1, 2], [3, 4])])


def test_leave_one_out(solution):
    expected = [([1, 2, 3], [0]), ([0, 2, 3], [1]), ([0, 1, 3], [2]), ([0, 1, 2], [3])]
    check(solution, (4, 4), expected)


def test_too_many_folds(solution):
    check_raises(solution, (3, 5), "ValueError")
