def p_all_distinct(people: int, days: int = 365) -> float:
    """Probability that `people` uniform random birthdays over `days` days all differ."""
    if people > days:
        return 0.0
    # Person i + 1 must avoid the i days already taken. Each factor is in (0, 1], so the
    # product stays in range and its rounding error is under people * 2**-53, far below 1e-9;
    # int / int rounds once however large `days` is.
    probability = 1.0
    for taken in range(people):
        probability *= (days - taken) / days
    return probability
