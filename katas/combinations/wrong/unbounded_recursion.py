# expect: error
# Pascal's rule without the k > n base case: recurses below n = 0 until RecursionError.
def combinations(n, k):
    if k == 0:
        return [[]]
    return combinations(n - 1, k) + [c + [n] for c in combinations(n - 1, k - 1)]
