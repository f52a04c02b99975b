"""The timed-attempt engine shared by mock interviews and hiring assessments.

models      Attempt, AttemptItem (frozen items + answers + scores), AnswerSnapshot
sets        ItemSpec (an item as data), MockPlan, PRESETS, compose
attempts    the lifecycle: start, save_answer, focus, submit, abandon, refresh, sweep
snapshots   the append-only answer history
scoring     concept scores by key points, kata items as queued hidden-test submissions
scorecard   what a graded attempt shows, per item and per topic
seats       the interviewer's revocable link and scores
mocks       mock interviews: one at a time, weak spots, history, review ratings
sweeper     the periodic sweep that submits and settles attempts nobody is looking at

How an assessment reuses it: the hiring code turns its frozen set version into `ItemSpec`s
(pools drawn per candidate), calls `attempts.start(kind=AttemptKind.assessment,
user_id=None, items=..., seconds=...)` with its own deadline rule, and keeps the link from
invitation to attempt in its own table. Saving, expiry, the sweep, snapshots (playback) and
scoring are the same; kata items need a submission owner, which today is the attempt's user.
"""
