# expect: error
# The exact probability, returned as a Fraction instead of a float: fine for a year of days,
# but for a million days its numerator and denominator run to thousands of digits, past what
# can be sent back (the contract asks for a float).
from fractions import Fraction


def p_all_distinct(people, days=365):
    probability = Fraction(1)
    for taken in range(min(people, days + 1)):
        probability *= Fraction(days - taken, days)
    return probability
