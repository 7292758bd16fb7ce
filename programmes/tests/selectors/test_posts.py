"""Funded posts running on a day, counted filled and vacant."""

from datetime import date, timedelta

import pytest

from programmes.selectors.posts import funded_post_counts
from programmes.tests.factories import FundedPostFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 15)


def test_posts_running_today_are_counted_filled_and_vacant():
    FundedPostFactory(is_filled=True, start_date=TODAY, end_date=TODAY)
    FundedPostFactory(is_filled=False, start_date=TODAY - timedelta(days=10), end_date=TODAY + timedelta(days=10))
    FundedPostFactory(is_filled=False, start_date=TODAY + timedelta(days=1), end_date=TODAY + timedelta(days=10))
    counts = funded_post_counts(on=TODAY)
    assert (counts.filled, counts.vacant) == (1, 1)


def test_a_post_whose_state_is_not_known_is_counted_as_not_known_never_as_vacant():
    FundedPostFactory(is_filled=None, start_date=TODAY, end_date=TODAY)
    FundedPostFactory(is_filled=False, start_date=TODAY, end_date=TODAY)
    counts = funded_post_counts(on=TODAY)
    assert (counts.filled, counts.vacant, counts.not_known) == (0, 1, 1)
