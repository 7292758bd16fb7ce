"""URLs of the programmes app."""

from django.urls import path

from . import views

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
