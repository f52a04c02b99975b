def intersect(xs, ys):
    return list(set(xs) & set(ys))
