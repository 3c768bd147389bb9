"""Geometry for the dashboard's inline SVG charts (the template draws them).

Each chart sits next to a table with the same numbers, so a screen reader user (and
anyone who prefers figures) has them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .indicators import Table

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 200
PLOT_WIDTH = 360
LINE_HEIGHT = 180
LINE_WIDTH = 640
SERIES_CLASSES = ["series-a", "series-b", "series-c"]


@dataclass
class Bar:
    label: str
    value: float
    y: int
    width: float

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT // 2 + 5


def bars(table: Table) -> dict:
    """Horizontal bars of a table's second column, labelled by its first."""
    values = [(str(row[0]), float(row[1] or 0)) for row in table.rows]
    top = max((value for _, value in values), default=0) or 1
    items = [
        Bar(label, value, index * (BAR_HEIGHT + BAR_GAP), round(PLOT_WIDTH * value / top, 1))
        for index, (label, value) in enumerate(values)
    ]
    return {
        "kind": "bars",
        "bars": items,
        "height": max(len(items) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT),
        "width": LABEL_WIDTH + PLOT_WIDTH + 60,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "value_x_offset": LABEL_WIDTH + 6,
    }


def lines(table: Table) -> dict:
    """One line per numeric column over the rows (months)."""
    rows = table.rows
    series_count = len(table.columns) - 1
    top = max((float(row[i]) for row in rows for i in range(1, series_count + 1)), default=0) or 1
    step = LINE_WIDTH / max(len(rows) - 1, 1)
    series = []
    for index in range(1, series_count + 1):
        points = [
            (round(40 + n * step, 1), round(10 + (LINE_HEIGHT - 20) * (1 - row[index] / top), 1))
            for n, row in enumerate(rows)
        ]
        series.append(
            {
                "name": table.columns[index],
                "points": " ".join(f"{x},{y}" for x, y in points),
                "dots": points,
                "css": SERIES_CLASSES[(index - 1) % len(SERIES_CLASSES)],
            }
        )
    # At most about eight labels under the line, so they never run into each other.
    every = -(-len(rows) // 8)
    ticks = [
        {"x": round(40 + n * step, 1), "label": row[0]}
        for n, row in enumerate(rows)
        if n % every == 0
    ]
    return {
        "kind": "lines",
        "series": series,
        "ticks": ticks,
        "top": int(top) if float(top).is_integer() else top,
        "width": LINE_WIDTH + 80,
        "height": LINE_HEIGHT + 30,
        "baseline": LINE_HEIGHT - 10,
    }


def chart(table: Table) -> dict | None:
    draw = {"bars": bars, "lines": lines}.get(table.chart)
    return draw(table) if draw and table.rows else None
