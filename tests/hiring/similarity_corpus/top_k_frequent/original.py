import heapq


def top_k_frequent(words: list[str], k: int) -> list[str]:
    """The k most frequent words, most frequent first, ties broken alphabetically."""
    frequency = {}
    for word in words:
        frequency[word] = frequency.get(word, 0) + 1
    heap = []
    for word, count in frequency.items():
        heapq.heappush(heap, (-count, word))
    best = []
    while heap and len(best) < k:
        count, word = heapq.heappop(heap)
        best.append(word)
    return best
