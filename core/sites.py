"""The request's Wagtail Site and every site's root paths, from one read of the sites table.

Wagtail finds the site with a query that ranks hostnames and ports (`get_site_for_hostname`), then its
site root paths with another over the same table plus one per site for the home page's translations,
kept under an entry of its own in the cache server. A page with an empty cache needs both: here they
come from the same rows, in two queries whatever the number of sites, and go into the page's own
cache entries (core.middleware.CachedSiteMiddleware), so Wagtail never asks its own.

The same two reads bring what every page asks next, which would otherwise be a query each: the sites'
settings shown on every page (the footer, `read_settings_along`: joined to the sites), the list of
locales (core.localize.locale_codes) and short lists an app registers (`read_pairs_along`: the current
versions of the terms, asked on every signed-in page), and, with the home pages' translations, the other
pages every page links to (the header's sections, `read_along`). Nothing here outlives the request: what
is cached goes through core.site_cache, under the entries that already held it.
"""

from collections.abc import Callable
from contextlib import suppress

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import CharField, Exists, Q, QuerySet, StringAgg, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)

_SETTINGS: list[type[BaseSiteSetting]] = []
_READ_ALONG: list[Callable[[], Q]] = []
_PAIRS: dict[str, tuple[Callable[[], QuerySet], str, str]] = {}
_LOCALES = "locales"

# A list of rows cannot be a column of the sites' rows, and Django has no aggregate that gathers rows
# into a list on both databases the site runs on (ArrayAgg and JSONBAgg are PostgreSQL's). So a short
# list that every page needs comes with the sites as one text column: each row "key<US>value", the rows
# joined by <RS>, ASCII's unit and record separators, which no id, language code or document name holds.
# Reading each list on its own would add a query to every page built with an empty cache
# (tests/core/test_cold_queries.py counts them).
_UNIT, _RECORD = "\x1f", "\x1e"


def read_settings_along(model: type[BaseSiteSetting]) -> None:
    """Read `model` (a Wagtail site setting every page shows) with the sites: `model.for_request()`
    then finds it on the request, as Wagtail leaves it there, instead of making a query of its own."""
    _SETTINGS.append(model)


def read_along(pages: Callable[[], Q]) -> None:
    """Read the pages that `pages()` selects (live or not) with the home pages' translations
    (`site_pages`): pages that every page of the site links to."""
    _READ_ALONG.append(pages)


def read_pairs_along(name: str, rows: Callable[[], QuerySet], key: str, value: str) -> None:
    """Read the (`key`, `value`) fields of `rows()` (a few rows that every page asks for, such as which
    versions of the terms are current) with the sites; `pairs_read(request, name)` then gives them."""
    _PAIRS[name] = (rows, key, value)


def pairs_read(request, name: str) -> list[tuple[str, str]] | None:
    """The (key, value) pairs, as text, of the rows registered as `name`, in no particular order, when
    this request has read the sites already (else None)."""
    return request.__dict__.get("_pairs_read", {}).get(name)


def _pairs_column(rows: QuerySet, key: str, value: str) -> Subquery:
    pair = Concat(Cast(key, CharField()), Value(_UNIT), Cast(value, CharField()), output_field=CharField())
    # Grouped by a constant: every row in one group, so one value whatever the number of rows.
    every_row = rows.order_by().annotate(every=Value(1)).values("every")
    return Subquery(every_row.annotate(pairs=StringAgg(pair, Value(_RECORD))).values("pairs")[:1])


def _pairs(column: str | None) -> list[tuple[str, str]]:
    return [tuple(row.split(_UNIT, 1)) for row in (column or "").split(_RECORD) if row]


read_pairs_along(_LOCALES, Locale.objects.all, "id", "language_code")


def _sites(request) -> list[Site]:
    """Every site with its home page and locale, in Wagtail's root-path order; read once per request.

    Whether any page is private comes along (core.view_restrictions), with the locales and the site
    settings read along: the same read, not a query more."""
    if not hasattr(request, "_all_sites"):
        settings_names = [model._meta.get_field("site").related_query_name() for model in _SETTINGS]
        sites = list(
            Site.objects.select_related("root_page", "root_page__locale", *settings_names)
            .annotate(
                any_private_page=Exists(PageViewRestriction.objects.all()),
                **{
                    f"pairs_{n}": _pairs_column(rows(), *fields)
                    for n, (rows, *fields) in enumerate(_PAIRS.values())
                },
            )
            .order_by("-root_page__url_path", "-is_default_site", "hostname")
        )
        request._private_pages_exist = any(site.__dict__.pop("any_private_page") for site in sites)
        columns = [[site.__dict__.pop(f"pairs_{n}") for site in sites] for n in range(len(_PAIRS))]
        if sites:  # the same on every row
            request._pairs_read = {
                name: _pairs(found[0]) for name, found in zip(_PAIRS, columns, strict=True)
            }
        request._site_settings = {}
        for site in sites:
            for model, name in zip(_SETTINGS, settings_names, strict=True):
                # Kept aside, not on the site: the site is cached whole, the settings are not. One
                # never saved is not there: Wagtail's for_request() creates it.
                with suppress(ObjectDoesNotExist):
                    request._site_settings[(site.pk, model)] = getattr(site, name)
                site._state.fields_cache.pop(name, None)
        request._all_sites = sites
    return request._all_sites


def locale_codes_read(request) -> dict[int, str] | None:
    """Every locale as {id: language code}, in language code order, when this request has read the
    sites already (else None)."""
    pairs = pairs_read(request, _LOCALES)
    if pairs is None:
        return None
    return {int(pk): code for pk, code in sorted(pairs, key=lambda pair: pair[1])}


def _hand_settings_over(request, site: Site) -> None:
    """Leave the settings read with the sites where `for_request()` looks first."""
    for model in _SETTINGS:
        found = request.__dict__.get("_site_settings", {}).get((site.pk, model))
        if found is not None and not hasattr(request, model.get_cache_attr_name()):
            found._request = request  # as for_request() does, for the settings' page URLs
            setattr(request, model.get_cache_attr_name(), found)


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
        found = sites[0]
    elif match(sites[0]) == MATCH_DEFAULT:
        found = sites[len(sites) == 2]
    else:
        return None
    _hand_settings_over(request, found)
    return found


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
    for page in site_pages(request):
        if page.translation_key in keys:
            translations.setdefault(page.translation_key, []).append(page)
    return [
        SiteRootPath(site.id, page.url_path, site.root_url, page.locale.language_code)
        for site in sites
        for page in translations.get(site.root_page.translation_key, [])
    ]


def site_pages(request) -> list[Page]:
    """Every site's home page in each language (live or not, as for Wagtail's site root paths) and the
    pages `read_along` selects, with their locales, in tree order: one read per request. The routing
    finds the home page in the reader's language here, the header its sections."""
    if "_site_pages" not in request.__dict__:
        wanted = Q(translation_key__in=Site.objects.values("root_page__translation_key"))
        for pages in _READ_ALONG:
            wanted |= pages()
        request._site_pages = list(Page.objects.filter(wanted).select_related("locale").order_by("path"))
    return request._site_pages
