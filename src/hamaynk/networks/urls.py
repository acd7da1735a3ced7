from django.urls import path

from hamaynk.networks import views

app_name = "networks"
urlpatterns = [
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/team/", views.team, name="team"),
    path("<slug:slug>/team/<id:pk>/remove/", views.team_remove, name="team_remove"),
]
