def combinations(n: int, k: int) -> list[list[int]]:
    """Every subset of 1..n is an n-bit mask; keep the masks with k bits set. O(2^n * n)."""
    found = []
    for mask in range(1 << n):
        if mask.bit_count() == k:
            found.append([bit + 1 for bit in range(n) if mask >> bit & 1])
    return found
