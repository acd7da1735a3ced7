from django.urls import path

from hamaynk.learning.views import (
    attendance,
    catalogue,
    certificates,
    coaching,
    cohorts,
    feedback,
    forms,
    manage,
)

app_name = "learning"
urlpatterns = [
    path("cohorts/<slug:network_slug>/", cohorts.cohorts, name="cohorts"),
    path("cohort/<id:pk>/", cohorts.cohort_detail, name="cohort"),
    path("certificates/", certificates.certificate_check, name="certificate_check"),
    path("certificates/mine/", certificates.my_certificates, name="my_certificates"),
    path("certificates/<str:code>/", certificates.certificate_detail, name="certificate"),
    path("certificates/<str:code>/certificate.pdf", certificates.certificate_download,
         name="certificate_pdf"),
    path("cohort/<id:pk>/path/", coaching.path, name="path"),
    path("coaching/<id:pk>/", coaching.member, name="member"),
    path("coaching/<id:pk>/team/", coaching.team, name="team"),
    path("coaching/<id:pk>/log/", coaching.log, name="log"),
    path("coaching/<id:pk>/log/new/", coaching.log_new, name="log_new"),
    path("coaching/<id:pk>/step/<id:step_pk>/", coaching.step, name="step"),
    # the public catalogue
    path("", catalogue.catalogue, name="catalogue"),
    path("opportunity/<id:pk>/", catalogue.opportunity_detail, name="opportunity"),
    path("session/<id:pk>/", catalogue.session_detail, name="session"),
    path("session/<id:pk>/calendar.ics", catalogue.session_ics, name="session_ics"),
    # a community's enrolments
    path("our/", catalogue.our_learning, name="our_learning"),
    path("enrolment/<id:pk>/cancel/", catalogue.enrolment_cancel, name="enrolment_cancel"),
    path("enrolment/<id:pk>/hand-over/", catalogue.enrolment_hand_over,
         name="enrolment_hand_over"),
    # the secretariat's
    path("manage/<slug:network_slug>/", manage.manage, name="manage"),
    path("manage/<slug:network_slug>/new/", manage.opportunity_create,
         name="opportunity_create"),
    path("opportunity/<id:pk>/edit/", manage.opportunity_edit, name="opportunity_edit"),
    path("opportunity/<id:pk>/move/", manage.opportunity_move, name="opportunity_move"),
    path("opportunity/<id:pk>/materials/", manage.materials, name="materials"),
    path("opportunity/<id:pk>/sessions/new/", manage.session_create, name="session_create"),
    path("session/<id:pk>/edit/", manage.session_edit, name="session_edit"),
    path("session/<id:pk>/enrolments/", manage.session_enrolments, name="session_enrolments"),
    # attendance and the quiz
    path("session/<id:pk>/attendance/", attendance.attendance, name="attendance"),
    path("enrolment/<id:pk>/quiz/", attendance.quiz, name="quiz"),
    path("session/<id:pk>/enrolments.csv", manage.session_enrolments_csv,
         name="session_enrolments_csv"),
    # an opportunity's questionnaires (the shared builder's pages) and the feedback
    path("opportunity/<id:pk>/forms/<str:purpose>/", forms.forms, name="forms"),
    path("opportunity/<id:pk>/forms/<str:purpose>/<slug:section_key>/question/",
         forms.form_question, name="form_question"),
    path("opportunity/<id:pk>/forms/<str:purpose>/<slug:section_key>/<str:key>/<str:action>/",
         forms.form_question_action, name="form_question_action"),
    path("enrolment/<id:pk>/feedback/", feedback.feedback, name="feedback"),
    path("session/<id:pk>/feedback/", feedback.session_feedback, name="session_feedback"),
]
