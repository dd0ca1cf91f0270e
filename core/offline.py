"""What makes the site installable and lets a trainee keep a course for offline reading.

Two pieces live here because every app relies on them and none owns them: the service worker served from
the site's root (its scope is the whole site) and the promise made to a shared phone: signing out clears
what the browser kept (`Clear-Site-Data`), and every page names, by an opaque key, whose copies may stay
(the worker deletes the others). What a course keeps is listed by `learning.offline`; the web app
manifest, which carries the organisation's name, is `home.views.manifest`.
"""

import hashlib
import json
from functools import cache

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.template.loader import get_template
from django.utils.crypto import salted_hmac
from django.views.decorators.http import require_GET

WORKER_TEMPLATE = "offline/service-worker.js"


def offline_key(user) -> str:
    """An opaque, stable name for a person's offline copies: it tells copies apart without naming anyone."""
    return salted_hmac("core.offline.key", str(user.pk), algorithm="sha256").hexdigest()[:24]


def _static_version() -> str:
    """A digest of the worker's own code and of the static files' manifest: a deploy that changes either
    changes the worker's bytes, so browsers install the new one."""
    digest = hashlib.sha256(get_template(WORKER_TEMPLATE).template.source.encode())
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest and staticfiles_storage.exists(manifest):
        with staticfiles_storage.open(manifest) as file:
            digest.update(file.read())
    return digest.hexdigest()[:16]


# The files do not change while a process runs; in development they do, and the digest follows them.
_cached_static_version = cache(_static_version)


def static_version() -> str:
    return _static_version() if settings.DEBUG else _cached_static_version()


@require_GET
def service_worker(request):
    config = {"version": static_version()}
    source = get_template(WORKER_TEMPLATE).render({"config": json.dumps(config)})
    response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # Browsers ask again at every visit and get the new worker as soon as a deploy changes it.
    response["Cache-Control"] = "no-cache"
    return response


def _clear_after_logout(sender, request, **kwargs):
    if request is not None:
        request.clears_site_data = True


def connect() -> None:
    user_logged_out.connect(_clear_after_logout, dispatch_uid="core.offline.clear_after_logout")


class ClearSiteDataMiddleware:
    """Whichever door a person signs out through (the site, the admin), the answer tells their browser to
    drop its caches, its stored copies and queued answers, and the service worker: on a shared phone
    nothing of theirs stays for the next person."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "clears_site_data", False):
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response
