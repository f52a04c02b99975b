from collections import Counter


def find_duplicates(nums: list[int]) -> list[int]:
    """Count every value, keep those seen at least twice."""
    return [value for value, count in Counter(nums).items() if count > 1]
