def p_all_distinct(people: int, days: int = 365) -> float:
    """Probability that `people` uniform random birthdays over `days` days all differ."""
    raise NotImplementedError
