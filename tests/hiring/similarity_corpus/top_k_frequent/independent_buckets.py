def top_k_frequent(words: list[str], k: int) -> list[str]:
    """The k most frequent words, most frequent first, ties broken alphabetically."""
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    buckets: list[list[str]] = [[] for _ in range(len(words) + 1)]
    for w, c in counts.items():
        buckets[c].append(w)
    out: list[str] = []
    for c in range(len(words), 0, -1):
        for w in sorted(buckets[c]):
            if len(out) == k:
                return out
            out.append(w)
    return out
