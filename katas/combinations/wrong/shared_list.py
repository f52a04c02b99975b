# expect: failed
# Backtracking that appends the working list itself, not a copy: every entry ends up as the
# same (finally empty) list.
def combinations(n, k):
    found = []
    chosen = []

    def extend(smallest):
        if len(chosen) == k:
            found.append(chosen)
            return
        for value in range(smallest, n + 1):
            chosen.append(value)
            extend(value + 1)
            chosen.pop()

    extend(1)
    return found
