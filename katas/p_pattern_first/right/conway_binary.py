from fractions import Fraction


def leading_number(x: str, y: str) -> int:
    """Conway's x:y read as binary: bit i is 1 when x[i:] is a prefix of y."""
    return int("".join("1" if y.startswith(x[i:]) else "0" for i in range(len(x))), 2)


def p_pattern_first(a: str, b: str) -> Fraction:
    """Odds for a against b are (b:b - b:a) : (a:a - a:b)."""
    for_a = leading_number(b, b) - leading_number(b, a)
    for_b = leading_number(a, a) - leading_number(a, b)
    return Fraction(for_a, for_a + for_b)
