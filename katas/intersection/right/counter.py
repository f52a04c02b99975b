from collections import Counter


def intersection(xs, ys):
    counts = Counter(set(xs)) + Counter(set(ys))
    return [value for value, n in counts.items() if n == 2]
