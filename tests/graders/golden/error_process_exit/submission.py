import os


def intersection(xs, ys):
    os._exit(3)
