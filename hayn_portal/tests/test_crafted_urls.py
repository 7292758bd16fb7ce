"""Crafted addresses on every URL pattern: a NUL byte, an id past any database integer or a malformed code in
the path or in a query parameter answers below 500 (a 404, a redirect or a page with a field error), on SQLite
and on PostgreSQL alike. The patterns come from the URL resolver, so a new page is covered without an entry.
"""

import re
from urllib.parse import urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from .helpers import hyde_projects_create

pytestmark = pytest.mark.django_db

# Values a path argument of each kind is given: an id past every integer column, zero, a NUL byte in a code
# and in a token, and a code of the right shape that names nothing.
BAD_PATH_VALUES = {
    "int": ("9223372036854775808", "99999999999999999999999999", "0"),
    "str": ("%00", "E09%0000020", "E99999999", "x" * 300),
    "path": ("%00", "9223372036854775808", "abc", "x%00/change"),
}
# Query parameters the pages read (filters, forms' initial values, paging, sorting, the export format).
QUERY_NAMES = [
    "borough",
    "place",
    "organisation",
    "organisation_now",
    "programme",
    "funding_programme",
    "type",
    "intervention_type",
    "status",
    "state",
    "project",
    "landlord",
    "page",
    "ordering",
    "sort",
    "period",
    "year",
    "quarter",
    "expand",
    "ages",
    "age_min",
    "age_max",
    "q",
    "format",
    "running_on",
    "active_from",
    "active_to",
    "counted",
    "next",
]
BAD_QUERY_VALUES = ("\x00", "E09\x0000020", "9223372036854775808", "-99999999999999999999", "\u00b2")
ARGUMENT = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")


def url_patterns(resolver=None, prefix: str = ""):
    """Every route of the portal as (route with <kind:name> arguments, the converters' kinds)."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def kind_of(match: re.Match) -> str:
    kind = match["kind"] or "str"
    return kind if kind in BAD_PATH_VALUES else "str"


def crafted_paths(route: str):
    """The route with each argument in turn given each bad value (the others a plausible one)."""
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    arguments = list(ARGUMENT.finditer(route))
    if re.search(r"[()\[\]?*+\\]", ARGUMENT.sub("", route)):
        return  # a regular-expression route (the admin's catch-all): its own views answer it
    for index, argument in enumerate(arguments):
        for bad in BAD_PATH_VALUES[kind_of(argument)]:
            path = route
            for other_index, other in enumerate(arguments):
                value = bad if other_index == index else ("1" if kind_of(other) == "int" else "E09000005")
                path = path.replace(other.group(0), value, 1)
            yield "/" + path


def crafted_queries(route: str):
    """The route without arguments, given every query parameter with each bad value."""
    if ARGUMENT.search(route) or re.search(r"[()\[\]?*+\\]", route.lstrip("^").rstrip("$")):
        return
    path = "/" + route.lstrip("^").rstrip("$")
    for bad in BAD_QUERY_VALUES:
        yield f"{path}?{urlencode(dict.fromkeys(QUERY_NAMES, bad))}"


def test_the_resolver_yields_the_pages_at_risk():
    """The generator reaches the pages the attacker's report names, with a NUL byte in each."""
    paths = {path for route in url_patterns() for path in crafted_paths(route)}
    queries = {query for route in url_patterns() for query in crafted_queries(route)}
    assert "/boroughs/%00/" in paths
    assert "/programmes/projects/9223372036854775808/" in paths
    assert any(query.startswith("/programmes/youth-voice/new/?borough=%00") for query in queries)
    assert any(query.startswith("/programmes/projects/?borough=%00") for query in queries)
    assert isinstance(get_resolver().pattern.converters.get("pk", IntConverter()), IntConverter)


@pytest.mark.parametrize("role", ["admin_client", "youth_lead_client", "client"])
def test_crafted_paths_and_queries_answer_below_500(role, request, partnership, django_db_blocker):
    """Every crafted path and query, as an administrator, a youth lead and someone signed out: below 500."""
    hyde_projects_create()
    client = request.getfixturevalue(role)
    client.raise_request_exception = False
    sent, failures = 0, []
    for route in url_patterns():
        for url in (*crafted_paths(route), *crafted_queries(route)):
            sent += 1
            status = client.get(url).status_code
            if status >= 500:
                failures.append((url, status))
    assert sent > 300
    assert failures == [], "\n".join(f"{status} {url}" for url, status in failures)
