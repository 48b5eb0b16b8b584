from django.urls import path

from . import views

app_name = "oidc"
urlpatterns = [
    path("terug/", views.terug, name="terug"),
    path("<slug:slug>/", views.start, name="start"),
]
