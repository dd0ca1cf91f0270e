"""The site's sections that the header links to (the course catalogue, the toolkit library): their
index pages in the visitor's language, found for all of them in one query.

Each app registers its index page model in its AppConfig.ready(); core knows none of them. Without
this, each section's link made a query of its own on every page built with an empty cache.
"""

from django.db.models import Q
from wagtail.models import Page

from .localize import active_locale

_SECTIONS: dict[str, type[Page]] = {}


def register(name: str, model: type[Page]) -> None:
    _SECTIONS[name] = model


def section_pages(request, name: str) -> tuple[Page | None, Page | None]:
    """(the section's live index page in the active language, its first live index page in any
    language), each None when there is none; read once per request for every section."""
    memo = request.__dict__.get("_section_pages")
    if memo is None:
        pages = Page.objects.live().filter(section_q()) if _SECTIONS else []
        memo = remember(request, pages)
    return memo.get(name, (None, None))


def section_q() -> Q:
    """The live pages that may be a section's index page; a read of other live pages can take them
    along (core.language.live_versions does), and hand them to `remember`."""
    return Page.objects.type_q(*_SECTIONS.values()) if _SECTIONS else Q(pk__in=[])


def remember(request, pages) -> dict[str, tuple[Page | None, Page | None]]:
    """Keep, for this request, the sections found among `pages` (live pages that include every
    section's index pages)."""
    request._section_pages = _pick(request, pages)
    return request._section_pages


def _pick(request, pages) -> dict[str, tuple[Page | None, Page | None]]:
    locale = active_locale(request)
    pages = sorted(pages, key=lambda page: page.path)
    found = {}
    for name, model in _SECTIONS.items():
        own = [page for page in pages if issubclass(page.specific_class, model)]
        local = next((page for page in own if locale is not None and page.locale_id == locale.pk), None)
        found[name] = (local, own[0] if own else None)
    return found
