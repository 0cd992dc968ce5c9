"""SVG charts drawn at build time: no JavaScript, no external request.

Each function returns markup for an inline `<svg role="img">` with a title
and a description, so a screen reader gets the same facts as the picture.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from .dates import parse_date
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


def timeline_chart(events: list[Event], chart_id: str = "timeline-chart") -> str:
    """A horizontal axis from the first to the last year, one mark per event."""
    if not events:
        return ""
    dates = [parse_date(event.date) for event in events]
    first_year = min(d.year for d in dates)
    last_year = max(d.year for d in dates) + 1
    span = max(1, (_fraction_of_years(last_year, 1, 1) - _fraction_of_years(first_year, 1, 1)))
    width, left, right, axis_y = 640, 20, 20, 70
    usable = width - left - right

    def x_of(year: int, month: int | None, day: int | None) -> float:
        offset = _fraction_of_years(year, month or 1, day or 1) - first_year
        return round(left + usable * offset / span, 1)

    parts = [f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}"/>']
    for year in range(first_year, last_year + 1):
        x = x_of(year, 1, 1)
        parts.append(f'<line class="tick" x1="{x}" y1="{axis_y - 6}" x2="{x}" y2="{axis_y + 6}"/>'
                     f'<text class="tick-label" x="{x}" y="{axis_y + 24}" text-anchor="middle">{year}</text>')
    for index, (event, when) in enumerate(zip(events, dates)):
        x = x_of(when.year, when.month, when.day)
        lift = 14 + (index % 3) * 14  # stagger marks that fall close together
        parts.append(
            f'<line class="stem" x1="{x}" y1="{axis_y}" x2="{x}" y2="{axis_y - lift}"/>'
            f'<circle class="mark" cx="{x}" cy="{axis_y - lift}" r="5"/>'
        )
    description = "; ".join(f"{when.display()}: {event.title}" for event, when in zip(events, dates))
    return (
        f'<svg class="chart timeline-chart" viewBox="0 0 {width} 110" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">Events from {first_year} to {last_year - 1}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        + "".join(parts) + "</svg>"
    )


def _fraction_of_years(year: int, month: int, day: int) -> float:
    return year + (month - 1) / 12 + (day - 1) / 365
