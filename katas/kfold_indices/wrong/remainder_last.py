# expect: failed
# Gives the leftover positions to the last fold instead of spreading them over the first.
def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    size = n // k
    folds = []
    for i in range(k):
        start, stop = i * size, (n if i == k - 1 else (i + 1) * size)
        folds.append((list(range(start)) + list(range(stop, n)), list(range(start, stop))))
    return folds
