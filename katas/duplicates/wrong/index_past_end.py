# expect: error
# Compares each item with the next one but runs one index too far: IndexError.
def find_duplicates(nums):
    ordered = sorted(nums)
    found = []
    for i in range(len(ordered)):
        if ordered[i] == ordered[i + 1] and ordered[i] not in found:
            found.append(ordered[i])
    return found
