# expect: failed
# Returns (test, train): the small fold first.
def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    folds, start = [], 0
    for fold in range(k):
        stop = start + n // k + (fold < n % k)
        folds.append((list(range(start, stop)), list(range(start)) + list(range(stop, n))))
        start = stop
    return folds
