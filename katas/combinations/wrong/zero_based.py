# expect: failed
# Chooses from 0..n-1 instead of 1..n.
import itertools


def combinations(n, k):
    return [list(c) for c in itertools.combinations(range(n), k)]
