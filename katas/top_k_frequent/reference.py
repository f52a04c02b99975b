from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """The k most frequent values: by count descending, ties by value ascending."""
    counts = Counter(nums)
    return sorted(counts, key=lambda value: (-counts[value], value))[:k]
