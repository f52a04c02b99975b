def reservoir_sample(stream: list, k: int, seed: int) -> list:
    """A uniform sample of min(k, n) items in one pass; randomness from default_rng(seed)."""
    raise NotImplementedError
