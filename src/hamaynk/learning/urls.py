from django.urls import path

from hamaynk.learning.views import certificates, coaching, cohorts

app_name = "learning"
urlpatterns = [
    path("cohorts/<slug:network_slug>/", cohorts.cohorts, name="cohorts"),
    path("cohort/<id:pk>/", cohorts.cohort_detail, name="cohort"),
    path("certificates/", certificates.certificate_check, name="certificate_check"),
    path("certificates/mine/", certificates.my_certificates, name="my_certificates"),
    path("certificates/<str:code>/", certificates.certificate_detail, name="certificate"),
    path("certificates/<str:code>/certificate.pdf", certificates.certificate_download,
         name="certificate_pdf"),
    path("cohort/<id:pk>/path/", coaching.path, name="path"),
    path("coaching/<id:pk>/", coaching.member, name="member"),
    path("coaching/<id:pk>/team/", coaching.team, name="team"),
    path("coaching/<id:pk>/log/", coaching.log, name="log"),
    path("coaching/<id:pk>/log/new/", coaching.log_new, name="log_new"),
    path("coaching/<id:pk>/step/<id:step_pk>/", coaching.step, name="step"),
]
