"""London's 33 local authority areas: ONS GSS codes and the London Squared grid.

Grid layout: London Squared, © 2019 After the Flood Ltd, used under its ISC-style permission
notice; keep this credit wherever the layout is shown.
"""

from typing import NamedTuple

LONDON_SQUARED_CREDIT = "Grid layout: London Squared, © 2019 After the Flood Ltd."


class LondonArea(NamedTuple):
    gss_code: str
    name: str
    grid_column: int
    grid_row: int
    is_partnership_borough: bool = False


LONDON_AREAS = (
    LondonArea("E09000010", "Enfield", 4, 0),
    LondonArea("E09000015", "Harrow", 2, 1),
    LondonArea("E09000003", "Barnet", 3, 1),
    LondonArea("E09000014", "Haringey", 4, 1),
    LondonArea("E09000031", "Waltham Forest", 5, 1, True),
    LondonArea("E09000017", "Hillingdon", 0, 2),
    LondonArea("E09000009", "Ealing", 1, 2),
    LondonArea("E09000005", "Brent", 2, 2, True),
    LondonArea("E09000007", "Camden", 3, 2),
    LondonArea("E09000019", "Islington", 4, 2, True),
    LondonArea("E09000012", "Hackney", 5, 2, True),
    LondonArea("E09000026", "Redbridge", 6, 2),
    LondonArea("E09000016", "Havering", 7, 2),
    LondonArea("E09000018", "Hounslow", 0, 3),
    LondonArea("E09000013", "Hammersmith and Fulham", 1, 3),
    LondonArea("E09000020", "Kensington and Chelsea", 2, 3),
    LondonArea("E09000033", "Westminster", 3, 3),
    LondonArea("E09000001", "City of London", 4, 3),
    LondonArea("E09000030", "Tower Hamlets", 5, 3, True),
    LondonArea("E09000025", "Newham", 6, 3),
    LondonArea("E09000002", "Barking and Dagenham", 7, 3),
    LondonArea("E09000027", "Richmond upon Thames", 1, 4),
    LondonArea("E09000032", "Wandsworth", 2, 4),
    LondonArea("E09000022", "Lambeth", 3, 4, True),
    LondonArea("E09000028", "Southwark", 4, 4, True),
    LondonArea("E09000023", "Lewisham", 5, 4),
    LondonArea("E09000011", "Greenwich", 6, 4),
    LondonArea("E09000004", "Bexley", 7, 4),
    LondonArea("E09000021", "Kingston upon Thames", 2, 5),
    LondonArea("E09000024", "Merton", 3, 5),
    LondonArea("E09000008", "Croydon", 4, 5),
    LondonArea("E09000006", "Bromley", 5, 5),
    LondonArea("E09000029", "Sutton", 3, 6),
)

# The London areas sharing a land boundary with each partnership borough (the Thames is not counted as a
# shared boundary), by GSS code, for suggesting who works nearby. Written from the borough boundaries as the
# ONS's Local Authority Districts boundaries (Ordnance Survey Boundary-Line) draw them, but not checked
# against that source line by line: check it there (geoportal.statistics.gov.uk) before relying on it, and
# correct it here.
PARTNERSHIP_NEIGHBOURS = {
    # Brent: Barnet, Camden, Westminster, Kensington and Chelsea, Hammersmith and Fulham, Ealing, Harrow.
    "E09000005": ("E09000003", "E09000007", "E09000033", "E09000020", "E09000013", "E09000009", "E09000015"),
    # Hackney: Haringey, Waltham Forest, Newham, Tower Hamlets, City of London, Islington.
    "E09000012": ("E09000014", "E09000031", "E09000025", "E09000030", "E09000001", "E09000019"),
    # Islington: Haringey, Hackney, City of London, Camden.
    "E09000019": ("E09000014", "E09000012", "E09000001", "E09000007"),
    # Lambeth: Wandsworth, Merton, Croydon, Southwark.
    "E09000022": ("E09000032", "E09000024", "E09000008", "E09000028"),
    # Southwark: Lambeth, Lewisham, Bromley.
    "E09000028": ("E09000022", "E09000023", "E09000006"),
    # Tower Hamlets: Hackney, Newham, City of London.
    "E09000030": ("E09000012", "E09000025", "E09000001"),
    # Waltham Forest: Enfield, Haringey, Hackney, Newham, Redbridge.
    "E09000031": ("E09000010", "E09000014", "E09000012", "E09000025", "E09000026"),
}


def neighbours_of(gss_code: str) -> frozenset[str]:
    """The areas sharing a land boundary with this one, as far as the table above records (it holds every
    partnership borough; another area's neighbours are those partnership boroughs that list it)."""
    listed = set(PARTNERSHIP_NEIGHBOURS.get(gss_code, ()))
    listed |= {code for code, around in PARTNERSHIP_NEIGHBOURS.items() if gss_code in around}
    return frozenset(listed)
