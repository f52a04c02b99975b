# expect: failed
# Starts the table's first row and column at 0 instead of 0, 1, 2, ...: a leading
# insertion or deletion costs nothing.
def edit_distance(a, b):
    previous = [0] * (len(b) + 1)
    for ca in a:
        current = [0]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
