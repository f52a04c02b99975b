# expect: failed
# Switches to "two smallest times the largest" whenever a negative exists, even when the
# three largest are better (all negative, or one small negative among positives).
def max_product_of_three(nums):
    s = sorted(nums)
    if s[0] < 0:
        return s[0] * s[1] * s[-1]
    return s[-1] * s[-2] * s[-3]
