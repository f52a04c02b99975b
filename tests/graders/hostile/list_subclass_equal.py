# expect: failed
class AlwaysEqualList(list):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


def intersection(xs, ys):
    return AlwaysEqualList([42])
