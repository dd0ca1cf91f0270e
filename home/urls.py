from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("language/<str:language>/", views.switch_language, name="switch_language"),
]
