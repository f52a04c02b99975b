from fractions import Fraction

from graders.kit import check, exact_fraction


def test_two_rolls(solution):
    check(solution, (2,), Fraction(1, 36), compare=exact_fraction)


def test_four_rolls(solution):
    check(solution, (4,), Fraction(2, 27), compare=exact_fraction)


def test_run_of_three(solution):
    check(solution, (4,), Fraction(11, 1296), compare=exact_fraction, run=3)
