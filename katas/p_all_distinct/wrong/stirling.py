# expect: failed
# ln d! - ln (d - n)! by Stirling's series, exact factorials below 20: within 1e-9 for a year of
# days, but two logarithms near d ln d cancel, and for 10**7 days the difference is off by 1e-8.
import math


def log_factorial(x):
    if x < 20:
        return math.log(math.factorial(x))
    return x * math.log(x) - x + 0.5 * math.log(2 * math.pi * x) + 1 / (12 * x) - 1 / (360 * x**3)


def p_all_distinct(people, days=365):
    if people > days:
        return 0.0
    return math.exp(log_factorial(days) - log_factorial(days - people) - people * math.log(days))
