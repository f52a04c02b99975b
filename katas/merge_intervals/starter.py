def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    """Merge intervals that overlap or touch; the result sorted by start."""
    raise NotImplementedError
