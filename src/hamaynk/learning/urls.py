from django.urls import path

from hamaynk.learning.views import catalogue, cohorts

app_name = "learning"
urlpatterns = [
    path("cohorts/<slug:network_slug>/", cohorts.cohorts, name="cohorts"),
    path("cohort/<id:pk>/", cohorts.cohort_detail, name="cohort"),
    path("session/<id:pk>/", catalogue.session_detail, name="session"),
    path("our/", catalogue.our_learning, name="our_learning"),
]
