# expect: failed
# Conway's formula with the odds the wrong way round: gives b's chance, 3/4 for HH vs TH.
from fractions import Fraction


def lead(x, y):
    return sum(2 ** (k - 1) for k in range(1, min(len(x), len(y)) + 1) if x[-k:] == y[:k])


def p_pattern_first(a, b):
    for_a = lead(a, a) - lead(a, b)
    for_b = lead(b, b) - lead(b, a)
    return Fraction(for_a, for_a + for_b)
