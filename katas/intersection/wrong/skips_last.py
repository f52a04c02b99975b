# expect: failed
def intersection(xs, ys):
    result = []
    for i in range(len(xs) - 1):
        if xs[i] in ys and xs[i] not in result:
            result.append(xs[i])
    return result
