"""Anonymous pages cached whole, by Django's cache middleware, retired by the site cache's tags.

Django's two cache middlewares do the work: the key of a URL comes from its address (host included), the
language (Django adds the active one, here the URL's prefix), the reader's time zone and the request
headers the response varies on, learnt from the response (`learn_cache_key`). Two things are added:

- **Retirement.** The entry varies, as if on a request header, on the versions of the `content` and
  `seats` tags (core.site_cache) and on today's date: every write that retires those tags after it
  commits retires the whole pages too, through the same registry and the same path, and a cohort that
  ended yesterday leaves the catalogue today. Nothing else purges these pages; they expire after
  `TIMEOUT` at the latest (the library's download counts may be that old).
- **Who gets a cached page.** Only a Wagtail page (`wagtail.views.serve`), asked with GET or HEAD and no
  query string, by someone without a session cookie or a message waiting, and only a 200 that sets no
  cookie: a page that holds a CSRF token sets the CSRF cookie (Django then refuses to cache it), a
  signed-in person always has a session cookie. Search and filtered listings, with their free text,
  never reach it; forms (login, signup, certificate checks) are Django views, never cached here.

Cookies never split an entry: the page is the same for every reader without a session, whatever other
cookies they carry (the time zone's is already in the key). The response still says `Vary: Cookie`, so a
browser or a proxy never shows one person's page to another. Browsers are told to ask again each time
(`max-age=0`): a purge here cannot reach their copies.

Reads: the URL's header list with the tag versions (one round trip), then the page (a second). A page
never stored reads, in that second round trip, every entry building it needs instead; a page retired
by a write reads them in a third (fetching them with every hit made hits twice as slow). The page and
its header list are written with the entries that built it, in one round trip
(core.middleware.SiteCacheWritesMiddleware).
"""

from contextvars import ContextVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils import timezone
from django.utils.cache import get_cache_key, patch_cache_control, patch_vary_headers, split_header_value
from wagtail.views import serve as wagtail_serve

from . import site_cache
from .middleware import CachedSiteMiddleware

TIMEOUT = 5 * 60
KEY_PREFIX = f"{site_cache.CODE_VERSION}:page"
# What the entry depends on besides the request, carried as if it were a request header so that Django's
# own key functions put it in the key. Set by the fetch middleware (a visitor cannot choose it).
TAGS_HEADER = "X-Site-Cache-Tags"
TAGS_META = "HTTP_X_SITE_CACHE_TAGS"


def request_is_cacheable(request, view_func) -> bool:
    return (
        view_func is wagtail_serve
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
    )


def _stamp(request, versions: dict[str, int]) -> None:
    request.META[TAGS_META] = ".".join(
        [*(str(versions[tag]) for tag in site_cache.GLOBAL_TAGS), timezone.localdate().isoformat()]
    )


def _without_vary(response, drop: set[str]) -> None:
    kept = [h for h in split_header_value(response.get("Vary", "")) if h.lower() not in drop]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


def _as_sent(response):
    """The headers a reader gets, whether the page was just built or comes from the cache."""
    _without_vary(response, {TAGS_HEADER.lower()})
    patch_vary_headers(response, ("Cookie",))
    if response.has_header("Expires"):
        del response["Expires"]
    response["Cache-Control"] = "max-age=0"
    patch_cache_control(response, must_revalidate=True)
    return response


class _HeaderListWithTags:
    """The cache as `get_cache_key` sees it: its one read (the URL's header list) brings the tag versions
    along, and the request is stamped with them before Django builds the page's key from its headers."""

    def __init__(self, cache, request):
        self.cache, self.request = cache, request

    def get(self, key, default=None):
        found = site_cache.read_first(self.request, [key])
        _stamp(self.request, site_cache.tag_versions(site_cache.GLOBAL_TAGS, self.request))
        return found.get(key, default)


class PageCacheFetchMiddleware(FetchFromCacheMiddleware):
    """Serves a cached page. Runs once the URL is resolved (it caches Wagtail pages only); place it above
    CachedSiteMiddleware, which it spares the page's routing when the page is in the cache."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.key_prefix = KEY_PREFIX

    def process_request(self, request):
        return None  # the view is not known yet: see process_view

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request_is_cacheable(request, view_func):
            request._cache_update_cache = False
            return None
        reader = _HeaderListWithTags(self.cache, request)
        cache_key = get_cache_key(request, self.key_prefix, "GET", cache=reader)
        if cache_key is None:
            # Never stored (or its header list expired): read what building the page needs at once.
            site_cache.read_second(request, CachedSiteMiddleware.page_needs(view_args, view_kwargs))
            response = None
        else:
            # Only the page: reading its entries along would make every hit carry them for nothing.
            response = self.cache.get(cache_key)
        # A HEAD is answered from the GET's entry, and never stores one of its own.
        request._cache_update_cache = response is None and request.method == "GET"
        return None if response is None else _as_sent(response)


class _RequestWrites:
    """The cache as Django's update middleware writes to it: into the request's writes, which
    core.middleware.SiteCacheWritesMiddleware sends in one round trip with the entries the page built."""

    def __init__(self, request):
        self.request = request

    def set(self, key, value, timeout):
        site_cache.store(self.request, key, value, timeout)


# The request whose response the update middleware is storing (Django's code reaches the cache through
# the middleware's `cache` property, shared by every thread's requests).
_storing_for = ContextVar("page_cache_storing_for", default=None)


class PageCacheUpdateMiddleware(UpdateCacheMiddleware):
    """Stores what PageCacheFetchMiddleware may serve; first of the cache middlewares after the one that
    sends the writes, so it sees the final headers."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.key_prefix, self.cache_timeout = KEY_PREFIX, TIMEOUT

    @property
    def cache(self):
        request = _storing_for.get()
        return super().cache if request is None else _RequestWrites(request)

    def process_response(self, request, response):
        if not self._should_update_cache(request, response):
            return response
        if response.cookies:  # a CSRF token, a message read, a session begun: this page is someone's
            return _as_sent(response)
        # The page is the same for every reader without a session (see the module's docstring): the
        # entry is keyed on the tags, not on the cookies the reader happens to carry.
        _without_vary(response, {"cookie"})
        patch_vary_headers(response, (TAGS_HEADER,))
        storing = _storing_for.set(request)
        try:
            return _as_sent(super().process_response(request, response))
        finally:
            _storing_for.reset(storing)
