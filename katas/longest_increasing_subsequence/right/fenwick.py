def longest_increasing_subsequence(nums: list[int]) -> int:
    """DP over values: best length ending below each rank, from a Fenwick tree of maxima."""
    ranks = {value: r for r, value in enumerate(sorted(set(nums)), start=1)}
    tree = [0] * (len(ranks) + 1)
    best = 0
    for value in nums:
        r = ranks[value] - 1  # strictly smaller values only
        longest = 0
        while r > 0:
            longest = max(longest, tree[r])
            r -= r & -r
        length = longest + 1
        best = max(best, length)
        r = ranks[value]
        while r < len(tree):
            tree[r] = max(tree[r], length)
            r += r & -r
    return best
