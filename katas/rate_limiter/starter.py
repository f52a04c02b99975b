class RateLimiter:
    """At most `limit` allowed requests in any window of `window` seconds."""

    def __init__(self, limit: int, window: int) -> None:
        raise NotImplementedError

    def allow(self, t: int) -> bool:
        """Allow (and count) a request at time t, or refuse it."""
        raise NotImplementedError
