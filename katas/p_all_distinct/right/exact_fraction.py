from fractions import Fraction


def p_all_distinct(people: int, days: int = 365) -> Fraction:
    """The exact probability as a Fraction, built one person at a time."""
    probability = Fraction(1)
    for taken in range(min(people, days + 1)):
        probability *= Fraction(days - taken, days)
    return probability
