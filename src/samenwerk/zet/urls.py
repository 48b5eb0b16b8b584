from django.urls import path

from . import analyse, views

app_name = "zet"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("vergelijken/", analyse.vergelijk, name="vergelijk"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/evaluatoren/", views.evaluator, name="evaluator"),
    path("<int:pk>/casussen/kiezen/", views.casus_kiezen, name="casus-kiezen"),
    path("<int:pk>/casussen/<int:rc_id>/", views.casus, name="casus"),
    path("<int:pk>/casussen/<int:rc_id>/intrekken/", views.intrekken, name="intrekken"),
    path("<int:pk>/casussen/<int:rc_id>/interviews/<str:bron>/", views.interview_nieuw, name="interview-nieuw"),
    path("<int:pk>/interviews/<int:interview_id>/", views.interview, name="interview"),
    path("<int:pk>/interviews/<int:interview_id>/terugkoppeling/", views.terugkoppeling, name="terugkoppeling"),
    path("<int:pk>/analyse/", analyse.analyse, name="analyse"),
    path("<int:pk>/verbeterpunten/", analyse.verbeterpunten, name="verbeterpunten"),
    path("<int:pk>/verbeterpunten/<int:punt_id>/opvolgen/", analyse.opvolgen, name="opvolgen"),
    path("<int:pk>/verbeterpunten/<int:punt_id>/dilemma/", analyse.dilemma, name="dilemma"),
    path("<int:pk>/afronden/", analyse.afronden, name="afronden"),
    path("<int:pk>/rapport/", analyse.rapport_pagina, name="rapport"),
    path("<int:pk>/rapport.pdf", analyse.rapport_pdf, name="rapport-pdf"),
    path("<int:pk>/rapport.xlsx", analyse.rapport_xlsx, name="rapport-xlsx"),
]
