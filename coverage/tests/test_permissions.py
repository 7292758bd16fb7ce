"""Who may see coverage and who may judge overlaps, for every role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from coverage.permissions import can_review_overlap, can_view_coverage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("person", "may_view", "may_review"),
    [
        ("programme_manager", True, True),
        ("programme_coordinator", True, True),
        ("youth_lead", True, False),
        ("administrator", True, False),
    ],
)
def test_each_role_may_view_coverage_and_only_vru_staff_may_review_overlaps(request, person, may_view, may_review):
    user = request.getfixturevalue(person)
    assert can_view_coverage.test(user) is may_view
    assert can_review_overlap.test(user) is may_review


def test_nobody_signed_out_may_view_or_review():
    assert can_view_coverage.test(AnonymousUser()) is False
    assert can_review_overlap.test(AnonymousUser()) is False
