# expect: failed
# Picks the three values of largest magnitude, whatever their signs.
def max_product_of_three(nums):
    a, b, c = sorted(nums, key=abs)[-3:]
    return a * b * c
