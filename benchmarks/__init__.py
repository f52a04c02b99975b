"""Scripts that print our numbers next to a baseline measured in the same run.

Run them as modules from the repository root (`.venv/bin/python -m benchmarks.grading`): run
as files, this folder comes first on sys.path and `queue.py` hides the standard library's.
"""
