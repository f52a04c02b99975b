def bootstrap_ci(
    data: list[float], n_resamples: int, confidence: float, seed: int
) -> tuple[float, float]:
    """Percentile bootstrap interval for the mean; randomness from default_rng(seed)."""
    raise NotImplementedError
