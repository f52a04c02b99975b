# expect: error
def intersection(xs, ys):
    first = xs[0]
    rest = [x for x in set(xs) if x in set(ys)]
    return rest if first is not None else []
