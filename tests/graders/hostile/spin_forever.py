# expect: timeout
def intersection(xs, ys):
    while True:
        pass
