# expect: failed
def intersection(xs, ys):
    return set(xs) & set(ys)
