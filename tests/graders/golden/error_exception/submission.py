def intersection(xs, ys):
    first = xs[0]
    return [x for x in set(xs) if x in set(ys)] if first is not None else []
