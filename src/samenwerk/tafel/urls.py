from django.urls import path

from . import views, views_werkwijze

app_name = "tafel"
aanmelding = "<int:pk>/aanmeldingen/<int:aanmelding_id>/"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/leden/", views.lid, name="lid"),
    path("<int:pk>/leden/<int:lid_id>/beeindigen/", views.lid_beeindigen, name="lid-beeindigen"),
    path("<int:pk>/bijeenkomsten/plannen/", views.reeks, name="reeks"),
    path("<int:pk>/aanmelden/", views.aanmelden, name="aanmelden"),
    path("<int:pk>/aanmeldingen/<int:aanmelding_id>/", views.aanmelding, name="aanmelding"),
    path("<int:pk>/bijeenkomsten/<int:bijeenkomst_id>/", views.bijeenkomst, name="bijeenkomst"),
    path("<int:pk>/bijeenkomsten/<int:bijeenkomst_id>/agenda.pdf", views.agenda_pdf, name="agenda-pdf"),
    path("<int:pk>/bijeenkomsten/<int:bijeenkomst_id>/voorzitter/", views.voorzitter, name="voorzitter"),
    # The Werkwijze Samen aan Zet, steps 3-6 (the case's own professionals only)
    path(aanmelding + "werkwijze/", views_werkwijze.overzicht, name="werkwijze"),
    path(aanmelding + "kennismaking/", views_werkwijze.kennismaking, name="kennismaking"),
    path(aanmelding + "kennismaking/kopie/", views_werkwijze.kopie, name="kennismaking-kopie"),
    path(aanmelding + "kennismaking/kopie.pdf", views_werkwijze.kopie_pdf, name="kennismaking-pdf"),
    path(aanmelding + "ecogram/", views_werkwijze.ecogram, name="ecogram"),
    path(aanmelding + "voorbereiding/", views_werkwijze.voorbereiding, name="voorbereiding"),
]

from . import views_agenda, views_rapport  # noqa: E402

urlpatterns += [
    path("<int:pk>/rapport/", views_rapport.rapport_pagina, name="rapport"),
    path("<int:pk>/rapport.pdf", views_rapport.rapport_pdf, name="rapport-pdf"),
    path("<int:pk>/rapport.xlsx", views_rapport.rapport_xlsx, name="rapport-xlsx"),
    path("<int:pk>/budget/", views_rapport.budget_pagina, name="budget"),
    path("<int:pk>/bijeenkomsten/nieuw/", views_agenda.extra_bijeenkomst, name="bijeenkomst-nieuw"),
    path("<int:pk>/bijeenkomsten/<int:bijeenkomst_id>/versturen/", views_agenda.agenda_versturen, name="agenda-versturen"),
    path("<int:pk>/bijeenkomsten/<int:bijeenkomst_id>/bijeenkomst.ics", views_agenda.bijeenkomst_ics, name="bijeenkomst-ics"),
]
