from collections import defaultdict


def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    """All positions of each value first; then, for each value, look for its complement."""
    positions: defaultdict[int, list[int]] = defaultdict(list)
    for index, value in enumerate(nums):
        positions[value].append(index)
    for i, value in enumerate(nums):
        for j in positions.get(target - value, ()):
            if j != i:
                return (min(i, j), max(i, j))
    return None
