class StreamingMedian:
    """The median of the numbers added so far."""

    def __init__(self) -> None:
        raise NotImplementedError

    def add(self, x: int) -> None:
        """Add the number x."""
        raise NotImplementedError

    def median(self) -> float:
        """The median so far (the mean of the middle pair for an even count); ValueError if none."""
        raise NotImplementedError
