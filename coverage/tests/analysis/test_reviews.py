"""A review marks an overlap while it keeps exactly the projects reviewed, at the site reviewed."""

from datetime import datetime

from coverage.analysis.data import PLACE, Site
from coverage.analysis.matrix import analyse
from coverage.analysis.reviews import ReviewInfo
from coverage.tests.plain_partnerships import (
    CHALKHILL,
    HYDE,
    MENTORING,
    PEABODY,
    STONEBRIDGE,
    YOUNG_BRENT,
    criteria,
    partnership,
    project,
)


def review_of(site, project_ids, status="complementary"):
    return ReviewInfo(
        site=site,
        type_id=MENTORING.id,
        project_ids=frozenset(project_ids),
        status=status,
        status_label="Complementary",
        note="Different sessions.",
        reviewed_by="pm",
        reviewed_at=datetime(2025, 5, 1, 12, 0),
    )


def test_a_reviewed_overlap_stays_marked_until_its_set_of_projects_changes():
    pair = [
        project(1, lead=HYDE, places=[CHALKHILL]),
        project(2, lead=PEABODY, places=[CHALKHILL]),
    ]
    review = review_of(Site(PLACE, CHALKHILL.id), {1, 2})
    [marked] = analyse(partnership(*pair), criteria(), reviews=[review]).overlaps
    assert marked.review == review
    later = partnership(*pair, project(3, lead=YOUNG_BRENT, places=[CHALKHILL]))
    [changed] = analyse(later, criteria(), reviews=[review]).overlaps
    assert changed.project_ids == (1, 2, 3)
    assert changed.review is None


def test_a_review_of_another_place_does_not_mark_an_overlap_with_the_same_projects():
    pair = [
        project(1, lead=HYDE, places=[CHALKHILL, STONEBRIDGE]),
        project(2, lead=PEABODY, places=[CHALKHILL, STONEBRIDGE]),
    ]
    reviews = [review_of(Site(PLACE, CHALKHILL.id), {1, 2})]
    marked = {o.site: o.review for o in analyse(partnership(*pair), criteria(), reviews=reviews).overlaps}
    assert marked[Site(PLACE, CHALKHILL.id)] is not None
    assert marked[Site(PLACE, STONEBRIDGE.id)] is None
