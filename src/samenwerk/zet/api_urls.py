from django.urls import path

from . import api

urlpatterns = [
    path("zet/rondes/", api.RondesAPI.as_view(), name="zet-rondes"),
    path("zet/rondes/<int:pk>/", api.RondeAPI.as_view(), name="zet-ronde"),
    path("zet/rondes/<int:pk>/interviews/", api.InterviewsAPI.as_view(), name="zet-interviews"),
    path("zet/rondes/<int:pk>/interviews/<int:interview_id>/", api.InterviewAPI.as_view(), name="zet-interview"),
    path("zet/rondes/<int:pk>/verbeterpunten/", api.VerbeterpuntenAPI.as_view(), name="zet-verbeterpunten"),
]
