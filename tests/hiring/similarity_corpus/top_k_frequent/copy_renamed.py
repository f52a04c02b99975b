import heapq


def top_k_frequent(words: list[str], k: int) -> list[str]:
    """The k most frequent words, most frequent first, ties broken alphabetically."""
    # count everything
    tally = {}
    for w in words:
        tally[w] = tally.get(w, 0) + 1
    pq = []
    for token, n in tally.items():
        heapq.heappush(pq, (-n, token))  # max-heap via negation
    chosen = []
    while pq and len(chosen) < k:
        n, token = heapq.heappop(pq)
        chosen.append(token)
    return chosen
