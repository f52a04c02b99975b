# expect: failed
# 2**(run + 1) - 2: right for a fair coin only; p is ignored.
from fractions import Fraction


def expected_flips(run, p):
    return Fraction(2 ** (run + 1) - 2)
