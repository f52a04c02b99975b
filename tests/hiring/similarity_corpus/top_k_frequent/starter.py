def top_k_frequent(words: list[str], k: int) -> list[str]:
    """The k most frequent words, most frequent first, ties broken alphabetically."""
    raise NotImplementedError
