from django.urls import include, path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cohorts/<int:pk>/enrol/", views.enrol, name="enrol"),
    path("cohorts/<int:pk>/calendar.ics", views.cohort_ics, name="cohort_ics"),
    path("courses/<int:pk>/offline/", views.offline_copy, name="offline_copy"),
    path("enrolments/<int:pk>/completed/", views.completed, name="completed"),
    path("enrolments/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("lessons/<int:pk>/complete/", views.lesson_complete, name="lesson_complete"),
    path("lessons/<int:pk>/quiz/<str:block_id>/", views.quiz_submit, name="quiz_submit"),
    path("lessons/<int:pk>/reflection/<str:block_id>/", views.reflection_submit, name="reflection_submit"),
    path("sessions/<uuid:uid>.ics", views.session_ics, name="session_ics"),
    path("trainer/", include("learning.workspace.urls")),
]
