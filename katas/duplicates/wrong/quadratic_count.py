# expect: timeout
# Correct answers, but nums.count scans the whole list for every distinct value: O(n^2).
def find_duplicates(nums):
    return [value for value in set(nums) if nums.count(value) > 1]
