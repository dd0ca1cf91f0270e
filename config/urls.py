from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import documents, offline
from core import views as core_views
from learning.certificates import views as certificate_views

# A database outage answers a friendly 503 with Retry-After; every other failure Django's 500 page.
handler500 = "core.views.server_error"

urlpatterns = [
    path("robots.txt", core_views.robots_txt),
    # The service worker's scope is the folder it is served from: the root, so it serves every language.
    path("sw.js", offline.service_worker, name="service_worker"),
    # The certificate issuer's identity and revocation list: stable addresses, the same in every language.
    path(".well-known/did.json", certificate_views.did_document, name="certificate_did"),
    path(".well-known/jwks.json", certificate_views.jwks, name="certificate_jwks"),
    path(
        "credentials/status/<int:number>",
        certificate_views.status_list_credential,
        name="certificate_status_list",
    ),
    # The admin signs in and out through allauth (rate limits, verified e-mail, MFA): its own
    # login form must not stay reachable as a side door.
    path("admin/login/", RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's download view with its Content-Encoding fixed (core.documents.serve); the rest of its URLs.
    re_path(r"^documents/(\d+)/(.*)$", documents.serve, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("accounts.urls")),
    path("learning/", include("learning.urls")),
    path("community/", include("community.urls")),
    path("network/", include("network.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("learning.certificates.urls")),
    path("", include("toolkits.urls")),
    path("", include("core.urls")),
    path("", include("home.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
