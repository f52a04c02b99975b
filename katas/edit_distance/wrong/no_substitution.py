# expect: failed
# Only insertions and deletions (the LCS distance): a substitution costs 2.
def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            if ca == cb:
                current.append(previous[j - 1])
            else:
                current.append(min(previous[j], current[j - 1]) + 1)
        previous = current
    return previous[-1]
