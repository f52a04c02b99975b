# expect: failed
# Right counts, but always the first positions of each class: not random at all.
import math


def stratified_split(labels, test_fraction, seed):
    test = []
    for label in dict.fromkeys(labels):
        positions = [i for i, x in enumerate(labels) if x == label]
        test += positions[: math.floor(len(positions) * test_fraction)]
    test.sort()
    return [i for i in range(len(labels)) if i not in set(test)], test
