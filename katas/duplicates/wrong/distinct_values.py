# expect: failed
# Returns every distinct value, not just the repeated ones.
def find_duplicates(nums):
    return list(set(nums))
