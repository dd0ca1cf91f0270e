"""Pages under the language prefix (the verification page is read in the visitor's language)."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("learning/certificates/<int:pk>/certificate.pdf", views.download_pdf, name="pdf"),
    path("learning/certificates/<int:pk>/credential.json", views.download_credential, name="credential"),
    path(
        "learning/certificates/<int:pk>/credential-vc-jose.json",
        views.download_vc_jose,
        name="credential_vc_jose",
    ),
    path("learning/certificates/<int:pk>/credential.jwt", views.download_jwt, name="credential_jwt"),
]
