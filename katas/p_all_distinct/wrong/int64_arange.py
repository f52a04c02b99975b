# expect: error
# The product in numpy with the default int64 arange: right while days fits in 64 signed bits,
# an OverflowError for 2**64 days (64-bit ids), which the contract allows.
import numpy as np


def p_all_distinct(people, days=365):
    if people > days:
        return 0.0
    return float(np.prod((days - np.arange(people)) / days))
