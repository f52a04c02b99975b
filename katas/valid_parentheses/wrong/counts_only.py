# expect: failed
# Counts each kind separately: "([)]" balances every count but closes in the wrong order.
def valid_parentheses(s):
    depth = {"(": 0, "[": 0, "{": 0}
    partner = {")": "(", "]": "[", "}": "{"}
    for char in s:
        if char in depth:
            depth[char] += 1
        else:
            depth[partner[char]] -= 1
            if depth[partner[char]] < 0:
                return False
    return all(d == 0 for d in depth.values())
