# expect: failed
# Weighs each pattern by its chance 2**-len at a given position, ignoring overlaps:
# equal lengths always give 1/2.
from fractions import Fraction


def p_pattern_first(a, b):
    pa, pb = Fraction(1, 2 ** len(a)), Fraction(1, 2 ** len(b))
    return pa / (pa + pb)
