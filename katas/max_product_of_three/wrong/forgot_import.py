# expect: error
# Uses heapq without importing it: NameError on every call.
def max_product_of_three(nums):
    a, b, c = heapq.nlargest(3, nums)
    x, y = heapq.nsmallest(2, nums)
    return max(a * b * c, x * y * a)
