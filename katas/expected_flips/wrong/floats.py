# expect: failed
# The right recurrence in floats: 6.0, not Fraction(6); and 2**101 - 2 is not exact.
def expected_flips(run, p):
    expected = 0.0
    for _ in range(run):
        expected = (expected + 1) / float(p)
    return expected
