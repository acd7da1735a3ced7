from django.urls import path

from hamaynk.learning.views import certificates, cohorts

app_name = "learning"
urlpatterns = [
    path("cohorts/<slug:network_slug>/", cohorts.cohorts, name="cohorts"),
    path("cohort/<id:pk>/", cohorts.cohort_detail, name="cohort"),
    path("certificates/", certificates.certificate_check, name="certificate_check"),
    path("certificates/mine/", certificates.my_certificates, name="my_certificates"),
    path("certificates/<str:code>/", certificates.certificate_detail, name="certificate"),
    path("certificates/<str:code>/certificate.pdf", certificates.certificate_download,
         name="certificate_pdf"),
]
