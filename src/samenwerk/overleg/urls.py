from django.urls import path

from . import views, views_agenda

app_name = "overleg"
casus = "casussen/<int:pk>/overleg/"
overleg = casus + "<int:overleg_id>/"
urlpatterns = [
    path(casus, views.lijst, name="lijst"),
    path(casus + "nieuw/", views.nieuw, name="nieuw"),
    path(overleg, views.detail, name="detail"),
    path(overleg + "wijzigen/", views.bewerken, name="bewerken"),
    path(overleg + "annuleren/", views.annuleren, name="annuleren"),
    path(overleg + "deelnemers/", views.deelnemer, name="deelnemer"),
    path(overleg + "deelnemers/<int:deelnemer_id>/verwijderen/", views.deelnemer_verwijderen, name="deelnemer-verwijderen"),
    path(overleg + "deelnemers/<int:deelnemer_id>/toestemming/", views.plantoestemming, name="plantoestemming"),
    path(overleg + "akkoord/", views.akkoord, name="akkoord"),
    path(overleg + "uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path(overleg + "voorbereiding/", views.voorbereiding, name="voorbereiding"),
    path(overleg + "voorzitter/", views.voorzitter, name="voorzitter"),
    path(overleg + "agenda/<int:punt_id>/", views.notities, name="notities"),
    path(overleg + "afspraken/", views.afspraak, name="afspraak"),
    path(overleg + "afsluiten/", views.afsluiten, name="afsluiten"),
    path(overleg + "overleg.ics", views.agenda_bestand, name="ics"),
    path("overleg/agenda/", views_agenda.agenda, name="agenda"),
    path("overleg/agenda/abonnement/", views_agenda.agendafeed, name="abonnement"),
    path("overleg/agenda/<str:token>.ics", views_agenda.feed, name="feed"),
    path("overleg/weigeringen/", views_agenda.weigeringen, name="weigeringen"),
    path("overleg/weigeringen/<int:weigering_id>/", views_agenda.weigering, name="weigering"),
]
