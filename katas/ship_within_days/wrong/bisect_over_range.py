# expect: error
# bisect over range(capacities): neat, but len() of a range wider than 2**63 raises
# OverflowError, and the contract allows weights of any size.
from bisect import bisect_left


def ship_within_days(weights: list[int], days: int) -> int:

    def fits(capacity: int) -> bool:
        used, load = 1, 0
        for weight in weights:
            if load + weight > capacity:
                used, load = used + 1, 0
            load += weight
        return used <= days

    lo = max(weights)
    capacities = range(lo, sum(weights) + 1)
    return lo + bisect_left(capacities, True, key=fits)
