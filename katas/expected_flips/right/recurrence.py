from fractions import Fraction


def expected_flips(run: int, p: Fraction) -> Fraction:
    """E_n = (E_{n-1} + 1) / p: reach n - 1 heads, flip once more, start over on tails."""
    expected = Fraction(0)
    for _ in range(run):
        expected = (expected + 1) / p
    return expected
