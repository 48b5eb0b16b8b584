from django.urls import path

from . import views_rapport as views

app_name = "rapport"
urlpatterns = [
    path("", views.rapport_pagina, name="rapport"),
    path("cijfers.<str:formaat>", views.exporteren, name="exporteren"),
]
