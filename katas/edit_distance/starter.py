def edit_distance(a: str, b: str) -> int:
    """The least number of insertions, deletions and substitutions turning a into b."""
    raise NotImplementedError
