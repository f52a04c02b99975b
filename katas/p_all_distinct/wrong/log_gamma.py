# expect: failed
# In logs, ln d! - ln (d - n)! - n ln d with lgamma(x + 1) = ln x!: right to 1e-12 for a year
# of days, but each lgamma is near d ln d, and their difference keeps only the digits left
# after it: off by 2e-8 for 10**7 days, and by far more for 2**64.
import math


def p_all_distinct(people, days=365):
    if people > days:
        return 0.0
    log_p = math.lgamma(days + 1) - math.lgamma(days - people + 1) - people * math.log(days)
    return math.exp(log_p)
