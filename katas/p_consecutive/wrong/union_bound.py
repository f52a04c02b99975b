# expect: failed
# Adds up the chance of a run at each starting position, counting (3, 3, 3) twice: 12/216.
from fractions import Fraction


def p_consecutive(rolls, run=2, sides=6):
    starts = max(0, rolls - run + 1)
    return starts * Fraction(1, sides) ** run
