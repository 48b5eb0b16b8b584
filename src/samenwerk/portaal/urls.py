from django.urls import path

from . import logboek, views

app_name = "portaal"
urlpatterns = [
    path("", views.start, name="start"),
    path("gemeente/", views.gemeente_kiezen, name="gemeente-kiezen"),
    path("sociale-kaart/", views.sociale_kaart, name="sociale-kaart"),
    path("toegangslog/", logboek.logboek, name="logboek"),
    path("toegangslog/export.csv", logboek.logboek_export, name="logboek-export"),
]
