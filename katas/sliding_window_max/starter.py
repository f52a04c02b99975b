def sliding_window_max(nums: list[int], k: int) -> list[int]:
    """The maximum of each window of k consecutive numbers, left to right."""
    raise NotImplementedError
