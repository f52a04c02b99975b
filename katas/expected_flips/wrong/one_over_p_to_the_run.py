# expect: failed
# 1 / p**run: the wait for a block of `run` heads if the flips came in separate blocks.
from fractions import Fraction


def expected_flips(run, p):
    return 1 / Fraction(p) ** run
