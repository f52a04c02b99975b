PARTNER = {")": "(", "]": "[", "}": "{"}


def valid_parentheses(s: str) -> bool:
    """True if every bracket in s is closed by one of its kind, in the right order."""
    open_brackets: list[str] = []
    for char in s:
        if char in PARTNER:
            if not open_brackets or open_brackets.pop() != PARTNER[char]:
                return False
        else:
            open_brackets.append(char)
    return not open_brackets
