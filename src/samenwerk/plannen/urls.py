from django.urls import path

from . import views, views_gezondheid

app_name = "plannen"
urlpatterns = [
    path("", views.plan, name="plan"),
    path("bewerken/", views.bewerken, name="bewerken"),
    path("versies/", views.versies, name="versies"),
    path("afspraken/nieuw/", views.afspraak, name="afspraak"),
    path("afspraken/<int:afspraak_id>/voltooid/", views.afspraak_voltooid, name="afspraak-voltooid"),
    path("afspraken/<int:afspraak_id>/wijzigen/", views.afspraak_wijzigen, name="afspraak-wijzigen"),
    path("afspraken/<int:afspraak_id>/intrekken/", views.afspraak_intrekken, name="afspraak-intrekken"),
    path("evaluatie/", views.evaluatie, name="evaluatie"),
    path("inzage.json", views.inzage, name="inzage"),
    path("inzage.pdf", views.inzage_pdf, name="inzage-pdf"),
    path("afdruk/", views.afdruk, name="afdruk"),
    path("gezondheid/", views_gezondheid.gezondheid, name="gezondheid"),
    path("plan.pdf", views.pdf, name="pdf"),
    path("link-naar-inwoner/", views.planlink, name="planlink"),
]
