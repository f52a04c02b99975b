# expect: failed
# Sums absolute differences: the Manhattan (L1) distance.
def euclidean_distance(a, b):
    if len(a) != len(b):
        raise ValueError("lengths differ")
    return float(sum(abs(x - y) for x, y in zip(a, b)))
