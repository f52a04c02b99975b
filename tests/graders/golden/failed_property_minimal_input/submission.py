def intersection(xs, ys):
    # Forgets negative even numbers: no example has one, the property finds the smallest.
    return [v for v in set(xs) & set(ys) if v >= 0 or v % 2]
