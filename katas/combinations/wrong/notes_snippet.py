# expect: failed
# The notes' snippet, returning instead of printing: it chooses from [k, k, ..., k] instead
# of 1..n, and itertools hands back tuples.
from itertools import combinations as choose


def combinations(n, k):
    list_num = []
    comb = choose([k for x in range(1, n + 1)], k)
    for i in comb:
        list_num.append(i)
    return list_num
