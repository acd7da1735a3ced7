"""The registry's public pages that show each community's networks: config mounts them in
the `communities` namespace, before the registry's own (communities/urls.py)."""

from django.urls import path

from hamaynk.networks.views import directory

urlpatterns = [
    path("", directory.directory, name="directory"),
    path("<id:pk>/", directory.community_detail, name="detail"),
]
