from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("language/", views.language_offer, name="language_offer"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/export/", views.data_export, name="data_export"),
    path("privacy/export/<str:token>/", views.data_export_download, name="data_export_download"),
    path("privacy/delete/", views.account_delete, name="delete"),
    path("consent/", views.consent, name="consent"),
]
