def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """Bucket the values by count, walk the buckets from the top: O(n) plus sorting ties."""
    counts: dict[int, int] = {}
    for value in nums:
        counts[value] = counts.get(value, 0) + 1
    buckets: list[list[int]] = [[] for _ in range(len(nums) + 1)]
    for value, count in counts.items():
        buckets[count].append(value)
    result: list[int] = []
    for bucket in reversed(buckets):
        result.extend(sorted(bucket))
        if len(result) >= k:
            break
    return result[:k]
