# expect: timeout
# Deletes innermost pairs until none is left: right, but each pass is O(n) and deep nesting
# needs n / 2 passes.
def valid_parentheses(s: str) -> bool:
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == s:
            return not s
        s = shorter
