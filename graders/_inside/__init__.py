"""What runs inside the sandbox: the zygotes, their keepers, and the two workers' jobs.

Nothing outside the sandbox imports this package (tests/graders/test_seams.py checks it):
the supervisor only starts `python -m graders._inside.zygote` and talks to it through
`graders.messages`.
"""
