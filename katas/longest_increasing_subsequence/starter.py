def longest_increasing_subsequence(nums: list[int]) -> int:
    """The length of the longest strictly increasing subsequence of nums."""
    raise NotImplementedError
