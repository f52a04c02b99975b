def find_duplicates(nums: list[int]) -> list[int]:
    """Slow but correct: count each distinct value with a full scan, O(n * distinct)."""
    return [value for value in set(nums) if nums.count(value) > 1]
