def max_product_of_three(nums: list[int]) -> int:
    """Return the largest product of three elements of `nums` at distinct positions."""
    raise NotImplementedError
