from fractions import Fraction


def expected_flips(run: int, p: Fraction) -> Fraction:
    """E = sum_{j=1}^{run} p**-j: each extra head costs the expected wait for the last one,
    divided by p."""
    return sum((1 / p**j for j in range(1, run + 1)), Fraction(0))
