from django.urls import path

from hamaynk.portfolios.views import pages

app_name = "portfolios"

urlpatterns = [
    path("<id:pk>/", pages.portfolio, name="portfolio"),
    path("intervention/<id:pk>/", pages.intervention, name="intervention"),
    path("session/<id:pk>/", pages.session, name="session"),
]
