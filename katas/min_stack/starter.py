class MinStack:
    """A stack that also knows its smallest number."""

    def __init__(self) -> None:
        raise NotImplementedError

    def push(self, x: int) -> None:
        """Put x on top."""
        raise NotImplementedError

    def pop(self) -> int:
        """Remove and return the top number; IndexError if empty."""
        raise NotImplementedError

    def top(self) -> int:
        """The top number; IndexError if empty."""
        raise NotImplementedError

    def get_min(self) -> int:
        """The smallest number on the stack; IndexError if empty."""
        raise NotImplementedError
