def intersection(xs, ys):
    return [x for x in xs if x in ys]
