"""Pages of the leersessies (issue 18 items 1, 2, 8), under /leren/ in namespace `leren`."""

from django.urls import path

from . import views, views_actieleren, views_verslag

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("gebieden/<int:pk>/sessies/", views.sessies_gebied, name="sessies-gebied"),
    path("gebieden/<int:pk>/rooster/", views.rooster, name="sessie-rooster"),
    path("sessies/<int:pk>/", views.detail, name="sessie-detail"),
    path("sessies/<int:pk>/aanmelden/", views.aanmelden, name="sessie-aanmelden"),
    path("sessies/<int:pk>/afmelden/", views.afmelden, name="sessie-afmelden"),
    path("sessies/<int:pk>/aanwezigheid/", views.aanwezigheid, name="sessie-aanwezigheid"),
    path("sessies/<int:pk>/leersessie.ics", views.ics, name="sessie-ics"),
    path("sessies/<int:pk>/feedback/", views.feedback, name="sessie-feedback"),
    path("sessies/<int:pk>/verslag/", views_verslag.verslag, name="sessie-verslag"),
    path("sessies/<int:pk>/verslag/bewerken/", views_verslag.verslag_bewerken, name="sessie-verslag-bewerken"),
    path("sessies/<int:pk>/verslag.pdf", views_verslag.verslag_pdf, name="sessie-verslag-pdf"),
    path("tafels/<int:pk>/actieleren/", views_actieleren.nieuw, name="actieleren-nieuw"),
    path("actieleren/<int:pk>/", views_actieleren.actieleren, name="actieleren"),
]
