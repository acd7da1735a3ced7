from django.urls import path

from hamaynk.networks import views

app_name = "networks"
urlpatterns = [
    path("applications/<id:pk>/", views.application_detail, name="application"),
    path("applications/<id:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<id:pk>/application.pdf", views.application_pdf,
         name="application_pdf"),
    path("applications/<id:pk>/sign/", views.application_sign, name="application_sign"),
    path("applications/<id:pk>/withdraw/", views.application_withdraw,
         name="application_withdraw"),
    path("applications/<id:pk>/decide/", views.application_decide, name="application_decide"),
    path("memberships/<id:pk>/", views.membership_detail, name="membership"),
    path("memberships/<id:pk>/plan/", views.plan_submit, name="plan_submit"),
    path("memberships/<id:pk>/<str:action>/", views.membership_action,
         name="membership_action"),
    path("plans/<id:pk>/decide/", views.plan_decide, name="plan_decide"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/members/", views.member_directory, name="members"),
    path("<slug:slug>/members.<str:fmt>", views.member_export, name="members_export"),
    path("<slug:slug>/applications/", views.application_queue, name="applications"),
    path("<slug:slug>/settings/", views.network_settings, name="settings"),
    path("<slug:slug>/settings/council/<str:language>/", views.council_template_edit,
         name="council_template"),
    path("<slug:slug>/join/<id:community_id>/", views.application_start, name="join"),
    path("<slug:slug>/council/<id:community_id>/", views.council_package,
         name="council_package"),
    path("<slug:slug>/council/<id:community_id>/<str:document>.<str:fmt>",
         views.council_document, name="council_document"),
    path("<slug:slug>/team/", views.team, name="team"),
    path("<slug:slug>/team/<id:pk>/remove/", views.team_remove, name="team_remove"),
]
