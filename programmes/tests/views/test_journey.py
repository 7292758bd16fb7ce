"""The youth lead's journey through the real pages: draft → submitted → returned → resubmitted → verified."""

from datetime import date

import pytest
from django.urls import reverse

from boroughs.models import Borough, Place
from partners.models import Organisation
from programmes.models import ConsortiumRole, InterventionType, MonitoringReturn, Project, ProjectStatus, ReviewStatus
from programmes.tests.factories import ProjectFactory
from programmes.tests.forms_data import project_form_data, return_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def brent(partnership):
    return Borough.objects.get(name="Brent")


def test_a_project_goes_from_draft_to_verified_through_a_return_and_a_resubmission(
    client, youth_lead, programme_manager, brent
):
    """The whole path, each step through the page a person would use, with the comment reaching the lead."""
    client.force_login(youth_lead)
    chalkhill = Place.objects.get(name="Chalkhill")
    mtvh = Organisation.objects.get(name="MTVH")
    data = project_form_data(
        lead_organisation=youth_lead.organisation,
        boroughs=[brent],
        places=[chalkhill],
        intervention_types=InterventionType.objects.filter(slug="mentoring"),
        consortium=[(mtvh, ConsortiumRole.HOUSING_PARTNER)],
    )
    response = client.post(reverse("programmes:project-create"), data)
    project = Project.objects.get(title="Estate mentoring")
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    assert project.status == ProjectStatus.DRAFT
    assert list(project.consortium_members.values_list("organisation__name", "role")) == [
        ("MTVH", ConsortiumRole.HOUSING_PARTNER)
    ]
    assert list(project.places.all()) == [chalkhill]

    page = client.get(project.get_absolute_url()).content.decode()
    assert "Submit for verification" in page and "Created the project" in page

    client.post(reverse("programmes:project-submit", args=[project.pk]), {"version": project.version})
    project.refresh_from_db()
    assert project.status == ProjectStatus.SUBMITTED
    assert "Change the project" not in client.get(project.get_absolute_url()).content.decode()

    client.force_login(programme_manager)
    queue = client.get(reverse("programmes:review-queue")).content.decode()
    assert "Estate mentoring" in queue
    client.post(
        reverse("programmes:project-review", args=[project.pk]),
        {"decision": "send_back", "comment": "Add the second estate.", "version": project.version},
    )
    project.refresh_from_db()
    assert (project.status, project.review_comment, project.reviewed_by) == (
        ProjectStatus.RETURNED,
        "Add the second estate.",
        programme_manager,
    )

    client.force_login(youth_lead)
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Add the second estate." in page
    stonebridge = Place.objects.get(name="Stonebridge")
    data.update(places=[str(chalkhill.pk), str(stonebridge.pk)], version=str(project.version))
    data.pop("lead_organisation")
    assert client.post(reverse("programmes:project-edit", args=[project.pk]), data).status_code == 302
    client.post(reverse("programmes:project-submit", args=[project.pk]), {"version": project.version + 1})
    project.refresh_from_db()
    assert project.status == ProjectStatus.SUBMITTED
    assert set(project.places.all()) == {chalkhill, stonebridge}

    client.force_login(programme_manager)
    client.post(
        reverse("programmes:project-review", args=[project.pk]),
        {"decision": "verify", "comment": "", "version": project.version},
    )
    project.refresh_from_db()
    assert project.status == ProjectStatus.VERIFIED

    history = client.get(project.get_absolute_url()).content.decode()
    for step in (
        "Created the project",
        "Submitted for verification",
        "Returned for changes by the VRU",
        "Verified by the VRU",
        "Added MTVH to the consortium as housing partner",
        "Stonebridge",
    ):
        assert step in history


def test_a_return_goes_from_draft_to_verified_after_being_returned(client, youth_lead, programme_manager):
    """Monitoring returns follow the same path as projects, and verified reach shows against the target."""
    project = ProjectFactory(
        lead_organisation=youth_lead.organisation, start_date=date(2024, 4, 1), end_date=date(2026, 3, 31)
    )
    client.force_login(youth_lead)
    response = client.post(
        reverse("programmes:return-create", args=[project.pk]),
        return_form_data(quarter_start=date(2024, 7, 1), reached="30"),
    )
    monitoring_return = MonitoringReturn.objects.get(project=project)
    assert response["Location"] == monitoring_return.get_absolute_url()
    assert (monitoring_return.period_start, monitoring_return.period_end) == (date(2024, 7, 1), date(2024, 9, 30))

    client.post(reverse("programmes:return-submit", args=[monitoring_return.pk]), {"version": 1})
    client.force_login(programme_manager)
    client.post(
        reverse("programmes:return-review", args=[monitoring_return.pk]),
        {"decision": "send_back", "comment": "Sessions look low.", "version": 2},
    )
    client.force_login(youth_lead)
    assert "Sessions look low." in client.get(monitoring_return.get_absolute_url()).content.decode()
    client.post(
        reverse("programmes:return-edit", args=[monitoring_return.pk]),
        return_form_data(sessions="24", reached="30", version=3),
    )
    client.post(reverse("programmes:return-submit", args=[monitoring_return.pk]), {"version": 4})
    client.force_login(programme_manager)
    client.post(
        reverse("programmes:return-review", args=[monitoring_return.pk]),
        {"decision": "verify", "comment": "", "version": 5},
    )
    monitoring_return.refresh_from_db()
    assert (monitoring_return.status, monitoring_return.sessions_delivered) == (ReviewStatus.VERIFIED, 24)

    page = client.get(project.get_absolute_url()).content.decode()
    assert "app-bar__fill--30" in page  # 30 of a target of 100
    assert "30%" in page
