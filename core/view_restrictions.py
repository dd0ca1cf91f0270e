"""A shortcut for Wagtail's private-page check when no page of the site is private.

Wagtail checks view restrictions on every page view: two queries (the page's ancestors, then their
restrictions), nearly always to find none. Whether any restriction exists at all is cached with the
content tag, which adding or removing a restriction retires (core.signals); while none exists, pages
skip both queries. As soon as one exists, every page goes through Wagtail's full check again.
"""

from django.core.cache import cache
from wagtail.models import PageViewRestriction

from .site_cache import CODE_VERSION, CONTENT, TIMEOUT, cached_per_site, tag_versions
from .sites import private_pages_exist


def site_has_view_restrictions() -> bool:
    key = f"{CODE_VERSION}:view-restrictions-exist:{tag_versions([CONTENT])[CONTENT]}"
    exists = cache.get(key)
    if exists is None:
        exists = PageViewRestriction.objects.exists()
        cache.set(key, exists, TIMEOUT)
    return exists


def view_restrictions_exist(request) -> bool:
    """Whether any page is private, read with the request's other cached entries (see
    CachedSiteMiddleware); a listing can then skip `PageQuerySet.public()`, a query of its own."""

    def compute() -> bool:
        known = private_pages_exist(request)  # read with the sites on an empty cache (core.sites)
        return PageViewRestriction.objects.exists() if known is None else known

    return cached_per_site(request, "view-restrictions-exist", compute)


def remember_view_restrictions(request, page) -> None:
    """Tell a routed page whether restrictions exist: the page then asks the cache server nothing more."""
    page._site_has_view_restrictions = view_restrictions_exist(request)


class ViewRestrictionShortcutMixin:
    """Mixed into every page model of the project, before Page."""

    def get_view_restrictions(self):
        known = self.__dict__.get("_site_has_view_restrictions")
        if not (site_has_view_restrictions() if known is None else known):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
