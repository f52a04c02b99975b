# expect: failed
# Conway's formula, but a float division: 0.25, not Fraction(1, 4).
def lead(x, y):
    return sum(2 ** (k - 1) for k in range(1, min(len(x), len(y)) + 1) if x[-k:] == y[:k])


def p_pattern_first(a, b):
    for_a = lead(b, b) - lead(b, a)
    for_b = lead(a, a) - lead(a, b)
    return for_a / (for_a + for_b)
