# expect: failed
# Recursion with k == 1 as its only base case: k == 0 gives [] instead of [[]].
def combinations(n, k, start=1):
    if k == 1:
        return [[i] for i in range(start, n + 1)]
    found = []
    for i in range(start, n + 1):
        for rest in combinations(n, k - 1, i + 1):
            found.append([i] + rest)
    return found
