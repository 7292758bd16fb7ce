"""The coverage map of London: each borough's square in the London Squared grid, shaded in bands by its count."""

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from boroughs.models import Borough
from programmes.models import InterventionType

BAND_COUNT = 4


@dataclass(frozen=True)
class Band:
    """One shade of the coverage map: the counts it covers and how it is labelled in the legend."""

    index: int
    low: int
    high: int

    @property
    def label(self) -> str:
        if self.high == 0:
            return "None"
        return str(self.low) if self.low == self.high else f"{self.low:,} to {self.high:,}"


@dataclass(frozen=True)
class Square:
    """A borough on the map, its count and its shade."""

    borough: Borough
    count: int
    band: Band


@dataclass(frozen=True)
class CoverageMap:
    """Every borough's square, the bands shading them and what was counted: the period and the kind of work."""

    squares: list[Square]
    bands: list[Band]
    start: date
    end: date
    intervention_type: InterventionType | None
    gaps: bool = False  # Shaded by gaps in provision rather than by projects running.

    @property
    def total(self) -> int:
        return sum(square.count for square in self.squares)

    @property
    def legend(self) -> list[tuple[Band, int]]:
        """Each band with how many boroughs fall in it."""
        return [(band, sum(1 for square in self.squares if square.band == band)) for band in self.bands]


def bands_for(highest: int) -> list[Band]:
    """ "None", then up to four equal ranges from 1 to the highest count."""
    bands = [Band(0, 0, 0)]
    if highest:
        width = math.ceil(highest / min(BAND_COUNT, highest))
        bands += [
            Band(index, (index - 1) * width + 1, min(index * width, highest))
            for index in range(1, math.ceil(highest / width) + 1)
        ]
    return bands


def squares_for(boroughs: list[Borough], counts: Counter, bands: list[Band]) -> list[Square]:
    """Each borough's square, shaded by the band its count falls in."""

    def band_of(count: int) -> Band:
        return next(band for band in bands if band.low <= count <= band.high)

    return [Square(borough, counts[borough.pk], band_of(counts[borough.pk])) for borough in boroughs]
