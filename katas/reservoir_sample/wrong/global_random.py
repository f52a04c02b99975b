# expect: failed
# Uses the random module's global generator: the seed is ignored and nothing repeats.
import random


def reservoir_sample(stream, k, seed):
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        else:
            j = random.randint(0, i)
            if j < k:
                reservoir[j] = item
    return reservoir
