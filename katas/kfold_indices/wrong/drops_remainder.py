# expect: failed
# Every fold has n // k positions: the last n % k positions are never tested.
def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    size = n // k
    return [
        (list(range(i * size)) + list(range((i + 1) * size, n)), list(range(i * size, (i + 1) * size)))
        for i in range(k)
    ]
