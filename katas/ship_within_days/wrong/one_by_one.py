# expect: timeout
# Tries every capacity from the heaviest package up: right, but 10**12 tries for big weights.
def ship_within_days(weights, days):
    capacity = max(weights)
    while True:
        used, load = 1, 0
        for w in weights:
            if load + w > capacity:
                used, load = used + 1, 0
            load += w
        if used <= days:
            return capacity
        capacity += 1
