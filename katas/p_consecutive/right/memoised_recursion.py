from fractions import Fraction
from functools import cache


def p_consecutive(rolls: int, run: int = 2, sides: int = 6) -> Fraction:
    """Top-down: the chance of finishing a run from (rolls left, current streak)."""
    hit = Fraction(1, sides)

    @cache
    def win(left: int, streak: int) -> Fraction:
        if streak == run:
            return Fraction(1)
        if left == 0:
            return Fraction(0)
        return hit * win(left - 1, streak + 1) + (1 - hit) * win(left - 1, 0)

    return win(rolls, 0)
