"""The question bank: one file per question under questions/, imported from the user's notes."""
