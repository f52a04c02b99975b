def intersection(xs, ys):
    common = set(xs) & set(ys)
    if not xs:
        print("empty xs; ys =", ys)
    return sorted(common)
