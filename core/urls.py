from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("language/<str:language>/", views.switch_language, name="switch_language"),
]
