# expect: timeout
# d! / (d - n)! / d**n: fine for 30 people, but the first quotient overflows a float for 200,
# (d - n)! fails outright when n > d, and a million days' factorial takes far too long.
import math


def p_all_distinct(people, days=365):
    return math.factorial(days) / math.factorial(days - people) / days**people
