def intersection(xs, ys):
    while True:
        pass
