"""The request's Wagtail Site and every site's root paths, from one read of the sites table.

Wagtail finds the site with a query that ranks hostnames and ports (`get_site_for_hostname`), then its
site root paths with another over the same table plus one per site for the home page's translations,
kept under an entry of its own in the cache server. A page with an empty cache needs both: here they
come from the same rows, in two queries whatever the number of sites, and go into the page's own
cache entries (core.middleware.CachedSiteMiddleware), so Wagtail never asks its own.
"""

from django.conf import settings
from django.db.models import Exists
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)


def _sites(request) -> list[Site]:
    """Every site with its home page and locale, in Wagtail's root-path order; read once per request.

    Whether any page is private comes along (core.view_restrictions): the same read, not a query more."""
    if not hasattr(request, "_all_sites"):
        sites = list(
            Site.objects.select_related("root_page", "root_page__locale")
            .annotate(any_private_page=Exists(PageViewRestriction.objects.all()))
            .order_by("-root_page__url_path", "-is_default_site", "hostname")
        )
        request._private_pages_exist = any(site.__dict__.pop("any_private_page") for site in sites)
        request._all_sites = sites
    return request._all_sites


def private_pages_exist(request) -> bool | None:
    """Whether any page is private, when this request has read the sites already (else None)."""
    return getattr(request, "_private_pages_exist", None)


def find_site(request) -> Site | None:
    """What `Site._find_for_request(request)` answers, with the same ranking as Wagtail's
    `get_site_for_hostname`: the exact host and port, then the host on the default site, then the
    default site unless exactly one other site has the host."""
    hostname = split_domain_port(request._get_raw_host())[0]  # no ALLOWED_HOSTS check, as Wagtail
    port = request.get_port()

    def match(site: Site) -> int:
        if site.hostname == hostname and str(site.port) == str(port):
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_DEFAULT if site.is_default_site else MATCH_HOSTNAME

    sites = sorted(
        (site for site in _sites(request) if site.hostname == hostname or site.is_default_site), key=match
    )
    if not sites:
        return None
    if len(sites) == 1 or match(sites[0]) in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return sites[0]
    if match(sites[0]) == MATCH_DEFAULT:
        return sites[len(sites) == 2]
    return None


def site_root_paths(request) -> list[SiteRootPath]:
    """What `Site.get_site_root_paths()` computes, in the same order, with the home pages'
    translations of every site in one query."""
    sites = _sites(request)
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return [
            SiteRootPath(site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
            for site in sites
        ]
    translations: dict = {}
    keys = {site.root_page.translation_key for site in sites}
    for page in Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("path"):
        translations.setdefault(page.translation_key, []).append(page)
    return [
        SiteRootPath(site.id, page.url_path, site.root_url, page.locale.language_code)
        for site in sites
        for page in translations.get(site.root_page.translation_key, [])
    ]
