from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("cohorts/<int:pk>/", views.cohort_space, name="cohort_space"),
    path("lessons/<int:pk>/", views.lesson_space, name="lesson_space"),
    path("cities/", views.exchange_index, name="exchange_index"),
    path("cities/<slug:theme>/", views.exchange, name="exchange"),
    path("spaces/<int:pk>/", views.space, name="space"),
    path("spaces/<int:pk>/new/", views.thread_create, name="thread_create"),
    path("spaces/<int:pk>/block/", views.block, name="block"),
    path("threads/<int:pk>/", views.thread, name="thread"),
    path("threads/<int:pk>/reply/", views.reply, name="reply"),
    path("threads/<int:pk>/pin/", views.pin, name="pin"),
    path("posts/<int:pk>/", views.post, name="post"),
    path("posts/<int:pk>/helpful/", views.helpful, name="helpful"),
    path("posts/<int:pk>/report/", views.report, name="report"),
    path("posts/<int:pk>/moderate/", views.moderate, name="moderate"),
    path("reports/", views.reports, name="reports"),
    path("reports/<int:pk>/dismiss/", views.report_dismiss, name="report_dismiss"),
]
