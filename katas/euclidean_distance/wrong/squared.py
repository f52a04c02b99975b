# expect: failed
# Forgets the square root: the squared distance.
def euclidean_distance(a, b):
    if len(a) != len(b):
        raise ValueError("lengths differ")
    return float(sum((x - y) ** 2 for x, y in zip(a, b)))
