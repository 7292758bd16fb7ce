"""The coverage map's bands: "None", then up to four equal ranges covering every count to the highest."""

import pytest

from coverage.map import bands_for


@pytest.mark.parametrize(
    ("highest", "labels"),
    [
        (0, ["None"]),
        (1, ["None", "1"]),
        (3, ["None", "1", "2", "3"]),
        (10, ["None", "1 to 3", "4 to 6", "7 to 9", "10"]),
        (2000, ["None", "1 to 500", "501 to 1,000", "1,001 to 1,500", "1,501 to 2,000"]),
    ],
)
def test_bands_cover_every_count_from_none_to_the_highest(highest, labels):
    bands = bands_for(highest)
    assert [band.label for band in bands] == labels
    assert all(any(band.low <= count <= band.high for band in bands) for count in range(highest + 1))
