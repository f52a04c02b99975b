def find_duplicates(nums: list[int]) -> list[int]:
    """Return the values that occur more than once in `nums`, each once, in any order."""
    raise NotImplementedError
