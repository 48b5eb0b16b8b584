from django.urls import path

from . import views

app_name = "regie"
urlpatterns = [
    path("ave/", views.ave, name="ave"),
    path("procesregie/", views.procesregie, name="procesregie"),
    path("opschalen/", views.opschalen, name="opschalen"),
    path("bijeenroepen/", views.bijeenroepen, name="bijeenroepen"),
    path("besluit/", views.besluit, name="besluit"),
    path("escaleren/", views.escaleren, name="escaleren"),
    path("terugtreden/", views.terugtreden, name="terugtreden"),
    path("zorgsignalen/", views.zorgsignalen, name="zorgsignalen"),
    path("zorgsignalen/nieuw/", views.zorgsignaal, name="zorgsignaal"),
]
