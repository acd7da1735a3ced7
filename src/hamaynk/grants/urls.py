from django.urls import path

from hamaynk.grants import views

app_name = "grants"
urlpatterns = [
    path("", views.calls, name="calls"),
    path("manage/", views.calls_manage, name="manage"),
    path("new/<slug:network_slug>/", views.call_create, name="call_create"),
    path("calls/<slug:slug>/", views.call_detail, name="call"),
    path("calls/<slug:slug>/edit/", views.call_edit, name="call_edit"),
    path("calls/<slug:slug>/form/", views.call_form, name="call_form"),
    path("calls/<slug:slug>/form/<slug:section_key>/question/", views.call_form_question,
         name="call_form_question"),
    path("calls/<slug:slug>/form/<slug:section_key>/<str:key>/<str:action>/",
         views.call_form_question_action, name="call_form_question_action"),
    path("calls/<slug:slug>/status/<str:target>/", views.call_status, name="call_status"),
    path("calls/<slug:slug>/questions/", views.call_qa, name="call_qa"),
    path("calls/<slug:slug>/applications/", views.call_applications, name="call_applications"),
    path("calls/<slug:slug>/apply/<id:community_id>/", views.application_start,
         name="apply"),
    path("applications/<id:pk>/", views.application_detail, name="application"),
    path("applications/<id:pk>/section/<slug:section>/", views.application_section,
         name="application_section"),
    path("applications/<id:pk>/budget/", views.application_budget, name="application_budget"),
    path("applications/<id:pk>/submit/", views.application_submit, name="application_submit"),
    path("applications/<id:pk>/withdraw/", views.application_withdraw,
         name="application_withdraw"),
    path("applications/<id:pk>/clarify/", views.application_clarify,
         name="application_clarify"),
    path("applications/<id:pk>/copy.pdf", views.application_pdf, name="application_pdf"),
]
