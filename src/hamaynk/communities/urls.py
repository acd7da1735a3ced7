from django.urls import path

from hamaynk.communities import views

# The directory ("") and a community's profile ("<id:pk>/") show each community's networks:
# they are networks' pages (networks/directory_urls.py), mounted here by config.
app_name = "communities"
urlpatterns = [
    path("<id:pk>/edit/", views.edit_profile, name="edit"),
    path("<id:pk>/confirm/", views.confirm, name="confirm"),
    path("candidates/", views.candidates, name="candidates"),
    path("affiliations/", views.affiliation_queue, name="affiliations"),
    path("affiliations/request/", views.affiliation_request, name="affiliation_request"),
    path("affiliations/<id:pk>/<str:decision>/", views.affiliation_decide,
         name="affiliation_decide"),
]
