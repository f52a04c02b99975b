# expect: error
# First-step analysis as plain recursion on the whole history: the tosses can go on for ever,
# so it recurses until RecursionError.
from fractions import Fraction


def p_pattern_first(a, b, history=""):
    if history.endswith(a):
        return Fraction(1)
    if history.endswith(b):
        return Fraction(0)
    heads = p_pattern_first(a, b, history + "H")
    tails = p_pattern_first(a, b, history + "T")
    return (heads + tails) / 2
