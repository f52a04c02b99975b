from fractions import Fraction


def expected_flips(run: int, p: Fraction) -> Fraction:
    """Exact expected number of flips until `run` heads in a row, heads with probability p."""
    raise NotImplementedError
