from graders.kit import check, check_raises, close


def test_three_four_five(solution):
    check(solution, ([0, 0], [3, 4]), 5.0, compare=close(rel=1e-9, abs=1e-9))


def test_same_point(solution):
    check(solution, ((1.5, -2.0, 7.0), (1.5, -2.0, 7.0)), 0.0, compare=close(rel=1e-9, abs=1e-9))


def test_different_lengths(solution):
    check_raises(solution, ([1, 2], [1, 2, 3]), "ValueError")
