from django.urls import path

from . import offline, views

app_name = "core"

urlpatterns = [
    path("language/<str:language>/", views.switch_language, name="switch_language"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
]
