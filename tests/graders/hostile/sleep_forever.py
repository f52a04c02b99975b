# expect: timeout
import time


def intersection(xs, ys):
    time.sleep(10**6)
