# expect: failed
# Multiplies the three largest values, forgetting that two negatives make a positive.
def max_product_of_three(nums):
    a, b, c = sorted(nums)[-3:]
    return a * b * c
