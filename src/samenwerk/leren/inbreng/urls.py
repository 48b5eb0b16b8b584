"""Part of the learning staircase: a case brought to a learning table and the evaluatietafel."""

from django.urls import path

from . import views, views_evaluatie

urlpatterns = [
    path("inbreng/", views.lijst, name="inbreng-lijst"),
    path("casussen/<int:pk>/inbrengen/", views.nieuw, name="inbreng-nieuw"),
    path("inbreng/<int:pk>/", views.detail, name="inbreng-detail"),
    path("inbreng/<int:pk>/onherkenbaar/", views.onherkenbaar, name="inbreng-onherkenbaar"),
    path("inbreng/<int:pk>/delen/", views.delen, name="inbreng-delen"),
    path("tafels/<int:pk>/evaluatie/", views_evaluatie.schema, name="evaluatie"),
    path("tafels/<int:pk>/evaluatie/rollen/", views_evaluatie.rollen, name="evaluatie-rollen"),
    path("tafels/<int:pk>/evaluatie/cel/<int:stap>/<str:vraag>/", views_evaluatie.cel, name="evaluatie-cel"),
    path("tafels/<int:pk>/evaluatie.pdf", views_evaluatie.pdf, name="evaluatie-pdf"),
    path("tafels/<int:pk>/evaluatie.xlsx", views_evaluatie.xlsx, name="evaluatie-xlsx"),
]
