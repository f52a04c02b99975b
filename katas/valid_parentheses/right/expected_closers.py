def valid_parentheses(s: str) -> bool:
    """Push the closer each opener expects; a closer must match the top of the stack."""
    closer = {"(": ")", "[": "]", "{": "}"}
    expected: list[str] = []
    for char in s:
        if char in closer:
            expected.append(closer[char])
        elif not expected or expected.pop() != char:
            return False
    return len(expected) == 0
