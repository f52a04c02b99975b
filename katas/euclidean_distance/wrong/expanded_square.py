# expect: failed
# Expands (a - b)**2 into a*a - 2*a*b + b*b: fine for far-apart points, but for near ones with
# large coordinates the three huge terms cancel and take the distance's digits with them.
import math


def euclidean_distance(a, b):
    if len(a) != len(b):
        raise ValueError("lengths differ")
    aa = sum(x * x for x in a)
    bb = sum(y * y for y in b)
    ab = sum(x * y for x, y in zip(a, b))
    return math.sqrt(max(aa - 2 * ab + bb, 0.0))
