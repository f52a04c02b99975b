def intersection(xs, ys):
    return [*dict.fromkeys(x for x in xs if x in frozenset(ys))]
