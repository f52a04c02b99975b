"""Runs in the harness sandbox: pytest + Hypothesis with the kata's tests and its reference."""
