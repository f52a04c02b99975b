# expect: error
# Pops without checking: a closer with nothing open raises IndexError.
def valid_parentheses(s):
    partner = {")": "(", "]": "[", "}": "{"}
    stack = []
    for char in s:
        if char in partner:
            if stack.pop() != partner[char]:
                return False
        else:
            stack.append(char)
    return not stack
