from django.urls import path

from hamaynk.learning.views import cohorts

app_name = "learning"
urlpatterns = [
    path("cohorts/<slug:network_slug>/", cohorts.cohorts, name="cohorts"),
    path("cohort/<id:pk>/", cohorts.cohort_detail, name="cohort"),
]
