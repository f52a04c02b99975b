# expect: failed
# The usual back-of-envelope approximation exp(-n(n-1)/2d): 0.3037 for 30 people, not 0.2937.
import math


def p_all_distinct(people, days=365):
    return math.exp(-people * (people - 1) / (2 * days))
