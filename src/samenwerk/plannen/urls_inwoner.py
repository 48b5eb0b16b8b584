from django.urls import path

from . import views_inwoner

app_name = "inwoner"
urlpatterns = [
    path("<str:token>/", views_inwoner.plan, name="plan"),
    path("<str:token>/akkoord/", views_inwoner.akkoord, name="akkoord"),
    path("<str:token>/reactie/", views_inwoner.reactie, name="reactie"),
    path("<str:token>/plan.pdf", views_inwoner.pdf, name="pdf"),
    path("<str:token>/wie-keek/", views_inwoner.wie_keek, name="wie-keek"),
    path("<str:token>/correctie/", views_inwoner.correctie, name="correctie"),
]
