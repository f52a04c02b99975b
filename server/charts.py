"""Charts as server-rendered SVG: no JavaScript, readable by screen readers, testable by parsing.

A chart is a plain `<svg role="img">` with a `<title>` and `<desc>`, labelled axes, and one
element per data point that carries its own `<title>` (a tooltip and an accessible name).
Pages pair each chart with a table of the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from markupsafe import Markup

__all__ = ["daily_chart"]

_WIDTH, _HEIGHT = 720, 260
_LEFT, _RIGHT, _TOP, _BOTTOM = 52, 56, 16, 48
_PLOT_W = _WIDTH - _LEFT - _RIGHT
_PLOT_H = _HEIGHT - _TOP - _BOTTOM


def daily_chart(
    *,
    chart_id: str,
    title: str,
    days: Sequence[date],
    counts: Sequence[int],
    shares: Sequence[float | None],
) -> Markup:
    """Bars of a daily count (left axis) and a line of a daily share in [0, 1] (right axis).

    One `rect.bar` per day with a non-zero count and one `circle.point` per day whose share
    is not None, so the picture has exactly as many marks as the data has values.
    """
    if not len(days) == len(counts) == len(shares):
        raise ValueError("days, counts and shares must have the same length")
    top = _nice_top(max(counts, default=0))
    slot = _PLOT_W / max(len(days), 1)
    parts = [
        f'<svg id="{escape(chart_id)}" class="chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="12" fill="currentColor">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(_describe(days, counts, shares))}</desc>',
    ]
    parts += _axes(days, top, slot)
    for index, (day, count) in enumerate(zip(days, counts, strict=True)):
        if count <= 0:
            continue
        height = _PLOT_H * count / top
        x = _LEFT + index * slot + slot * 0.15
        y = _TOP + _PLOT_H - height
        parts.append(
            f'<rect class="bar" data-day="{day.isoformat()}" data-value="{count}" '
            f'x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{height:.1f}" '
            'fill="#4c78a8">'
            f"<title>{day.isoformat()}: {count} {_plural(count, 'review')}</title></rect>"
        )
    points = [
        (_LEFT + (index + 0.5) * slot, _TOP + _PLOT_H * (1 - share), day, share)
        for index, (day, share) in enumerate(zip(days, shares, strict=True))
        if share is not None
    ]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in points)
        parts.append(
            f'<polyline class="line" points="{path}" fill="none" stroke="#e4572e" '
            'stroke-width="2" />'
        )
    for x, y, day, share in points:
        parts.append(
            f'<circle class="point" data-day="{day.isoformat()}" data-value="{share:.3f}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#e4572e">'
            f"<title>{day.isoformat()}: {share:.0%} rated Good or Easy</title></circle>"
        )
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _axes(days: Sequence[date], top: int, slot: float) -> list[str]:
    bottom = _TOP + _PLOT_H
    right = _LEFT + _PLOT_W
    parts = [
        '<g class="axes" aria-hidden="true">'
        '<g stroke="#666">'
        f'<line x1="{_LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}" />'
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{bottom}" />'
        f'<line x1="{right}" y1="{_TOP}" x2="{right}" y2="{bottom}" />'
        "</g>"
    ]
    for step in range(5):
        fraction = step / 4
        y = bottom - _PLOT_H * fraction
        parts.append(
            f'<line class="grid" x1="{_LEFT}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
            'stroke="#ddd" />'
            f'<text class="tick" x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_tick(top * fraction)}</text>"
            f'<text class="tick" x="{right + 6}" y="{y + 4:.1f}">{fraction:.0%}</text>'
        )
    for index, day in enumerate(days):
        if (len(days) - 1 - index) % 7 == 0:
            x = _LEFT + (index + 0.5) * slot
            parts.append(
                f'<text class="tick" x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">'
                f"{day.strftime('%b %d')}</text>"
            )
    parts.append(
        f'<text class="axis-label" x="{_LEFT + _PLOT_W / 2}" y="{_HEIGHT - 6}" '
        f'text-anchor="middle">Day (UTC)</text>'
        f'<text class="axis-label" transform="rotate(-90)" x="{-(_TOP + _PLOT_H / 2)}" y="14" '
        f'text-anchor="middle">Reviews</text>'
        f'<text class="axis-label" transform="rotate(90)" x="{_TOP + _PLOT_H / 2}" '
        f'y="{-(_WIDTH - 12)}" text-anchor="middle">Rated Good or Easy</text>'
        "</g>"
    )
    return parts


def _nice_top(largest: int) -> int:
    """The smallest of 4, 8, 20, 40, 80, 200 ... at or above `largest`, so ticks are round."""
    top = 4
    while top < largest:
        top = top * 5 // 2 if str(top)[0] == "8" else top * 2
    return top


def _tick(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"


def _describe(days: Sequence[date], counts: Sequence[int], shares: Sequence[float | None]) -> str:
    if not days:
        return "No days to show."
    active = sum(1 for count in counts if count)
    total = sum(counts)
    rated = [share for share in shares if share is not None]
    text = (
        f"{total} {_plural(total, 'review')} on {active} of {len(days)} days, "
        f"{days[0].isoformat()} to {days[-1].isoformat()}."
    )
    if rated:
        text += f" Days with ratings averaged {sum(rated) / len(rated):.0%} Good or Easy."
    return text
