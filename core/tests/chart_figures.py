"""Reads a page's chart (its SVG) and the table beside it back into figures, so tests can compare the two."""

from html.parser import HTMLParser


class _Figures(HTMLParser):
    """Collects one chart's drawn values, its axis ticks, and its table's cells under the series' columns."""

    def __init__(self, chart_id: str):
        super().__init__()
        self.chart_id = chart_id
        self.in_svg = self.in_table = False
        self.ticks: dict[int, float] = {}
        self.drawn: dict[tuple[str, str], dict] = {}
        self.columns: list[str | None] = []
        self.row: list[str] = []
        self.cell: list[str] | None = None
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg" and attrs.get("data-chart") == self.chart_id:
            self.in_svg = True
        elif tag == "table" and attrs.get("data-chart-table") == self.chart_id:
            self.in_table = True
        elif self.in_svg:
            self._drawn(tag, attrs)
        elif self.in_table and tag in ("th", "td"):
            if attrs.get("scope") == "col":
                self.columns.append(attrs.get("data-series"))
            else:
                self.cell = []

    def _drawn(self, tag, attrs):
        if tag == "text" and "data-value" in attrs:
            self.ticks[int(attrs["data-value"])] = float(attrs["y"])
        elif tag in ("circle", "rect") and "data-value" in attrs:
            y = float(attrs["cy"] if tag == "circle" else attrs["y"])
            height = float(attrs["height"]) if tag == "rect" else None
            self.drawn[(attrs["data-series"], attrs["data-category"])] = {
                "value": int(attrs["data-value"]),
                "y": y,
                "height": height,
            }

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        elif tag == "table" and self.in_table:
            self.in_table = False
        elif self.in_table and tag in ("th", "td") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif self.in_table and tag == "tr" and self.row:
            self.rows.append(self.row)
            self.row = []

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def _number(text: str) -> int | None:
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None


def chart_figures(html: str, chart_id: str) -> dict:
    """The chart's values by (series, category) as drawn, checked against where its own axis puts them.

    Raises AssertionError when a point or bar is not where its value says (so the picture cannot lie).
    """
    figures = _Figures(chart_id)
    figures.feed(html)
    assert figures.ticks, f"no chart {chart_id!r} on the page"
    zero_y, top = figures.ticks[0], max(figures.ticks)
    top_y = figures.ticks[top]
    for key, mark in figures.drawn.items():
        expected_y = zero_y - mark["value"] / top * (zero_y - top_y)
        assert abs(mark["y"] - expected_y) < 0.02, f"{key} drawn at {mark['y']}, its value says {expected_y}"
        if mark["height"] is not None:
            assert abs(mark["y"] + mark["height"] - zero_y) < 0.02, f"{key}'s bar does not stand on zero"
        assert mark["value"] <= top
    return {key: mark["value"] for key, mark in figures.drawn.items()}


def table_figures(html: str, chart_id: str) -> dict:
    """The chart's table read back: its numbers by (series column, row heading), blanks and words left out."""
    figures = _Figures(chart_id)
    figures.feed(html)
    assert figures.rows, f"no table for chart {chart_id!r} on the page"
    values = {}
    for row in figures.rows:
        category = row[0]
        for series, text in zip(figures.columns[1:], row[1:], strict=True):
            if series is not None and _number(text) is not None:
                values[(series, category)] = _number(text)
    return values
