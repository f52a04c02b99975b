# expect: error
import builtins

builtins.isinstance = lambda *args: True
builtins.len = lambda value: 0
builtins.sorted = lambda value, **kwargs: []
builtins.AssertionError = type("AssertionError", (Exception,), {})


def intersection(xs, ys):
    return [0]
