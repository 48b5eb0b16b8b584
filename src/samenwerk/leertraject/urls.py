from django.urls import path

from . import views, views_deelnemer, views_publiek

app_name = "leertraject"
D = "<int:pk>/deelnemers/<int:deelnemer_id>/"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/dagen/", views.dag, name="dag"),
    path("<int:pk>/dagen/<int:dag_id>/aanwezigheid/", views.aanwezigheid, name="aanwezigheid"),
    path("<int:pk>/deelnemers/", views.deelnemer_toevoegen, name="deelnemer-toevoegen"),
    path("<int:pk>/nieuwkomers/", views.nieuwkomers, name="nieuwkomers"),
    path("<int:pk>/maatjes/", views.maatjes_koppelen, name="maatjes-koppelen"),
    path("<int:pk>/uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path("<int:pk>/lesdagen.ics", views.agenda, name="agenda"),
    path("maatjes/<int:paar_id>/", views.maatjes, name="maatjes"),
    path(D, views_deelnemer.deelnemer, name="deelnemer"),
    path(D + "leervraag/", views_deelnemer.leervraag, name="leervraag"),
    path(D + "opdrachten/<str:code>/", views_deelnemer.opdracht, name="opdracht"),
    path(D + "opdrachten/<str:code>/feedback/", views_deelnemer.feedback, name="feedback"),
    path(D + "opdrachten/<str:code>/bestand/", views_deelnemer.bestand, name="bestand"),
    path(D + "certificaat/", views_deelnemer.certificaat_uitgeven, name="certificaat"),
    path(D + "certificaat/intrekken/", views_deelnemer.certificaat_intrekken, name="intrekken"),
    path(D + "certificaat.pdf", views_deelnemer.certificaat_pdf, name="certificaat-pdf"),
    path(D + "badge.json", views_deelnemer.badge_json, name="badge-json"),
    path(D + "badge.jwt", views_deelnemer.badge_jwt, name="badge-jwt"),
    path("badges/sleutels/", views_publiek.sleutels, name="sleutels"),
    # Public, no account (docs/leertraject.md).
    path("badges/controleren/", views_publiek.controleren, name="controleren"),
    path("badges/<uuid:badge_id>/", views_publiek.badge, name="badge"),
    path("badges/status/<uuid:badge_id>/", views_publiek.badge_status, name="badge-status"),
    path("badges/uitgever/<slug:gemeente>/", views_publiek.uitgever, name="uitgever"),
    path("badges/uitgever/<slug:gemeente>/jwks.json", views_publiek.jwks, name="jwks"),
]
