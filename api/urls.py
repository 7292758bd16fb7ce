"""The Partner API at /api/v1/, its schema and documentation, and the API tokens pages at /api/tokens/."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from programmes.forms.review import ReviewForm

from .views import coverage, docs, projects, reference, returns, tokens
from .views.review import ProjectReviewView, ReturnReviewView

app_name = "api"


def review_paths(plural: str, name: str, view) -> list:
    """The verify and send-back addresses of one kind of submitted work."""
    return [
        path(f"v1/{plural}/<int:pk>/verify/", view.as_view(), name=f"{name}-verify"),
        path(
            f"v1/{plural}/<int:pk>/send-back/",
            view.as_view(decision=ReviewForm.SEND_BACK),
            name=f"{name}-send-back",
        ),
    ]


# The API answers anonymous calls itself (401 in the one error shape), so the portal's sign-in redirect
# (LoginRequiredMiddleware) stands aside for these; DRF's own permission classes deny by default.
api_patterns = [
    path("v1/schema/", docs.SchemaView.as_view(), name="schema"),
    path("v1/docs/", docs.DocsView.as_view(), name="docs"),
    path("v1/projects/", projects.ProjectListView.as_view(), name="project-list"),
    path("v1/projects/<int:pk>/", projects.ProjectDetailView.as_view(), name="project-detail"),
    path("v1/projects/<int:pk>/submit/", projects.ProjectSubmitView.as_view(), name="project-submit"),
    *review_paths("projects", "project", ProjectReviewView),
    path("v1/projects/<int:pk>/returns/", returns.ProjectReturnListView.as_view(), name="project-returns"),
    path("v1/returns/", returns.ReturnListView.as_view(), name="return-list"),
    path("v1/returns/<int:pk>/", returns.ReturnDetailView.as_view(), name="return-detail"),
    path("v1/returns/<int:pk>/submit/", returns.ReturnSubmitView.as_view(), name="return-submit"),
    *review_paths("returns", "return", ReturnReviewView),
    path("v1/organisations/", reference.OrganisationListView.as_view(), name="organisation-list"),
    path("v1/organisations/<int:pk>/", reference.OrganisationDetailView.as_view(), name="organisation-detail"),
    path("v1/boroughs/", reference.BoroughListView.as_view(), name="borough-list"),
    path("v1/places/", reference.PlaceListView.as_view(), name="place-list"),
    path("v1/intervention-types/", reference.InterventionTypeListView.as_view(), name="intervention-type-list"),
    path("v1/funded-posts/", reference.FundedPostListView.as_view(), name="funded-post-list"),
    path("v1/youth-voice-sessions/", reference.YouthVoiceSessionListView.as_view(), name="youth-voice-session-list"),
    path("v1/coverage/cells/", coverage.CoverageCellListView.as_view(), name="coverage-cells"),
    path("v1/coverage/gaps/", coverage.CoverageGapListView.as_view(), name="coverage-gaps"),
    path("v1/coverage/overlaps/", coverage.CoverageOverlapListView.as_view(), name="coverage-overlaps"),
]
for pattern in api_patterns:
    login_not_required(pattern.callback)

urlpatterns = [
    *api_patterns,
    path("tokens/", tokens.ApiTokenListView.as_view(), name="token-list"),
    path("tokens/all/", tokens.AllApiTokensView.as_view(), name="token-all"),
    path("tokens/<int:pk>/revoke/", tokens.ApiTokenRevokeView.as_view(), name="token-revoke"),
]
