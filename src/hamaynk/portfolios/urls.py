from django.urls import path

from hamaynk.portfolios.views import core, interventions, sensemaking

app_name = "portfolios"

urlpatterns = [
    # the portfolio, its mission, challenges, stakeholders (views/core.py)
    path("<id:pk>/", core.portfolio, name="portfolio"),
    # interventions, clusters, the canvas (views/interventions.py)
    path("intervention/<id:pk>/", interventions.intervention, name="intervention"),
    # sensemaking, snapshots, comments (views/sensemaking.py)
    path("session/<id:pk>/", sensemaking.session, name="session"),
]
