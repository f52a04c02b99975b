def intersection(xs, ys):
    return [bytearray(10**9)]
