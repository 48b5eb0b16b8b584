from django.urls import path

from . import views_analyse as views

app_name = "analyse"
urlpatterns = [
    path("", views.analyse, name="analyse"),
    path("starten/", views.starten, name="starten"),
    path("welzijn/", views.welzijn, name="welzijn"),
    path("kosten/nieuw/", views.regel_toevoegen, name="regel-toevoegen"),
    path("kosten/vergadertijd/", views.vergadertijd, name="vergadertijd"),
    path("kosten/<int:regel_id>/", views.regel_wijzigen, name="regel-wijzigen"),
    path("kosten/<int:regel_id>/verwijderen/", views.regel_verwijderen, name="regel-verwijderen"),
    path("afdruk/", views.afdruk, name="afdruk"),
    path("analyse.pdf", views.pdf, name="pdf"),
]
