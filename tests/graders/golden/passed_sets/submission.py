def intersection(xs, ys):
    return list(set(xs) & set(ys))
