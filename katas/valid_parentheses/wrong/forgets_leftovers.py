# expect: failed
# Never checks the stack is empty at the end: "((" passes.
def valid_parentheses(s):
    partner = {")": "(", "]": "[", "}": "{"}
    stack = []
    for char in s:
        if char in partner:
            if not stack or stack.pop() != partner[char]:
                return False
        else:
            stack.append(char)
    return True
