"""The site's sections that the header links to (the course catalogue, the toolkit library): their
index pages in the visitor's language, found for all of them in the query that reads the home pages'
translations (core.sites.site_pages).

Each app registers its index page model in its AppConfig.ready(); core knows none of them. Without
this, each section's link made a query of its own on every page built with an empty cache.
"""

from django.db.models import Q
from wagtail.models import Page

from . import sites
from .localize import active_locale

_SECTIONS: dict[str, type[Page]] = {}


def _section_q() -> Q:
    """The pages that may be a section's index page, live or not."""
    return Page.objects.type_q(*_SECTIONS.values()) if _SECTIONS else Q(pk__in=[])


# Read with the home pages' translations (core.sites.site_pages): one query for both.
sites.read_along(_section_q)


def register(name: str, model: type[Page]) -> None:
    _SECTIONS[name] = model


def section_pages(request, name: str) -> tuple[Page | None, Page | None]:
    """(the section's live index page in the active language, its first live index page in any
    language), each None when there is none; read once per request for every section."""
    memo = request.__dict__.get("_section_pages")
    if memo is None:
        live = [page for page in sites.site_pages(request) if page.live]
        memo = request._section_pages = _pick(request, live)
    return memo.get(name, (None, None))


def _pick(request, pages) -> dict[str, tuple[Page | None, Page | None]]:
    locale = active_locale(request)
    pages = sorted(pages, key=lambda page: page.path)
    found = {}
    for name, model in _SECTIONS.items():
        own = [page for page in pages if issubclass(page.specific_class, model)]
        local = next((page for page in own if locale is not None and page.locale_id == locale.pk), None)
        found[name] = (local, own[0] if own else None)
    return found
