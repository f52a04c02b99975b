def combinations(n: int, k: int) -> list[list[int]]:
    """Iterative: step from [1..k] to the next combination in lexicographic order."""
    if k > n:
        return []
    current = list(range(1, k + 1))
    found = [current.copy()]
    while True:
        # The rightmost position that can still grow; position i can hold at most n - k + i + 1.
        i = k - 1
        while i >= 0 and current[i] == n - k + i + 1:
            i -= 1
        if i < 0:
            return found
        current[i] += 1
        for j in range(i + 1, k):
            current[j] = current[j - 1] + 1
        found.append(current.copy())
