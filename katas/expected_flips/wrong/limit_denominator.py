# expect: failed
# Floats, then Fraction.limit_denominator to guess the exact answer: loses large answers.
from fractions import Fraction


def expected_flips(run, p):
    expected = 0.0
    for _ in range(run):
        expected = (expected + 1) / float(p)
    return Fraction(expected).limit_denominator()
