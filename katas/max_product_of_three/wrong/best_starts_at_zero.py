# expect: failed
# The two candidate triples, but the running best starts at 0, so a negative best product
# comes back as 0.
def max_product_of_three(nums):
    s = sorted(nums)
    best = 0
    for candidate in (s[-1] * s[-2] * s[-3], s[0] * s[1] * s[-1]):
        best = max(best, candidate)
    return best
