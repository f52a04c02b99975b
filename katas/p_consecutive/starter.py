from fractions import Fraction


def p_consecutive(rolls: int, run: int = 2, sides: int = 6) -> Fraction:
    """Probability that one face shows `run` or more times in a row in `rolls` fair rolls."""
    raise NotImplementedError
