def weighted_sample(weights: list[int], count: int, seed: int) -> list[int]:
    """`count` indices drawn with replacement, P(i) = w_i / sum(w), from default_rng(seed)."""
    raise NotImplementedError
