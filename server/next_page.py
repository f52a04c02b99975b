"""Where a visitor goes after logging in (`next`), and why the page they wanted needs a login.

`next` comes from the address bar, so it is untrusted: only a path on this site is followed,
never another site (`//evil.example`, `https://...`, `/\\evil`, or a path with control
characters or spaces, which browsers strip or rewrite into another host).
"""

from __future__ import annotations

__all__ = ["login_reason", "safe_next"]

# Pages that need an account, by first path segment: why, said before the login form.
_REASONS = {
    "katas": "Katas are coding exercises graded in a sandbox; your drafts, runs and solved "
    "katas are kept in your account.",
    "submissions": "Submissions belong to the account that made them.",
    "flashcards": "Flashcards are scheduled for you by spaced repetition, so Katabank needs "
    "to know whose cards they are.",
    "answer": "Answer mode checks your typed answers and schedules each question for you, "
    "so it keeps them in your account.",
    "progress": "Your progress page shows your own reviews, answers and katas.",
}


def safe_next(target: str | None) -> str:
    """`target` if it is a path on this site, else "/"."""
    if (
        not target
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in target)
    ):
        return "/"
    return target


def login_reason(target: str | None) -> str | None:
    """Why the page at `target` needs a login, or None for a page with no special reason."""
    path = safe_next(target)
    section = path.split("?", 1)[0].split("#", 1)[0].strip("/").split("/", 1)[0]
    reason = _REASONS.get(section)
    return f"Please log in to continue. {reason}" if reason else None
