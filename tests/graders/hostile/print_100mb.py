# expect: error
import sys


def intersection(xs, ys):
    line = "x" * 1023 + "\n"
    for _ in range(100 * 1024):
        sys.stdout.write(line)
    return list(set(xs) & set(ys))
