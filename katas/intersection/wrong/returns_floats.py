# expect: failed
# The right values, as floats: 9 comes back as 9.0.
def intersection(xs, ys):
    return [float(value) for value in set(xs) & set(ys)]
