# expect: failed
# zip stops at the shorter point, so different lengths go unnoticed.
import math


def euclidean_distance(a, b):
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b)))
