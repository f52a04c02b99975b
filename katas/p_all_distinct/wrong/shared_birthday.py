# expect: failed
# Answers the other question: the probability that at least two people share a birthday.
def p_all_distinct(people, days=365):
    p = 1.0
    for i in range(people):
        p *= (days - i) / days
    return 1 - p
