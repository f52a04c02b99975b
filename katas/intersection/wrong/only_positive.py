# expect: failed
def intersection(xs, ys):
    counts = [0] * 101
    for x in set(xs):
        if 0 <= x <= 100:
            counts[x] += 1
    for y in set(ys):
        if 0 <= y <= 100:
            counts[y] += 1
    return [v for v, n in enumerate(counts) if n == 2]
