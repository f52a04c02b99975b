# expect: failed
# No check on k: k > n yields empty test folds instead of a ValueError.
def kfold_indices(n, k):
    folds, start = [], 0
    for fold in range(max(k, 0)):
        stop = start + n // k + (fold < n % k)
        folds.append((list(range(start)) + list(range(stop, n)), list(range(start, stop))))
        start = stop
    return folds
