# expect: failed
# Searches from capacity 1 and never checks a package fits: a capacity below the heaviest
# package "ships" it anyway.
def ship_within_days(weights, days):
    def days_needed(capacity):
        used, load = 1, 0
        for w in weights:
            if load + w > capacity and load > 0:
                used, load = used + 1, 0
            load += w
        return used

    lo, hi = 1, sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
