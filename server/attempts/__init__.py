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
"""
