def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    """Positions i < j with nums[i] + nums[j] == target, or None if there are none."""
    first_seen: dict[int, int] = {}
    for j, value in enumerate(nums):
        # Look up before storing, so an element is never paired with itself.
        i = first_seen.get(target - value)
        if i is not None:
            return (i, j)
        first_seen.setdefault(value, j)
    return None
