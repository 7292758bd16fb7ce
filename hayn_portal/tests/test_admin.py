"""The Django admin: every page answers, and every correction lands in history with its author."""

import pytest
from django.contrib import admin
from django.urls import reverse

from boroughs.models import Place
from partners.models import Organisation
from programmes.demo import demo_generate
from programmes.models import FundedPost, MonitoringReturn, Project, ProjectStatus, ReviewStatus
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(partnership):
    demo_generate(projects=12, seed=11)


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def test_every_changelist_add_and_change_page_answers_200_for_an_administrator(admin_client, demo):
    checked = 0
    for model in admin.site._registry:
        assert admin_client.get(admin_url(model, "changelist")).status_code == 200, model
        assert admin_client.get(admin_url(model, "add")).status_code in (200, 403), model
        if (obj := model._default_manager.first()) is not None:
            assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200, model
            checked += 1
    assert checked >= 10


def test_changelist_search_and_filters_answer(admin_client, demo):
    assert (
        admin_client.get(admin_url(Project, "changelist"), {"q": "Mentoring", "status__exact": "verified"}).status_code
        == 200
    )
    assert admin_client.get(admin_url(Place, "changelist"), {"q": "Brent", "priority__exact": "3"}).status_code == 200


def form_data(response) -> dict:
    """The admin change form as the browser would post it back unchanged, inlines included."""

    def add(form, prefix_name):
        for name in form.fields:
            value = form[name].value()
            key = prefix_name(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)

    data: dict = {}
    main = response.context["adminform"].form
    add(main, lambda name: name)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        add(formset.management_form, formset.add_prefix)
        for form in formset.forms:
            add(form, form.add_prefix)
    return data


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Organisation, "website"),
        (Place, "description"),
        (Project, "description"),
        (FundedPost, "description"),
        (MonitoringReturn, "narrative"),
    ],
)
def test_a_correction_through_the_admin_is_kept_in_history_with_its_author(
    admin_client, administrator, demo, model, field
):
    obj = model.objects.order_by("pk").first()
    url = admin_url(model, "change", obj.pk)
    data = form_data(admin_client.get(url))
    data[field] = "https://corrected.example.org/" if field == "website" else "Corrected by an administrator."

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    latest = obj.history.latest()
    assert getattr(latest, field) == data[field]
    assert latest.history_user == administrator
    assert latest.history_type == "~"


def test_a_correction_can_be_reverted_from_the_admin_history(admin_client, demo):
    post = FundedPost.objects.order_by("pk").first()
    original = post.description
    url = admin_url(FundedPost, "change", post.pk)
    data = form_data(admin_client.get(url))
    admin_client.post(url, {**data, "description": "A mistaken edit."})
    first_version = post.history.earliest()

    history_url = reverse("admin:programmes_fundedpost_simple_history", args=[post.pk, first_version.history_id])
    revert_page = admin_client.get(history_url)
    assert revert_page.status_code == 200
    admin_client.post(history_url, {**form_data(revert_page), "description": original})

    post.refresh_from_db()
    assert post.description == original
    assert post.history.count() == 3
    assert admin_client.get(admin_url(FundedPost, "history", post.pk)).status_code == 200


# Verified work is never deleted, the admin included: cancelled instead, kept in history ---------------------


@pytest.fixture
def verified_and_draft(partnership):
    verified = ProjectFactory(title="Verified, no returns", status=ProjectStatus.VERIFIED)
    draft = ProjectFactory(title="A draft", status=ProjectStatus.DRAFT)
    return verified, draft


def test_the_admin_refuses_to_delete_a_verified_project_with_no_returns(admin_client, verified_and_draft):
    verified, _ = verified_and_draft
    assert not verified.returns.exists()
    assert admin_client.get(admin_url(Project, "delete", verified.pk)).status_code == 403
    assert admin_client.post(admin_url(Project, "delete", verified.pk), {"post": "yes"}).status_code == 403
    assert Project.objects.filter(pk=verified.pk).exists()
    page = admin_client.get(admin_url(Project, "change", verified.pk)).content.decode()
    assert admin_url(Project, "delete", verified.pk) not in page


def test_the_admin_s_bulk_delete_deletes_nothing_when_a_verified_project_is_chosen(admin_client, verified_and_draft):
    chosen = [str(project.pk) for project in verified_and_draft]
    response = admin_client.post(
        admin_url(Project, "changelist"), {"action": "delete_selected", "_selected_action": chosen, "post": "yes"}
    )
    assert response.status_code == 403
    assert Project.objects.filter(pk__in=chosen).count() == 2


def test_the_admin_deletes_a_draft_but_not_a_verified_return(admin_client, verified_and_draft):
    verified_project, draft = verified_and_draft
    verified_return = MonitoringReturnFactory(project=verified_project, status=ReviewStatus.VERIFIED)
    assert (
        admin_client.post(admin_url(MonitoringReturn, "delete", verified_return.pk), {"post": "yes"}).status_code == 403
    )
    assert MonitoringReturn.objects.filter(pk=verified_return.pk).exists()
    assert admin_client.post(admin_url(Project, "delete", draft.pk), {"post": "yes"}).status_code == 302
    assert not Project.objects.filter(pk=draft.pk).exists()


def test_the_admin_cancels_a_verified_project_instead_and_history_keeps_who_and_why(
    admin_client, administrator, verified_and_draft
):
    verified, _ = verified_and_draft
    response = admin_client.post(
        admin_url(Project, "changelist"), {"action": "cancel_projects", "_selected_action": [str(verified.pk)]}
    )
    assert response.status_code == 302
    verified.refresh_from_db()
    assert verified.status == ProjectStatus.CANCELLED
    latest = verified.history.first()
    assert (latest.history_user, latest.history_change_reason) == (administrator, "Cancelled")
