from django.urls import path

from hamaynk.portfolios.views import (
    core,
    funding,
    interventions,
    practice,
    public,
    sensemaking,
    snapshots,
)

app_name = "portfolios"

urlpatterns = [
    # the portfolio, its mission, challenges, stakeholders (views/core.py)
    path("", core.index, name="index"),
    # published portfolios, open to everyone (views/public.py)
    path("published/", public.published, name="published"),
    path("<id:pk>/summary/", public.summary, name="summary"),
    path("<id:pk>/summary/canvas.svg", public.summary_canvas_svg, name="summary_canvas_svg"),
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
    path("intervention/<id:pk>/edit/", interventions.intervention_change,
         name="intervention_change"),
    path("intervention/<id:pk>/apply/", funding.intervention_apply, name="intervention_apply"),
    # grant applications that fund interventions (views/funding.py)
    path("application/<id:pk>/funds/", funding.application_funds, name="application_funds"),
    path("<id:pk>/interventions/new/", interventions.intervention_new,
         name="intervention_new"),
    path("<id:pk>/clusters/", interventions.clusters, name="clusters"),
    path("<id:pk>/canvas/", interventions.canvas, name="canvas"),
    path("<id:pk>/canvas.svg", interventions.canvas_svg, name="canvas_svg"),
    # learning questions, risks, the workplan (views/practice.py)
    path("<id:pk>/practice/", practice.practice, name="practice"),
    # sensemaking, snapshots, comments (views/sensemaking.py, views/snapshots.py)
    path("session/<id:pk>/", sensemaking.session, name="session"),
    path("<id:pk>/session/new/", sensemaking.session_new, name="session_new"),
    path("session/<id:pk>/pack.pdf", sensemaking.session_pack, name="session_pack"),
    path("<id:pk>/comments/", sensemaking.comments, name="comments"),
    path("<id:pk>/snapshots/", snapshots.snapshots, name="snapshots"),
    path("<id:pk>/snapshots/compare/", snapshots.compare, name="snapshot_compare"),
    path("snapshot/<id:pk>/", snapshots.snapshot, name="snapshot"),
    path("snapshot/<id:pk>/canvas.svg", snapshots.snapshot_canvas_svg,
         name="snapshot_canvas_svg"),
]
