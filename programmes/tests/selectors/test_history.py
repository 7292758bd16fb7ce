"""A project's history says who changed which field, from what to what."""

import pytest

from programmes.selectors.history import project_history
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_history_says_who_changed_which_field_from_what_to_what(youth_lead):
    project = ProjectFactory(lead_organisation=youth_lead.organisation, title="Before", age_max=18)
    project.title, project.age_max = "After", 21
    project._history_user, project._change_reason = youth_lead, "Changed the project"
    project.save()
    newest = project_history(project)[0]
    assert newest.summary == "Changed the project"
    assert newest.who == "lead.hyde, Hyde"
    assert {(change.label, change.old, change.new) for change in newest.changes} == {
        ("Title", "Before", "After"),
        ("Oldest age served", "18", "21"),
    }
