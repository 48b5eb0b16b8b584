from django.urls import path

from . import views

app_name = "rendement"
urlpatterns = [
    path("", views.overzicht, name="prijslijsten"),
    path("nieuw/", views.nieuw_jaar, name="nieuw-jaar"),
    path("<int:jaar>/", views.prijslijst, name="prijslijst"),
    path("<int:jaar>/instellingen/", views.instellingen, name="instellingen"),
    path("<int:jaar>/importeren/", views.importeren, name="importeren"),
    path("<int:jaar>/prijslijst.<str:formaat>", views.exporteren, name="exporteren"),
    path("<int:jaar>/items/nieuw/", views.item_toevoegen, name="item-toevoegen"),
    path("<int:jaar>/items/<int:pk>/", views.item_wijzigen, name="item-wijzigen"),
    path("<int:jaar>/items/<int:pk>/verwijderen/", views.item_verwijderen, name="item-verwijderen"),
]
