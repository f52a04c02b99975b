# expect: error
# Recursive descent: right, but 100 000 nested brackets exceed Python's recursion limit.
def valid_parentheses(s):
    closer = {"(": ")", "[": "]", "{": "}"}

    def parse(i):
        while i < len(s) and s[i] in closer:
            j = parse(i + 1)
            if j >= len(s) or s[j] != closer[s[i]]:
                return -1 if j == -1 else len(s) + 1
            i = j + 1
        return i

    end = parse(0)
    return end == len(s)
