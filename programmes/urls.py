"""URLs of the programmes app, mounted at the site's root: each path names its own prefix."""

from django.urls import path, register_converter

from boroughs.converters import BoroughCodeConverter

from .views import areas, dashboard, funding, organisations, posts, projects, register, returns, review, youth_voice

app_name = "programmes"
register_converter(BoroughCodeConverter, "gss")

urlpatterns = [
    # The register and its downloads, then a project and what is done to it.
    path("programmes/projects/", register.ProjectListView.as_view(), name="project-list"),
    path("programmes/projects/export/", register.ProjectExportView.as_view(), name="project-export"),
    path("programmes/projects/new/", projects.ProjectCreateView.as_view(), name="project-create"),
    path("programmes/projects/<int:pk>/", projects.ProjectDetailView.as_view(), name="project-detail"),
    path("programmes/projects/<int:pk>/edit/", projects.ProjectEditView.as_view(), name="project-edit"),
    path("programmes/projects/<int:pk>/submit/", projects.ProjectSubmitView.as_view(), name="project-submit"),
    path("programmes/projects/<int:pk>/review/", review.ProjectReviewView.as_view(), name="project-review"),
    path("programmes/projects/<int:pk>/delete/", projects.ProjectDeleteView.as_view(), name="project-delete"),
    # Monitoring returns.
    path("programmes/projects/<int:pk>/returns/new/", returns.ReturnCreateView.as_view(), name="return-create"),
    path("programmes/returns/<int:pk>/", returns.ReturnDetailView.as_view(), name="return-detail"),
    path("programmes/returns/<int:pk>/edit/", returns.ReturnEditView.as_view(), name="return-edit"),
    path("programmes/returns/<int:pk>/submit/", returns.ReturnSubmitView.as_view(), name="return-submit"),
    path("programmes/returns/<int:pk>/review/", review.ReturnReviewView.as_view(), name="return-review"),
    path("programmes/returns/<int:pk>/delete/", returns.ReturnDeleteView.as_view(), name="return-delete"),
    # The VRU's review queue and dashboard.
    path("programmes/review/", review.ReviewQueueView.as_view(), name="review-queue"),
    path("programmes/dashboard/overdue-returns/", dashboard.OverdueReturnListView.as_view(), name="overdue-returns"),
    # Funding programmes and funded posts.
    path("programmes/funding-programmes/", funding.FundingProgrammeListView.as_view(), name="programme-list"),
    path(
        "programmes/funding-programmes/<int:pk>/",
        funding.FundingProgrammeDetailView.as_view(),
        name="programme-detail",
    ),
    path("programmes/posts/", posts.FundedPostListView.as_view(), name="post-list"),
    path("programmes/posts/<int:pk>/", posts.FundedPostDetailView.as_view(), name="post-detail"),
    # The youth voice log.
    path("programmes/youth-voice/", youth_voice.YouthVoiceSessionListView.as_view(), name="youth-voice-list"),
    path("programmes/youth-voice/new/", youth_voice.YouthVoiceSessionCreateView.as_view(), name="youth-voice-create"),
    path(
        "programmes/youth-voice/<int:pk>/",
        youth_voice.YouthVoiceSessionDetailView.as_view(),
        name="youth-voice-detail",
    ),
    path(
        "programmes/youth-voice/<int:pk>/edit/",
        youth_voice.YouthVoiceSessionUpdateView.as_view(),
        name="youth-voice-update",
    ),
    # Boroughs, places and organisations: what the partnership does there, or does.
    path("boroughs/", areas.BoroughListView.as_view(), name="borough-list"),
    path("boroughs/places/<int:pk>/", areas.PlaceDetailView.as_view(), name="place-detail"),
    path(
        "partners/organisations/<int:pk>/",
        organisations.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
]
