from fractions import Fraction


def p_pattern_first(a: str, b: str) -> Fraction:
    """Probability that pattern `a` appears before pattern `b` in fair coin tosses."""
    raise NotImplementedError
