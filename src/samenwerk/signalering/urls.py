from django.urls import path

from . import views

app_name = "signalering"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("vandaag/", views.vandaag, name="vandaag"),
    path("gebied/", views.gebied, name="gebied"),
    path("organisatie/", views.organisatie, name="organisatie"),
    path("<int:pk>/afhandelen/", views.afhandelen, name="afhandelen"),
    path("<int:pk>/uitstellen/", views.uitstellen, name="uitstellen"),
]
