from django.urls import path

from . import views_extern

app_name = "uitnodiging"
urlpatterns = [
    path("<str:token>/", views_extern.antwoord, name="antwoord"),
    path("<str:token>/doorsturen/", views_extern.doorsturen, name="doorsturen"),
    path("<str:token>/plan/", views_extern.plan, name="plan"),
]
