def find_duplicates(nums: list[int]) -> list[int]:
    """Return the values that occur more than once in `nums`, each once, in any order."""
    seen: set[int] = set()
    repeated: set[int] = set()
    for value in nums:
        if value in seen:
            repeated.add(value)
        else:
            seen.add(value)
    return list(repeated)
