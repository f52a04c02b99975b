def ship_within_days(weights: list[int], days: int) -> int:
    """Binary search with an inclusive interval and an explicit best-so-far."""

    def days_for(capacity: int) -> int:
        count, room = 1, capacity
        for weight in weights:
            if weight > room:
                count, room = count + 1, capacity
            room -= weight
        return count

    lo, hi, best = max(weights), sum(weights), sum(weights)
    while lo <= hi:
        mid = (lo + hi) // 2
        if days_for(mid) <= days:
            best, hi = mid, mid - 1
        else:
            lo = mid + 1
    return best
