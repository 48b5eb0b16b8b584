from django.urls import path

from . import views

app_name = "tafel"
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
]
