"""The examples from the statement: what "Run" checks."""

from graders.kit import check, close


def test_nothing_as_extreme(solution):
    a, b = list(range(10, 25)), list(range(15))
    check(solution, (a, b, 200, 0), 1 / 201, compare=close(rel=0.0, abs=1e-12))


def test_identical_groups(solution):
    check(solution, ([1, 2, 3], [1, 2, 3], 1000, 1), 1.0, compare=close(rel=0.0, abs=1e-12))
