def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """The k most frequent values: by count descending, ties by value ascending."""
    raise NotImplementedError
