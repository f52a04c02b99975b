# expect: failed
# Floor division: (364 // 365) is 0, so every room of two or more comes out 0.
def p_all_distinct(people, days=365):
    p = 1
    for i in range(people):
        p *= (days - i) // days
    return p
