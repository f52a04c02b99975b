# expect: failed
# Divides the total evenly over the days: ignores that packages cannot be split or reordered.
def ship_within_days(weights, days):
    return max(max(weights), -(-sum(weights) // days))
