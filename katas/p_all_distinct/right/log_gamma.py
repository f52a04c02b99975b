import math


def p_all_distinct(people: int, days: int = 365) -> float:
    """In logs: ln d! - ln (d - n)! - n ln d, with lgamma(x + 1) = ln x!."""
    if people > days:
        return 0.0
    log_p = math.lgamma(days + 1) - math.lgamma(days - people + 1) - people * math.log(days)
    return math.exp(log_p)
