"""Site-wide response rules that no single view should have to remember."""

from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.forms import BaseForm, BaseFormSet
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.csp import CSP
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.views import serve as wagtail_serve

from . import site_cache
from .routing import fast_route, route_name
from .site_cache import cached_per_site, prefetch
from .sites import find_site, site_root_paths
from .view_restrictions import remember_view_restrictions
from .views import healthz

# The Wagtail admin (8.0) runs no inline script here: what it writes as inline scripts is started from inert
# JSON by one file of ours (core/admin_csp.py), so scripts come from this origin only, as on the public site.
# Its widgets and its JavaScript still set inline styles (README, "Admin CSP"). It is reachable only by
# signed-in staff; the public site keeps the strict policy from settings.
ADMIN_CSP = {
    **settings.SECURE_CSP,
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "frame-src": [CSP.SELF, "https:"],
    "frame-ancestors": [CSP.SELF],
}
# A preview is the public page as it will be (the strict policy), shown inside the editor's side panel:
# only the admin, on this origin, may frame it.
PREVIEW_CSP = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}


class HealthCheckMiddleware:
    """Answers /healthz before anything else runs.

    Load balancers probe by IP address over plain HTTP: the health check must not depend on
    ALLOWED_HOSTS, the HTTPS redirect, sessions or the language prefix.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return healthz(request)
        return self.get_response(request)


class SiteCacheWritesMiddleware:
    """Whatever a request writes to the shared cache goes in one round trip once its response is ready:
    the entries it built and the tags it started (core.site_cache), the whole page and its header list
    (core.page_cache); a page also remembers what it read, to read it all at once next time. Above the
    cache middlewares in MIDDLEWARE, so that their writes are done when it sends them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_cache.batch_writes(request)
        response = self.get_response(request)
        learn = getattr(request, "_site_learn", False) and response.status_code == 200
        site_cache.flush(request, learn=learn)
        return response


class CachedSiteMiddleware:
    """Finds the Wagtail Site for a page request through the shared cache.

    Wagtail looks the site up on every page request with a query that ranks hostnames and ports; sites
    change almost never, and saving one bumps the content version that the cache key carries. Wagtail
    then reuses the site stored on the request. Other views never pay for the lookup, but the site's
    own views (not the admin's) have their shared entries learnt and read in two round trips too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    # What every page needs besides its site and route (the header, whether any page is private), read
    # together with them in one round trip.
    PAGE_NEEDS = (
        "view-restrictions-exist",
        "organisation-name",
        "catalogue-url",
        "toolkit-library-url",
        "locale-codes",
        "site-root-paths",
    )

    @classmethod
    def page_needs(cls, view_args, view_kwargs) -> tuple[str, ...]:
        """The entries a page reads, whichever page it is: its site, its route and the header's."""
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        return ("wagtail-site", route_name(path), *cls.PAGE_NEEDS)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            request._site_learn = True
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            _read_session_along(request)
            prefetch(request, self.page_needs(view_args, view_kwargs))
            # Both from one read of the sites (core.sites) when the cache is empty.
            site = cached_per_site(request, "wagtail-site", lambda: find_site(request))
            request._wagtail_site = site
            # Where Wagtail keeps the site root paths for the request's page URLs; it would otherwise
            # fetch them from the cache server on its own, one more round trip.
            request._wagtail_cached_site_root_paths = cached_per_site(
                request, "site-root-paths", lambda: site_root_paths(request)
            )
            if site is not None:
                route = request._wagtail_route_for_request = fast_route(request, site, path)
                if route is not None:
                    remember_view_restrictions(request, route[0])
        elif (
            request.method in ("GET", "HEAD")
            and getattr(getattr(request, "session", None), "session_key", None)
            and not request.path.startswith(self.admin_prefix)
        ):
            # The site's own Django views for signed-in people (the trainer's workspace, My learning, ...)
            # show the same header and read entries of their own (a course outline, the legal versions):
            # learnt and read together as a page's are, two round trips instead of one for each (8 on the
            # bench's cohort page). The first goes with the session, which these requests read anyway, so
            # a view that reads nothing from the cache (the bench's bare view, a sign-in form) pays no
            # round trip for it. The admin keeps its own reads.
            request._site_learn = True
            _read_session_along(request)
            prefetch(request, ())
            # A page's URL (an outline, a course link) needs the site root paths: from the shared cache,
            # read with the rest, rather than from Wagtail's own entry, one read and one write of its own
            # whenever this page's entries are rebuilt. Only read if the view builds a page URL.
            request._wagtail_cached_site_root_paths = SimpleLazyObject(
                lambda: cached_per_site(request, "site-root-paths", lambda: site_root_paths(request))
            )

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")


def _read_session_along(request) -> None:
    """A signed-in reader's session (cached_db keeps it in the cache) comes in the page's first round
    trip instead of one of its own. Django's session store loads itself lazily into `_session_cache`;
    filled here, it has nothing left to read."""
    session = getattr(request, "session", None)
    key = getattr(session, "cache_key", None) if session is not None and session.session_key else None
    if key is None or hasattr(session, "_session_cache"):
        return
    data = site_cache.read_first(request, [key]).get(key)
    session._session_cache = _session_from_database(request, session) if data is None else data


def _session_from_database(request, session) -> dict:
    """What cached_db's `load()` does when the cache misses, without asking the cache again (the first
    round trip just did): the session from the database, copied to the cache at once, as cached_db does.
    Not with the request's other writes at the end: a sign-out elsewhere meanwhile would find the session
    gone, and that late copy would bring it back."""
    stored = session._get_session_from_db()
    if not stored:
        return {}  # as cached_db: an unknown or expired key starts an empty session
    data = session.decode(stored.session_data)
    session._cache.set(session.cache_key, data, session.get_expiry_age(expiry=stored.expire_date))
    return data


class AdminPathMixin:
    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def is_admin(self, request) -> bool:
        return request.path.startswith(self.admin_prefix)


class AdminContentSecurityPolicyMiddleware(AdminPathMixin):
    """Hands the admin its looser policy, and previews theirs; must sit below Django's CSP middleware.

    Wagtail renders a preview (side panel, new tab, revisions, moderation) by sending a dummy request
    for the page's public address through the whole middleware stack (`request.is_dummy`), so it would
    get the public `frame-ancestors 'none'` and `X-Frame-Options: DENY`, and the panel stayed blank. Only
    Wagtail makes dummy requests, for signed-in editors: a visitor's request never carries the flag.
    """

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_admin(request):
            response._csp_config = ADMIN_CSP
        elif getattr(request, "is_dummy", False):
            response._csp_config = PREVIEW_CSP
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class AdminConflictMiddleware(AdminPathMixin):
    """A write in the admin that collides with another one answers 409 and says why, never a 500.

    Wagtail 8's editor autosaves in the background: while its first request creates a page, a second
    autosave (or the editor's own click on Save) is still posted to the *create* address, because the
    form only learns its new edit address from the first answer. Both pass the form's slug check; the
    second then fails in the model's own validation (the slug is taken) or on a unique constraint, which
    Wagtail does not catch. The same holds for any unique value two editors save at once. The first
    write is kept; the second is refused with a message, as JSON for the editor's background requests
    (its autosave indicator shows `error_message`) and as a page otherwise.
    """

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not self.is_admin(request):
            return None
        if isinstance(exception, ValidationError):
            message = " ".join(exception.messages)
        elif isinstance(exception, IntegrityError):
            message = _("Someone else saved the same item at the same moment.")
        else:
            return None
        message = _("%(reason)s Nothing was changed by this request; what was saved before is kept.") % {
            "reason": message
        }
        if not request.accepts("text/html"):
            return JsonResponse(
                {"success": False, "error_code": "conflict", "error_message": message}, status=409
            )
        referer = request.headers.get("referer", "")
        back = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}) else ""
        return TemplateResponse(
            request, "core/admin_conflict.html", {"message": message, "back": back}, status=409
        ).render()


def _has_invalid_form(context) -> bool:
    return any(
        isinstance(value, (BaseForm, BaseFormSet)) and value.is_bound and not value.is_valid()
        for value in (context or {}).values()
    )


def _focus_first_error(context) -> None:
    """`autofocus` on the first field in error, so that the page opens where the person must act
    (without JavaScript too; htmx honours autofocus in what it swaps in)."""
    for value in (context or {}).values():
        if isinstance(value, BaseForm) and value.is_bound and value.errors:
            for name in value.errors:
                if name in value.fields:
                    value.fields[name].widget.attrs["autofocus"] = True
                    return


class InvalidFormStatusMiddleware(AdminPathMixin):
    """A form sent back with errors answers 422 instead of 200, with the focus on its first error.

    Every form page (ours and allauth's) re-renders the form with what the person typed and a clear
    error; the status tells browsers, tests and monitoring that the input was refused. Wagtail's admin
    keeps its own conventions.
    """

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        if (
            request.method == "POST"
            and response.status_code == 200
            and not self.is_admin(request)
            and _has_invalid_form(response.context_data)
        ):
            response.status_code = 422
            _focus_first_error(response.context_data)
        return response
