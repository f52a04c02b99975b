import numpy as np


def p_all_distinct(people: int, days: int = 365) -> float:
    """The product of (d - i) / d for i < n, vectorised."""
    if people > days:
        return 0.0
    return float(np.prod((days - np.arange(people, dtype=np.float64)) / days))
