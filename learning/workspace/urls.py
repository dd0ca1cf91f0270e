from django.urls import path

from . import views, waiting_views

app_name = "workspace"

urlpatterns = [
    path("", views.cohorts, name="cohorts"),
    path("waiting/", waiting_views.waiting, name="waiting"),
    path("cohorts/new/", views.cohort_create, name="cohort_create"),
    path("cohorts/<int:pk>/", views.cohort, name="cohort"),
    path("cohorts/<int:pk>/edit/", views.cohort_edit, name="cohort_edit"),
    path("cohorts/<int:pk>/enrolments/", views.enrolment_action, name="enrolment_action"),
    path("cohorts/<int:pk>/matrix/", views.matrix, name="matrix"),
    path("cohorts/<int:pk>/trainees/<int:enrolment_pk>/", views.trainee, name="trainee"),
    path(
        "cohorts/<int:pk>/reflections/<int:reflection_pk>/", views.reflection_review, name="reflection_review"
    ),
    path("cohorts/<int:pk>/invite/", views.invite, name="invite"),
    path("cohorts/<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("cohorts/<int:pk>/sessions/<int:session_pk>/attendance/", views.attendance, name="attendance"),
    path("cohorts/<int:pk>/messages/new/", views.message_create, name="message_create"),
    path("cohorts/<int:pk>/certificates/issue/", views.certificates_issue, name="certificates_issue"),
    path(
        "cohorts/<int:pk>/certificates/<int:certificate_pk>/revoke/",
        views.certificate_revoke,
        name="certificate_revoke",
    ),
    path(
        "cohorts/<int:pk>/certificates/<int:certificate_pk>/reissue/",
        views.certificate_reissue,
        name="certificate_reissue",
    ),
    path("cohorts/<int:pk>/export.csv", views.export_csv, name="export_csv"),
    path("cohorts/<int:pk>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]
