from django.urls import path

from . import views
from .checkins import views as checkin_views

app_name = "toolkits"

urlpatterns = [
    path("plans/", views.my_plans, name="my_plans"),
    path("plans/start/<int:template_id>/", views.plan_start, name="plan_start"),
    path("plans/<uuid:public_id>/", views.plan_detail, name="plan"),
    path("plans/<uuid:public_id>/sections/<str:key>/", views.section_edit, name="section"),
    path("plans/<uuid:public_id>/sections/<str:key>/comments/", views.comment_create, name="comment_add"),
    path(
        "plans/<uuid:public_id>/comments/<int:comment_id>/resolve/",
        views.comment_resolve,
        name="comment_resolve",
    ),
    path("plans/<uuid:public_id>/share/", views.plan_share, name="plan_share"),
    path("plans/<uuid:public_id>/status/", views.plan_status, name="plan_status"),
    path("plans/<uuid:public_id>/publish/", views.plan_publish, name="plan_publish"),
    path("plans/<uuid:public_id>/history/", views.plan_history, name="plan_history"),
    path("plans/<uuid:public_id>/export.<str:fmt>", views.plan_export, name="plan_export"),
    path("plans/<uuid:public_id>/checkins/<int:months>/", checkin_views.checkin_detail, name="checkin"),
    path(
        "plans/<uuid:public_id>/checkins/<int:months>/comments/",
        checkin_views.checkin_comment,
        name="checkin_comment",
    ),
    path("cases/<uuid:public_id>/", views.case_detail, name="case"),
    path("cases/<uuid:public_id>/export.<str:fmt>", views.case_export, name="case_export"),
]
