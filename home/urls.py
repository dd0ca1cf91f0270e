from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
