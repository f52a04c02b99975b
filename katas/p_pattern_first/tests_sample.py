from fractions import Fraction

from graders.kit import check, exact_fraction


def test_first_toss_decides(solution):
    check(solution, ("HT", "TH"), Fraction(1, 2), compare=exact_fraction)


def test_different_lengths(solution):
    check(solution, ("HH", "THT"), Fraction(5, 8), compare=exact_fraction)


def test_penney(solution):
    check(solution, ("HHT", "HTH"), Fraction(2, 3), compare=exact_fraction)
