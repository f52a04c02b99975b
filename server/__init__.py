"""Katabank web app: HTTP in, HTML out; owns users, practice events, submissions."""
