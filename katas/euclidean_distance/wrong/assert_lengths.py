# expect: failed
# Checks the lengths with assert: AssertionError, not the ValueError the contract asks for.
import math


def euclidean_distance(a, b):
    assert len(a) == len(b), "lengths differ"
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b)))
