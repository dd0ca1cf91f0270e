"""Page routing in two queries, whatever the page's depth.

Wagtail routes a URL one path component at a time: two queries per level (the child, then its specific
model), so a lesson at /en/courses/<course>/<module>/<lesson>/ costs about ten queries before it renders.
Every page's `url_path` is stored, so the deepest page the URL names can be found in one query (plus one
for its specific model; the page's translations come along), and that page's own `route()` handles
whatever is left: RoutablePage sub-URLs, or a 404 for a child that does not exist. The result goes
where Wagtail's `route_for_request` keeps it, so Wagtail's serve view, hooks and view restrictions run
unchanged.

A URL that names a page exactly (no sub-URL left over) is remembered with the content version, so a
popular page routes with no query at all; publishing, unpublishing, moving or deleting any page bumps
the version. Only URLs that found a page are remembered: made-up URLs cannot fill the cache.

Limit: a page whose own `route()` is overridden is only consulted when it is the deepest match; no page
of this project overrides `route()` on a page that has children.
"""

import hashlib

from django.db.models import Q, Subquery
from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .language import remember_translations
from .localize import active_locale
from .site_cache import TIMEOUT, cached_per_site, lookup, site_key, store
from .sites import site_pages


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
    request's shared Locale (core.localize): no query in the root page's own language; otherwise the
    translation is among the site's pages (core.sites.site_pages), which the page reads anyway."""
    root = site.root_page
    locale = active_locale(request)
    if locale is None or locale.pk == root.locale_id:
        return root
    translated = next(
        (
            page
            for page in site_pages(request)
            if page.translation_key == root.translation_key and page.locale_id == locale.pk
        ),
        None,
    )
    return translated if translated is not None and translated.live else root


def _route(request, site, path: str):
    components = [component for component in path.split("/") if component]
    root_url_path = cached_per_site(request, "root-url-path", lambda: _localized_root(request, site).url_path)
    candidates = [
        root_url_path + "".join(f"{c}/" for c in components[:n]) for n in range(len(components), -1, -1)
    ]
    # The deepest page on the path and, in the same read, its live translations: the language switcher
    # and the canonical links need them next (core.language.page_translations).
    deepest_key = Page.objects.filter(url_path__in=candidates).order_by("-depth").values("translation_key")
    found = list(
        Page.objects.filter(
            Q(url_path__in=candidates) | Q(live=True, translation_key=Subquery(deepest_key[:1]))
        ).select_related("locale")
    )
    on_path = [page for page in found if page.url_path in candidates]
    if not on_path:
        return None
    deepest = max(on_path, key=lambda page: page.depth)
    remember_translations(
        request,
        deepest.translation_key,
        [page for page in found if page.live and page.translation_key == deepest.translation_key],
    )
    remaining = components[deepest.url_path.count("/") - root_url_path.count("/") :]
    try:
        return deepest.specific.route(request, remaining)
    except Http404:
        return None
