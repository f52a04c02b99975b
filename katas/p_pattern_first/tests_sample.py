from fractions import Fraction

from graders.kit import check, exact_fraction


def test_notes_example(solution):
    check(solution, ("HH", "TH"), Fraction(1, 4), compare=exact_fraction)


def test_first_toss_decides(solution):
    check(solution, ("HT", "TH"), Fraction(1, 2), compare=exact_fraction)


def test_penney(solution):
    check(solution, ("HHT", "THH"), Fraction(1, 4), compare=exact_fraction)
