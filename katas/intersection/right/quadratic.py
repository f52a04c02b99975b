def intersection(xs, ys):
    result = []
    for x in xs:
        if x in ys and x not in result:
            result.append(x)
    return result
