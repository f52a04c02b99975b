# expect: error
# d! / (d - n)! / d**n: fine for 30 people, but the first quotient overflows a float for 200,
# and (d - n)! fails outright when n > d.
import math


def p_all_distinct(people, days=365):
    return math.factorial(days) / math.factorial(days - people) / days**people
