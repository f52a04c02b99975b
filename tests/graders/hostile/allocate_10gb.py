# expect: memory
def intersection(xs, ys):
    hoard = bytearray(10 * 1024**3)
    return list(set(xs) & set(ys)) + [len(hoard)]
