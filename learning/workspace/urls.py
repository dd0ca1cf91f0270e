from django.urls import path

from .views import certificates, cohort_messages, cohorts, invitations, sessions, trainees, waiting

app_name = "workspace"

urlpatterns = [
    path("", cohorts.cohorts, name="cohorts"),
    path("waiting/", waiting.waiting, name="waiting"),
    path("cohorts/new/", cohorts.cohort_create, name="cohort_create"),
    path("cohorts/<int:pk>/", cohorts.cohort, name="cohort"),
    path("cohorts/<int:pk>/edit/", cohorts.cohort_edit, name="cohort_edit"),
    path("cohorts/<int:pk>/enrolments/", cohorts.enrolment_action, name="enrolment_action"),
    path("cohorts/<int:pk>/matrix/", trainees.matrix, name="matrix"),
    path("cohorts/<int:pk>/trainees/<int:enrolment_pk>/", trainees.trainee, name="trainee"),
    path(
        "cohorts/<int:pk>/reflections/<int:reflection_pk>/",
        trainees.reflection_review,
        name="reflection_review",
    ),
    path("cohorts/<int:pk>/invite/", invitations.invite, name="invite"),
    path("cohorts/<int:pk>/sessions/new/", sessions.session_create, name="session_create"),
    path("cohorts/<int:pk>/sessions/<int:session_pk>/attendance/", sessions.attendance, name="attendance"),
    path("cohorts/<int:pk>/messages/new/", cohort_messages.message_create, name="message_create"),
    path("cohorts/<int:pk>/certificates/issue/", certificates.certificates_issue, name="certificates_issue"),
    path(
        "cohorts/<int:pk>/certificates/<int:certificate_pk>/revoke/",
        certificates.certificate_revoke,
        name="certificate_revoke",
    ),
    path(
        "cohorts/<int:pk>/certificates/<int:certificate_pk>/reissue/",
        certificates.certificate_reissue,
        name="certificate_reissue",
    ),
    path("cohorts/<int:pk>/export.csv", trainees.export_csv, name="export_csv"),
    path("cohorts/<int:pk>/export.xlsx", trainees.export_xlsx, name="export_xlsx"),
    path("invitations/<str:token>/", invitations.invitation, name="invitation"),
]
