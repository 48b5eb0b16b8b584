from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("tweestapsverificatie/instellen/", views.enrol, name="enrol"),
    path("tweestapsverificatie/qr-code.svg", views.qr, name="qr"),
    path("tweestapsverificatie/herstelcodes/", views.backup_codes, name="backup-codes"),
    path("tweestapsverificatie/nieuwe-herstelcodes/", views.new_backup_codes, name="new-backup-codes"),
    path("inlogcode/", views.verify, name="verify"),
    path("bevestigen/", views.confirm, name="confirm"),
    path("sessies/", views.session_list, name="sessions"),
    path("sessies/<int:session_id>/beeindigen/", views.end_session, name="end-session"),
    path("sessies/andere-beeindigen/", views.end_other_sessions, name="end-other-sessions"),
]
