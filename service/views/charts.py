"""Charts drawn on the server as SVG: bars laid out here, drawn by templates/dashboard/_chart.html
with the figures in a table beside them. They need no JavaScript and no chart library's own
styles and scripts; a screen reader reads the table, and the SVG carries a title and summary."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 640  # the SVG's own units; it scales to the column it sits in
ROW = 30  # one horizontal bar and its gap
LABEL = 250  # room for a bar's label, left of the bars
COLUMN_AREA = 200  # the height of a column chart's columns at their tallest


@dataclass
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Chart:
    key: str  # unique on the page: the ids of its title and table
    title: str
    bars: list[Bar]
    width: int
    height: int
    horizontal: bool

    @property
    def summary(self) -> str:
        """What the chart shows, in one sentence, for its SVG description."""
        if not self.bars:
            return "No referrals."
        biggest = max(self.bars, key=lambda bar: bar.value)
        total = sum(bar.value for bar in self.bars)
        return f"{total} in all; the most, {biggest.value}, {biggest.label}."


def bars(key: str, title: str, counts: list[tuple[str, int]]) -> Chart:
    """Horizontal bars, one per (label, count), for categories with long names."""
    most = max((count for _, count in counts), default=0) or 1
    room = WIDTH - LABEL - 60  # leave space for the figure after the longest bar
    laid_out = [
        Bar(label, count, LABEL, 6 + n * ROW, room * count / most, ROW - 10)
        for n, (label, count) in enumerate(counts)
    ]
    return Chart(key, title, laid_out, WIDTH, max(len(counts), 1) * ROW + 6, horizontal=True)


def columns(key: str, title: str, counts: list[tuple[str, int]]) -> Chart:
    """Vertical columns, one per (label, count), for a series in time (months)."""
    most = max((count for _, count in counts), default=0) or 1
    step = (WIDTH - 20) / max(len(counts), 1)
    top = 24  # room for a figure above the tallest column
    laid_out = []
    for n, (label, count) in enumerate(counts):
        height = COLUMN_AREA * count / most
        left = 10 + n * step + step * 0.15
        laid_out.append(Bar(label, count, left, top + COLUMN_AREA - height, step * 0.7, height))
    return Chart(key, title, laid_out, WIDTH, top + COLUMN_AREA + 30, horizontal=False)
