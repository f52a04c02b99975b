# expect: failed
# Starts the product at (d - 1) / d: as if the first person could already clash.
def p_all_distinct(people, days=365):
    p = 1.0
    for i in range(1, people + 1):
        p *= (days - i) / days
    return max(p, 0.0)
