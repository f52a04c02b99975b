from collections import Counter


def top_k_frequent(words: list[str], k: int) -> list[str]:
    """The k most frequent words, most frequent first, ties broken alphabetically."""
    counts = Counter(words)
    return sorted(counts, key=lambda word: (-counts[word], word))[:k]
