from fractions import Fraction


def _leading_number(x: str, y: str) -> int:
    """Conway's leading number x:y: 2**(k-1) for each k where x's last k tosses start y."""
    return sum(2 ** (k - 1) for k in range(1, min(len(x), len(y)) + 1) if x[-k:] == y[:k])


def p_pattern_first(a: str, b: str) -> Fraction:
    """Probability that pattern `a` appears before pattern `b` in fair coin tosses."""
    # Conway: the odds that a comes first are (b:b - b:a) to (a:a - a:b).
    odds_for_a = _leading_number(b, b) - _leading_number(b, a)
    odds_for_b = _leading_number(a, a) - _leading_number(a, b)
    return Fraction(odds_for_a, odds_for_a + odds_for_b)
