from django.urls import path

from hamaynk.portfolios.views import core, interventions, sensemaking

app_name = "portfolios"

urlpatterns = [
    # the portfolio, its mission, challenges, stakeholders (views/core.py)
    path("", core.index, name="index"),
    path("<id:pk>/", core.portfolio, name="portfolio"),
    path("<id:pk>/sharing/", core.sharing, name="sharing"),
    path("<id:pk>/mission/", core.mission, name="mission"),
    path("<id:pk>/challenges/new/", core.challenge_new, name="challenge_new"),
    path("challenge/<id:pk>/", core.challenge, name="challenge"),
    path("<id:pk>/stakeholders/new/", core.stakeholder_new, name="stakeholder_new"),
    path("<id:pk>/stakeholders/registry/<str:kind>/", core.registry_new, name="registry_new"),
    path("<id:pk>/stakeholders.svg", core.stakeholder_grid, name="stakeholder_grid"),
    path("stakeholder/<id:pk>/", core.stakeholder, name="stakeholder"),
    # interventions, clusters, the canvas (views/interventions.py)
    path("intervention/<id:pk>/", interventions.intervention, name="intervention"),
    # sensemaking, snapshots, comments (views/sensemaking.py)
    path("session/<id:pk>/", sensemaking.session, name="session"),
]
