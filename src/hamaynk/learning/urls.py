from django.urls import path

from hamaynk.learning import views

app_name = "learning"
urlpatterns = [
    path("cohorts/<slug:network_slug>/", views.cohorts, name="cohorts"),
    path("cohort/<id:pk>/", views.cohort_detail, name="cohort"),
]
