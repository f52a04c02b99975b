def valid_parentheses(s: str) -> bool:
    """True if every bracket in s is closed by one of its kind, in the right order."""
    raise NotImplementedError
