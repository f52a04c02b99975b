def edit_distance(a: str, b: str) -> int:
    """The least number of insertions, deletions and substitutions turning a into b."""
    # previous[j]: distance between the prefix of a read so far and b[:j]; one row at a time.
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + 1,  # delete char_a
                    current[j - 1] + 1,  # insert char_b
                    previous[j - 1] + (char_a != char_b),  # substitute (or keep)
                )
            )
        previous = current
    return previous[-1]
