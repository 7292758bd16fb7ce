"""Who may do what to projects and monitoring returns: the one place these rules live.

Each `can_<action>_<thing>` is a `rules` predicate taking (user, object); views enforce them through
`core.permissions.PermissionMixin`, services re-check them on the row they lock, and templates
get their results as `can_*` flags. Which objects a user sees at all is decided by the selectors.

The rules, in the partnership's words:
- VRU staff verify submitted work or send it back with a comment, and may delete drafts.
- A youth lead edits and submits the projects their organisation leads or is a consortium member of,
  and the monitoring returns of the projects their organisation leads.
- Submitted work is locked for its organisation until the VRU has reviewed it; editing verified work
  sends it back to the VRU (it becomes submitted again).
- Only drafts are deleted; verified work never is.
- Administrators correct data in the Django admin; in the portal's own pages they only read.
"""

import rules

from core.roles import is_vru_staff, is_youth_lead, sees_everything

from .models import ProjectStatus, ReviewStatus

# Statuses in which the owning organisation may change the work (verified work then goes back for review).
EDITABLE_STATUSES = frozenset({ReviewStatus.DRAFT, ReviewStatus.RETURNED, ReviewStatus.VERIFIED})
SUBMITTABLE_STATUSES = frozenset({ReviewStatus.DRAFT, ReviewStatus.RETURNED})
# Projects that report: monitoring returns are made for these.
REPORTING_PROJECT_STATUSES = frozenset({ProjectStatus.SUBMITTED, ProjectStatus.RETURNED, ProjectStatus.VERIFIED})


@rules.predicate
def is_own_organisation(user, organisation):
    return user.organisation_id == organisation.pk


@rules.predicate
def is_in_project(user, project):
    """The user's organisation leads the project or is in its consortium (uses prefetched members if there)."""
    organisation_id = user.organisation_id
    return project.lead_organisation_id == organisation_id or any(
        member.organisation_id == organisation_id for member in project.consortium_members.all()
    )


@rules.predicate
def leads_project(user, project):
    return project.lead_organisation_id == user.organisation_id


@rules.predicate
def leads_returns_project(user, monitoring_return):
    return monitoring_return.project.lead_organisation_id == user.organisation_id


def _status_in(statuses, name):
    return rules.predicate(lambda user, obj: obj.status in statuses, name=name)


is_editable = _status_in(EDITABLE_STATUSES, "is_editable")
is_submittable = _status_in(SUBMITTABLE_STATUSES, "is_submittable")
is_submitted = _status_in({ReviewStatus.SUBMITTED}, "is_submitted")
is_draft = _status_in({ReviewStatus.DRAFT}, "is_draft")
is_reporting = _status_in(REPORTING_PROJECT_STATUSES, "is_reporting")

can_create_project = is_youth_lead
can_log_project_for = is_youth_lead & is_own_organisation
can_edit_project = is_youth_lead & is_in_project & is_editable
can_submit_project = is_youth_lead & is_in_project & is_submittable
can_review_project = is_vru_staff & is_submitted
can_delete_project = (is_vru_staff | (is_youth_lead & leads_project)) & is_draft
can_create_return = is_youth_lead & leads_project & is_reporting

# A draft return is seen by its project's lead and by those who see everything (as returns_visible_to scopes).
can_view_return = sees_everything | ~is_draft | leads_returns_project
can_edit_return = is_youth_lead & leads_returns_project & is_editable
can_submit_return = is_youth_lead & leads_returns_project & is_submittable
can_review_return = is_vru_staff & is_submitted
can_delete_return = (is_vru_staff | (is_youth_lead & leads_returns_project)) & is_draft

can_see_review_queue = is_vru_staff


def project_permissions(user, project) -> dict[str, bool]:
    """Every project action as a `can_*` flag for the project page."""
    return {
        "can_edit": can_edit_project.test(user, project),
        "can_submit": can_submit_project.test(user, project),
        "can_review": can_review_project.test(user, project),
        "can_delete": can_delete_project.test(user, project),
        "can_create_return": can_create_return.test(user, project),
    }


def return_permissions(user, monitoring_return) -> dict[str, bool]:
    """Every monitoring return action as a `can_*` flag for the return page."""
    return {
        "can_edit": can_edit_return.test(user, monitoring_return),
        "can_submit": can_submit_return.test(user, monitoring_return),
        "can_review": can_review_return.test(user, monitoring_return),
        "can_delete": can_delete_return.test(user, monitoring_return),
    }


# The dashboard and the youth voice log.


@rules.predicate
def took_part_in_session(user, session):
    """The user's organisation recorded the youth voice session or is named in it (uses prefetched organisations)."""
    organisation_id = user.organisation_id
    return session.recorded_by_organisation_id == organisation_id or any(
        organisation.pk == organisation_id for organisation in session.organisations.all()
    )


# The partnership-wide dashboard is the VRU's working view; administrators may read it too.
can_view_dashboard = sees_everything
# VRU staff record youth voice sessions and change any; a youth lead changes those their organisation
# recorded or took part in. Administrators only read them here (they correct data in the admin).
can_record_youth_voice_session = is_vru_staff | is_youth_lead
can_edit_youth_voice_session = is_vru_staff | (is_youth_lead & took_part_in_session)
