from itertools import groupby


def top_k_frequent(words: list[str], k: int) -> list[str]:
    """The k most frequent words, most frequent first, ties broken alphabetically."""
    pairs = [(len(list(group)), key) for key, group in groupby(sorted(words))]
    pairs.sort(key=lambda p: (-p[0], p[1]))
    return [key for _, key in pairs[:k]]
