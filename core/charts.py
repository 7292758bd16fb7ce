"""Charts drawn on the server as SVG: a value scale with round ticks, then the points of lines or the boxes of bars.

Plain numbers in, plain numbers out (SVG user units), no Django: templates/includes/_chart.html draws the result
with classes styled from our Sass, since the strict Content-Security-Policy forbids inline styles.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

# The drawing in SVG user units (the SVG scales to its container's width): room for the value labels on the left
# and half a category label on the right (margins), and the plot's top and bottom (the 0 line) as y.
WIDTH, HEIGHT = 1000, 360
LEFT, RIGHT, TOP, BOTTOM = 80, 60, 16, 300
# About how many value ticks the axis shows, and the room one category label needs.
TICKS = 5
LABEL_ROOM = 120
# The share of a category's band that its bars fill, together.
BAR_FILL = 0.7
# The key under the chart: where its row sits and how far apart its entries are.
KEY_Y, KEY_SPACING = 340, 320


@dataclass(frozen=True)
class Series:
    """One set of figures, a value per category (None where there is none yet), and the class that styles it."""

    name: str
    values: tuple[int | None, ...]
    style: str


@dataclass(frozen=True)
class Tick:
    value: int
    y: float

    @property
    def label(self) -> str:
        return f"{self.value:,}"


@dataclass(frozen=True)
class Category:
    """A category (a quarter) on the horizontal axis: the middle of its band, and whether its label is written."""

    label: str
    x: float
    labelled: bool


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    category: str


@dataclass(frozen=True)
class Line:
    name: str
    style: str
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        """The points as an SVG polyline's `points` attribute."""
        return " ".join(f"{point.x},{point.y}" for point in self.points)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    category: str
    name: str
    style: str


@dataclass(frozen=True)
class Key:
    """An entry of the chart's key: a sample of the series' line or bar, then its name."""

    name: str
    style: str
    x: int


@dataclass(frozen=True)
class Chart:
    """Everything an SVG chart draws, in user units of a WIDTH × HEIGHT view box."""

    ticks: tuple[Tick, ...]
    categories: tuple[Category, ...]
    lines: tuple[Line, ...] = ()
    bars: tuple[Bar, ...] = ()
    keys: tuple[Key, ...] = ()
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = BOTTOM
    key_y: int = KEY_Y


def tick_step(maximum: int, count: int = TICKS) -> int:
    """The smallest round step (1, 2 or 5 times a power of ten) that reaches `maximum` in at most `count` steps."""
    if maximum <= 0:
        return 1
    rough = maximum / count
    power = 10 ** max(math.floor(math.log10(rough)), 0)
    # rough < 10 * power, so ten times the power always reaches the maximum.
    return next(multiple * power for multiple in (1, 2, 5, 10) if multiple * power * count >= maximum)


def tick_values(maximum: int, count: int = TICKS) -> list[int]:
    """Round values from 0 to the first step at or above `maximum` (0 to 1 when there is nothing to show)."""
    step = tick_step(maximum, count)
    steps = max(math.ceil(maximum / step), 1)
    return [step * n for n in range(steps + 1)]


def value_y(value: float, top_value: int) -> float:
    """Where a value sits between the axis's 0 (at BOTTOM) and its top tick (at TOP)."""
    return round(BOTTOM - value / top_value * (BOTTOM - TOP), 2)


def _categories(labels: Sequence[str]) -> tuple[tuple[Category, ...], float]:
    band = (WIDTH - RIGHT - LEFT) / max(len(labels), 1)
    # When the labels would crowd each other, write every second (third ...) one, always the last.
    every = max(math.ceil(LABEL_ROOM / band), 1)
    last = len(labels) - 1
    categories = tuple(
        Category(label, round(LEFT + band * (index + 0.5), 2), (last - index) % every == 0)
        for index, label in enumerate(labels)
    )
    return categories, band


def _keys(series: Sequence[Series]) -> tuple[Key, ...]:
    return tuple(Key(one.name, one.style, LEFT + index * KEY_SPACING) for index, one in enumerate(series))


def _scale(series: Sequence[Series]) -> tuple[Tick, ...]:
    highest = max((value for one in series for value in one.values if value is not None), default=0)
    values = tick_values(highest)
    return tuple(Tick(value, value_y(value, values[-1])) for value in values)


def line_chart(labels: Sequence[str], series: Sequence[Series]) -> Chart:
    """Each series as a line through its values, one point per category that has a value."""
    categories, _ = _categories(labels)
    ticks = _scale(series)
    top_value = ticks[-1].value
    lines = tuple(
        Line(
            one.name,
            one.style,
            tuple(
                Point(category.x, value_y(value, top_value), value, category.label)
                for category, value in zip(categories, one.values, strict=True)
                if value is not None
            ),
        )
        for one in series
    )
    return Chart(ticks=ticks, categories=categories, lines=lines, keys=_keys(series))


def bar_chart(labels: Sequence[str], series: Sequence[Series]) -> Chart:
    """The series side by side in each category's band, a bar per value (a value of 0 draws no height)."""
    categories, band = _categories(labels)
    ticks = _scale(series)
    top_value = ticks[-1].value
    width = round(band * BAR_FILL / max(len(series), 1), 2)
    start = -band * BAR_FILL / 2
    bars = tuple(
        Bar(
            x=round(category.x + start + position * width, 2),
            y=value_y(value, top_value),
            width=width,
            height=round(BOTTOM - value_y(value, top_value), 2),
            value=value,
            category=category.label,
            name=one.name,
            style=one.style,
        )
        for position, one in enumerate(series)
        for category, value in zip(categories, one.values, strict=True)
        if value is not None
    )
    return Chart(ticks=ticks, categories=categories, bars=bars, keys=_keys(series))
