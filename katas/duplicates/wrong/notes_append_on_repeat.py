# expect: failed
# The notes' first approach: appends a value again on every further repeat ([7, 7, 7] -> [7, 7]).
def find_duplicates(nums):
    seen = set()
    res = []
    for i in nums:
        if i in seen:
            res.append(i)
        else:
            seen.add(i)
    return res
