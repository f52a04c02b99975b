"""Scripts that print our numbers next to a baseline measured in the same run."""
