"""Page routing in two queries, whatever the page's depth.

Wagtail routes a URL one path component at a time: two queries per level (the child, then its specific
model), so a lesson at /en/courses/<course>/<module>/<lesson>/ costs about ten queries before it renders.
Every page's `url_path` is stored, so the deepest page the URL names can be found in one query (plus one
for its specific model), and that page's own `route()` handles whatever is left: RoutablePage sub-URLs,
or a 404 for a child that does not exist. The result goes where Wagtail's `route_for_request` keeps it,
so Wagtail's serve view, hooks and view restrictions run unchanged.

A URL that names a page exactly (no sub-URL left over) is remembered with the content version, so a
popular page routes with no query at all; publishing, unpublishing, moving or deleting any page bumps
the version. Only URLs that found a page are remembered: made-up URLs cannot fill the cache.

Limit: a page whose own `route()` is overridden is only consulted when it is the deepest match; no page
of this project overrides `route()` on a page that has children.
"""

import hashlib

from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .localize import active_locale
from .site_cache import TIMEOUT, cached_per_site, lookup, site_key, store


def route_name(path: str) -> str:
    return f"route:{hashlib.sha256(path.encode()).hexdigest()}"


def fast_route(request, site, path: str):
    """The RouteResult for `path` on `site` in the active language, or None for a 404."""
    key = site_key(request, route_name(path))
    page = lookup(request, key)
    if page is not None:
        return RouteResult(page)
    result = _route(request, site, path)
    if result is not None and result[0].live and not result[1] and not result[2]:
        store(request, key, result[0], TIMEOUT)
    return result


def _localized_root(request, site) -> Page:
    """`site.root_page.localized` (its live translation in the active language, else itself) with the
    request's shared Locale (core.localize): no query in the root page's own language, one otherwise."""
    root = site.root_page
    locale = active_locale(request)
    if locale is None or locale.pk == root.locale_id:
        return root
    translated = root.get_translation_or_none(locale)
    return translated if translated is not None and translated.live else root


def _route(request, site, path: str):
    components = [component for component in path.split("/") if component]
    root_url_path = cached_per_site(request, "root-url-path", lambda: _localized_root(request, site).url_path)
    candidates = [
        root_url_path + "".join(f"{c}/" for c in components[:n]) for n in range(len(components), -1, -1)
    ]
    deepest = Page.objects.filter(url_path__in=candidates).order_by("-depth").first()
    if deepest is None:
        return None
    remaining = components[deepest.url_path.count("/") - root_url_path.count("/") :]
    try:
        return deepest.specific.route(request, remaining)
    except Http404:
        return None
