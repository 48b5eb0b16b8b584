from django.urls import path

from . import views

urlpatterns = [
    path("overleggen/", views.overleg_lijst, name="overleg-lijst"),
    path("overleggen/nieuw/", views.overleg_nieuw, name="overleg-nieuw"),
    path("overleggen/<int:pk>/", views.overleg_detail, name="overleg-detail"),
    path("overleggen/<int:pk>/agendapunt/", views.overleg_agendapunt, name="overleg-agendapunt"),
    path("overleggen/<int:pk>/besluit/", views.overleg_besluit, name="overleg-besluit"),
    path("overleggen/<int:pk>/actie/", views.overleg_actie, name="overleg-actie"),
    path("overleggen/<int:pk>/aanwezigheid/", views.overleg_aanwezigheid, name="overleg-aanwezigheid"),
    path("dilemmas/", views.dilemma_lijst, name="dilemma-lijst"),
    path("dilemmas/nieuw/", views.dilemma_nieuw, name="dilemma-nieuw"),
    path("dilemmas/<int:pk>/", views.dilemma_detail, name="dilemma-detail"),
    path("dilemmas/<int:pk>/behandelen/", views.dilemma_behandelen, name="dilemma-behandelen"),
    path("dilemmas/<int:pk>/escaleren/", views.dilemma_escaleren, name="dilemma-escaleren"),
    path("dilemmas/<int:pk>/oplossen/", views.dilemma_oplossen, name="dilemma-oplossen"),
    path("documenten/", views.document_lijst, name="document-lijst"),
    path("documenten/nieuw/", views.document_nieuw, name="document-nieuw"),
    path("documenten/<int:pk>/", views.document_detail, name="document-detail"),
    path("documenten/<int:pk>/bewerken/", views.document_bewerken, name="document-bewerken"),
    path("documenten/<int:pk>/publiceren/", views.document_publiceren, name="document-publiceren"),
    path("documenten/<int:pk>/document.pdf", views.document_pdf, name="document-pdf"),
]
