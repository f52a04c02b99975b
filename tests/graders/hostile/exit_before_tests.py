# expect: error
import sys

sys.exit(0)


def intersection(xs, ys):
    return list(set(xs) & set(ys))
