from fractions import Fraction


def expected_flips(run: int, p: Fraction) -> Fraction:
    """Exact expected number of flips until `run` heads in a row, heads with probability p."""
    # E_j: expected flips still needed with j heads in a row so far. E_run = 0 and
    # E_j = 1 + p E_{j+1} + (1 - p) E_0. Write E_j = a_j + b_j E_0, walking down from run.
    a, b = Fraction(0), Fraction(0)
    for _ in range(run):
        a, b = 1 + p * a, p * b + (1 - p)
    # Now E_0 = a + b E_0, and b = 1 - p**run < 1 because p > 0.
    return a / (1 - b)
