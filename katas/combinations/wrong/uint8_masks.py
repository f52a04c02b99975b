# expect: failed
# Vectorised bitmasks unpacked from uint8: 8 bits per mask, so for n > 8 the numbers above 8
# are never chosen.
import numpy as np


def combinations(n, k):
    masks = np.arange(1 << n).astype(np.uint8)
    bits = np.unpackbits(masks[:, None], axis=1, bitorder="little")[:, :n]
    rows = np.unique(bits[bits.sum(axis=1) == k], axis=0)
    return [[int(i) + 1 for i in np.flatnonzero(row)] for row in rows]
