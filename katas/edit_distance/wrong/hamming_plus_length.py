# expect: failed
# Compares position by position and adds the length difference: misses shifted matches.
def edit_distance(a, b):
    return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
