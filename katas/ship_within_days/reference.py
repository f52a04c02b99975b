def _days_needed(weights: list[int], capacity: int) -> int:
    """Days the greedy loading takes: fill each day until the next package would not fit."""
    days, load = 1, 0
    for weight in weights:
        if load + weight > capacity:
            days, load = days + 1, 0
        load += weight
    return days


def ship_within_days(weights: list[int], days: int) -> int:
    """The least ship capacity that carries every package, in order, within `days` days."""
    # The heaviest package must fit (lower bound); one day for everything always works.
    lo, hi = max(weights), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if _days_needed(weights, mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
