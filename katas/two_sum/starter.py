def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    """Positions i < j with nums[i] + nums[j] == target, or None if there are none."""
    raise NotImplementedError
