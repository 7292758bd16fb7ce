"""URLs of the programmes app."""

from django.urls import path

from . import area_views, views
from . import portal_views as portal

app_name = "programmes"

urlpatterns = [
    path("programmes/projects/new/", views.ProjectCreateView.as_view(), name="project-create"),
    path("programmes/projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("programmes/projects/<int:pk>/edit/", views.ProjectEditView.as_view(), name="project-edit"),
    path("programmes/projects/<int:pk>/submit/", views.ProjectSubmitView.as_view(), name="project-submit"),
    path("programmes/projects/<int:pk>/review/", views.ProjectReviewView.as_view(), name="project-review"),
    path("programmes/projects/<int:pk>/delete/", views.ProjectDeleteView.as_view(), name="project-delete"),
    path("programmes/projects/<int:pk>/returns/new/", views.ReturnCreateView.as_view(), name="return-create"),
    path("programmes/returns/<int:pk>/", views.ReturnDetailView.as_view(), name="return-detail"),
    path("programmes/returns/<int:pk>/edit/", views.ReturnEditView.as_view(), name="return-edit"),
    path("programmes/returns/<int:pk>/submit/", views.ReturnSubmitView.as_view(), name="return-submit"),
    path("programmes/returns/<int:pk>/review/", views.ReturnReviewView.as_view(), name="return-review"),
    path("programmes/returns/<int:pk>/delete/", views.ReturnDeleteView.as_view(), name="return-delete"),
    path("programmes/review/", views.ReviewQueueView.as_view(), name="review-queue"),
]

# The programme manager's portal: register, exports, dashboard, programmes, posts, youth voice.
urlpatterns += [
    path("programmes/projects/", portal.ProjectListView.as_view(), name="project-list"),
    path("programmes/projects/export/", portal.ProjectExportView.as_view(), name="project-export"),
    path("programmes/dashboard/", portal.DashboardView.as_view(), name="dashboard"),
    path("programmes/dashboard/overdue-returns/", portal.OverdueReturnListView.as_view(), name="overdue-returns"),
    path("programmes/funding-programmes/", portal.FundingProgrammeListView.as_view(), name="programme-list"),
    path(
        "programmes/funding-programmes/<int:pk>/",
        portal.FundingProgrammeDetailView.as_view(),
        name="programme-detail",
    ),
    path("programmes/posts/", portal.FundedPostListView.as_view(), name="post-list"),
    path("programmes/posts/<int:pk>/", portal.FundedPostDetailView.as_view(), name="post-detail"),
    path("programmes/youth-voice/", portal.YouthVoiceSessionListView.as_view(), name="youth-voice-list"),
    path("programmes/youth-voice/new/", portal.YouthVoiceSessionCreateView.as_view(), name="youth-voice-create"),
    path(
        "programmes/youth-voice/<int:pk>/",
        portal.YouthVoiceSessionDetailView.as_view(),
        name="youth-voice-detail",
    ),
    path(
        "programmes/youth-voice/<int:pk>/edit/",
        portal.YouthVoiceSessionUpdateView.as_view(),
        name="youth-voice-update",
    ),
]

# Pages about a borough, a place or an organisation: what the partnership does there or does.
urlpatterns += [
    path("boroughs/", area_views.BoroughListView.as_view(), name="borough-list"),
    path("boroughs/places/<int:pk>/", area_views.PlaceDetailView.as_view(), name="place-detail"),
    path("boroughs/<str:gss_code>/", area_views.BoroughDetailView.as_view(), name="borough-detail"),
    path("partners/organisations/<int:pk>/", area_views.OrganisationDetailView.as_view(), name="organisation-detail"),
]
