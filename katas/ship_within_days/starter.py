def ship_within_days(weights: list[int], days: int) -> int:
    """The least ship capacity that carries every package, in order, within `days` days."""
    raise NotImplementedError
