"""URLs of the programmes app."""

from django.urls import path

from . import portal_views, views

app_name = "programmes"

urlpatterns = [
    path("projects/new/", views.ProjectCreateView.as_view(), name="project-create"),
    path("projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("projects/<int:pk>/edit/", views.ProjectEditView.as_view(), name="project-edit"),
    path("projects/<int:pk>/submit/", views.ProjectSubmitView.as_view(), name="project-submit"),
    path("projects/<int:pk>/review/", views.ProjectReviewView.as_view(), name="project-review"),
    path("projects/<int:pk>/delete/", views.ProjectDeleteView.as_view(), name="project-delete"),
    path("projects/<int:pk>/returns/new/", views.ReturnCreateView.as_view(), name="return-create"),
    path("returns/<int:pk>/", views.ReturnDetailView.as_view(), name="return-detail"),
    path("returns/<int:pk>/edit/", views.ReturnEditView.as_view(), name="return-edit"),
    path("returns/<int:pk>/submit/", views.ReturnSubmitView.as_view(), name="return-submit"),
    path("returns/<int:pk>/review/", views.ReturnReviewView.as_view(), name="return-review"),
    path("returns/<int:pk>/delete/", views.ReturnDeleteView.as_view(), name="return-delete"),
    path("review/", views.ReviewQueueView.as_view(), name="review-queue"),
]

# The programme manager's portal: register, exports, dashboard, programmes, posts, youth voice.
urlpatterns += [
    path("projects/", portal_views.ProjectListView.as_view(), name="project-list"),
    path("projects/export/", portal_views.ProjectExportView.as_view(), name="project-export"),
    path("dashboard/", portal_views.DashboardView.as_view(), name="dashboard"),
    path("dashboard/overdue-returns/", portal_views.OverdueReturnListView.as_view(), name="overdue-returns"),
    path("funding-programmes/", portal_views.FundingProgrammeListView.as_view(), name="programme-list"),
    path("funding-programmes/<int:pk>/", portal_views.FundingProgrammeDetailView.as_view(), name="programme-detail"),
    path("posts/", portal_views.FundedPostListView.as_view(), name="post-list"),
    path("posts/<int:pk>/", portal_views.FundedPostDetailView.as_view(), name="post-detail"),
    path("youth-voice/", portal_views.YouthVoiceSessionListView.as_view(), name="youth-voice-list"),
    path("youth-voice/new/", portal_views.YouthVoiceSessionCreateView.as_view(), name="youth-voice-create"),
    path("youth-voice/<int:pk>/", portal_views.YouthVoiceSessionDetailView.as_view(), name="youth-voice-detail"),
    path("youth-voice/<int:pk>/edit/", portal_views.YouthVoiceSessionUpdateView.as_view(), name="youth-voice-update"),
]
