"""SVG charts drawn at build time: no JavaScript, no external request.

Each function returns markup for an inline `<svg role="img">` with a title
and a description, so a screen reader gets the same facts as the picture.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from .dates import MONTH_NAMES, parse_date
from .records import Event, Figure

BAR_WIDTH = 420
ROW_HEIGHT = 30


def format_number(value: float | int) -> str:
    """1700000 -> '1,700,000'; 2.5 -> '2.5'."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def comparable_figures(figures: list[Figure]) -> list[Figure]:
    """The figures worth a chart: those sharing a unit with another; all of them if none do."""
    counts: dict[str, int] = defaultdict(int)
    for figure in figures:
        counts[figure.unit] += 1
    shared = [figure for figure in figures if counts[figure.unit] > 1]
    return shared or figures


def figures_chart(figures: list[Figure], chart_id: str = "figures-chart") -> str:
    """Horizontal bars, one group per unit, each bar scaled to the largest of its unit.

    Each bar has its label on the line above it, so long labels need no cutting.
    """
    by_unit: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_unit[figure.unit].append(figure)
    rows: list[str] = []
    y = 0
    for unit in sorted(by_unit):
        group = by_unit[unit]
        largest = max(abs(figure.value) for figure in group) or 1
        rows.append(f'<text class="chart-unit" x="0" y="{y + 16}">{escape(unit)}</text>')
        y += 24
        for figure in group:
            width = max(2, round(BAR_WIDTH * abs(figure.value) / largest))
            label = f"{figure.label} ({parse_date(figure.as_of).display()})"
            rows.append(
                f'<text class="chart-label" x="0" y="{y + 14}">{escape(_shorten(label, 75))}</text>'
                f'<rect class="chart-bar" x="0" y="{y + 20}" width="{width}" height="16" rx="3"/>'
                f'<text class="chart-value" x="{width + 6}" y="{y + 33}">{escape(format_number(figure.value))}</text>'
            )
            y += ROW_HEIGHT + 16
    total_width = BAR_WIDTH + 180
    description = "; ".join(
        f"{figure.label}: {format_number(figure.value)} {figure.unit} ({parse_date(figure.as_of).display()})"
        for figure in figures
    )
    return (
        f'<svg class="chart figures-chart" viewBox="0 0 {total_width} {max(y, ROW_HEIGHT)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">The figures, by unit</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        + "".join(rows) + "</svg>"
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


MAX_STEPS = 14  # beyond this many distinct dates, steps get too narrow: use a scale of years


def timeline_chart(events: list[Event], chart_id: str = "timeline-chart") -> str:
    """The events on a line: one labelled step per date, or a scale of years for long timelines.

    News clusters: most of a briefing's events fall in a few days, which a
    true time scale would pile on one spot. Equal steps, in date order, with
    a break drawn where years pass, keep every date readable.
    """
    if not events:
        return ""
    dates = [parse_date(event.date) for event in events]
    steps = sorted(set(dates), key=lambda d: d.sort_key())
    body = _stepped_timeline(events, dates, steps) if len(steps) <= MAX_STEPS else _scaled_timeline(dates)
    first, last = steps[0].year, steps[-1].year
    span = str(first) if first == last else f"{first} to {last}"
    description = "; ".join(f"{when.display()}: {event.title}" for event, when in zip(events, dates))
    return (
        f'<svg class="chart timeline-chart" viewBox="0 0 640 120" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{len(events)} events, {span}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        + body + "</svg>"
    )


def _stepped_timeline(events: list[Event], dates: list, steps: list) -> str:
    left, right, axis_y = 40, 600, 62
    gap = (right - left) / max(len(steps) - 1, 1)
    x_of = {step: round(left + gap * index, 1) if len(steps) > 1 else (left + right) / 2
            for index, step in enumerate(steps)}
    parts = [f'<line class="axis" x1="{left - 20}" y1="{axis_y}" x2="{right + 20}" y2="{axis_y}"/>']
    for index, step in enumerate(steps):
        x = x_of[step]
        count = sum(1 for when in dates if when == step)
        if index and steps[index - 1].year != step.year:  # a break where years pass
            middle = round(x - gap / 2, 1)
            parts.append(f'<line class="tick" x1="{middle - 3}" y1="{axis_y + 8}" x2="{middle + 3}" y2="{axis_y - 8}"/>')
        label_y = axis_y - 18 if index % 2 == 0 else axis_y + 30
        parts.append(
            f'<circle class="mark" cx="{x}" cy="{axis_y}" r="{5 + min(count - 1, 4)}"/>'
            f'<text class="tick-label" x="{x}" y="{label_y}" text-anchor="middle">{escape(_short_date(step))}</text>'
        )
        if count > 1:  # how many events share the date, on the far side of its label
            count_y = label_y - 14 if index % 2 == 0 else label_y + 14
            parts.append(f'<text class="tick-label" x="{x}" y="{count_y}" text-anchor="middle">({count})</text>')
    return "".join(parts)


def _short_date(when) -> str:
    """'2019', 'Apr 2019', '13 Sep 2023': a date at its precision, short enough for a label."""
    if when.month is None:
        return str(when.year)
    month = MONTH_NAMES[when.month - 1][:3]
    return f"{month} {when.year}" if when.day is None else f"{when.day} {month} {when.year}"


def _scaled_timeline(dates: list) -> str:
    """A horizontal axis from the first to the last year, one mark per event."""
    first_year = min(d.year for d in dates)
    last_year = max(d.year for d in dates) + 1
    span = max(1, last_year - first_year)
    left, usable, axis_y = 20, 600, 70

    def x_of(year: int, month: int | None, day: int | None) -> float:
        offset = _fraction_of_years(year, month or 1, day or 1) - first_year
        return round(left + usable * offset / span, 1)

    parts = [f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{left + usable}" y2="{axis_y}"/>']
    for year in range(first_year, last_year + 1):
        x = x_of(year, 1, 1)
        parts.append(f'<line class="tick" x1="{x}" y1="{axis_y - 6}" x2="{x}" y2="{axis_y + 6}"/>'
                     f'<text class="tick-label" x="{x}" y="{axis_y + 24}" text-anchor="middle">{year}</text>')
    for index, when in enumerate(dates):
        x = x_of(when.year, when.month, when.day)
        lift = 14 + (index % 3) * 14  # stagger marks that fall close together
        parts.append(f'<line class="stem" x1="{x}" y1="{axis_y}" x2="{x}" y2="{axis_y - lift}"/>'
                     f'<circle class="mark" cx="{x}" cy="{axis_y - lift}" r="5"/>')
    return "".join(parts)


def _fraction_of_years(year: int, month: int, day: int) -> float:
    return year + (month - 1) / 12 + (day - 1) / 365
