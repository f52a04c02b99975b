import math


def p_all_distinct(people: int, days: int = 365) -> float:
    """Exact integers, one correctly rounded division: perm(d, n) / d**n."""
    # int / int rounds the exact quotient, so neither huge integer has to fit in a float.
    return math.perm(days, people) / days**people
