def intersection(xs, ys):
    print("y" * 1_000_000)
    return list(set(xs) & set(ys))
