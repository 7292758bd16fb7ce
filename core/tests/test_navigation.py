"""The navigation shows each role the pages its role predicates admit, and marks the current one."""

from types import SimpleNamespace

import pytest
from django.urls import resolve, reverse

from core.navigation import navigation_for
from core.roles import Role


def person(role: Role, *, organisation_id: int | None = 1, is_superuser: bool = False) -> SimpleNamespace:
    return SimpleNamespace(is_authenticated=True, role=role, organisation_id=organisation_id, is_superuser=is_superuser)


def labels(user, path: str = "/") -> list[str]:
    return [item["label"] for item in navigation_for(user, resolve(path))]


EVERYONE = ["Home", "Register", "Map", "Youth voice"]


@pytest.mark.parametrize(
    ("user", "extra"),
    [
        (person(Role.YOUTH_LEAD), ["Log a project", "Import, export", "Coverage"]),
        (
            person(Role.PROGRAMME_MANAGER),
            ["Dashboard", "Review queue", "Invite", "Import, export", "Coverage"],
        ),
        (person(Role.ADMINISTRATOR, organisation_id=None), ["Dashboard", "Invite", "Coverage"]),
        (person(Role.YOUTH_LEAD, organisation_id=None, is_superuser=True), ["Dashboard", "Invite", "Coverage"]),
    ],
    ids=["youth lead", "programme manager", "invited administrator", "createsuperuser's account"],
)
def test_each_role_sees_its_pages_in_one_order(user, extra):
    shown = labels(user)
    assert set(shown) == set(EVERYONE) | set(extra)
    order = [
        "Home",
        "Dashboard",
        "Coverage",
        "Map",
        "Register",
        "Log a project",
        "Review queue",
        "Youth voice",
        "Import, export",
        "Invite",
    ]
    assert shown == [label for label in order if label in shown]
    assert shown.index("Coverage") <= 2  # near the front: after Home (and the Dashboard, for those who have it)


def test_nobody_signed_out_sees_navigation():
    assert navigation_for(SimpleNamespace(is_authenticated=False), resolve("/")) == []


def test_the_map_is_current_on_borough_pages_and_coverage_is_not_current_on_the_map():
    manager = person(Role.PROGRAMME_MANAGER)
    on_map = {item["label"]: item["current"] for item in navigation_for(manager, resolve(reverse("coverage:map")))}
    assert on_map["Map"] and not on_map["Coverage"]
    borough = resolve(reverse("programmes:borough-detail", args=["E09000005"]))
    assert {item["label"] for item in navigation_for(manager, borough) if item["current"]} == {"Map"}
    gaps = resolve(reverse("coverage:gap-list"))
    assert {item["label"] for item in navigation_for(manager, gaps) if item["current"]} == {"Coverage"}
