# expect: failed
# The right combinations, but as tuples, not lists.
import itertools


def combinations(n, k):
    return list(itertools.combinations(range(1, n + 1), k))
