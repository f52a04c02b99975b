from itertools import pairwise


def find_duplicates(nums: list[int]) -> list[int]:
    """Sort, then a value repeats exactly when it equals its left neighbour."""
    found: list[int] = []
    for left, right in pairwise(sorted(nums)):
        if left == right and (not found or found[-1] != left):
            found.append(left)
    return found
