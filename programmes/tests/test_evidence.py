"""Each kind of work carries its Youth Endowment Fund Toolkit strand and impact band, as DOMAIN.md records them;
"not rated" is never "no effect"; an administrator's correction stands and is kept in the history."""

import pytest

from programmes.evidence import ImpactBand
from programmes.models import InterventionType
from programmes.partnership import partnership_load
from programmes.selectors.evidence import evidence_by_kind_of_work

pytestmark = pytest.mark.django_db


def test_the_partnership_loader_fills_each_kind_of_works_evidence(partnership):
    bands = dict(InterventionType.objects.values_list("slug", "yef_impact"))
    assert bands == {
        "mentoring": ImpactBand.MODERATE,
        "conflict-skills": ImpactBand.HIGH,
        "counselling": ImpactBand.HIGH,
        "risk-awareness-training": ImpactBand.LOW,
        "safe-spaces": ImpactBand.LOW,
        "youth-voice": ImpactBand.NOT_RATED,
        "employment-training": ImpactBand.NOT_RATED,
    }
    mentoring = InterventionType.objects.get(slug="mentoring")
    assert mentoring.yef_address == "https://youthendowmentfund.org.uk/toolkit/mentoring/"
    assert mentoring.yef_headline == "Moderate: about 21% less violence"


def test_not_rated_is_shown_as_not_rated_and_ranks_above_no_effect(partnership):
    evidence = evidence_by_kind_of_work()
    youth_voice = evidence[InterventionType.objects.get(slug="youth-voice").pk]
    assert youth_voice.label == "Not rated" and youth_voice.citation == ""
    mentoring = evidence[InterventionType.objects.get(slug="mentoring").pk]
    assert mentoring.citation == (
        "Source: Youth Endowment Fund Toolkit, https://youthendowmentfund.org.uk/toolkit/mentoring/, "
        "date checked not recorded"
    )
    ranks = sorted(evidence.values(), key=lambda kind: -kind.rank)
    assert [kind.label for kind in ranks] == ["High", "High", "Moderate", "Low", "Low", "Not rated", "Not rated"]


def test_an_administrators_correction_stands_when_the_facts_are_loaded_again_and_is_in_the_history(partnership):
    mentoring = InterventionType.objects.get(slug="mentoring")
    mentoring.yef_impact = ImpactBand.HIGH
    mentoring.yef_headline = "Corrected after reading the strand again"
    mentoring.save()
    partnership_load()
    mentoring.refresh_from_db()
    assert mentoring.yef_impact == ImpactBand.HIGH
    assert [h.yef_impact for h in mentoring.history.order_by("history_date")][-1] == ImpactBand.HIGH
    assert mentoring.history.count() >= 2
