# expect: failed
# Compares only the patterns' expected waiting times (their self-overlaps), not how one
# pattern's tail can start the other.
from fractions import Fraction


def lead(x, y):
    return sum(2 ** (k - 1) for k in range(1, min(len(x), len(y)) + 1) if x[-k:] == y[:k])


def p_pattern_first(a, b):
    wait_a, wait_b = lead(a, a), lead(b, b)
    return Fraction(wait_b, wait_a + wait_b)
