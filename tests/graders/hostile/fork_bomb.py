# expect: timeout error
import os


def intersection(xs, ys):
    while True:
        try:
            os.fork()
        except OSError:
            pass
