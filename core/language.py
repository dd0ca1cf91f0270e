"""Where what the visitor is looking at lives in each language."""

from django.conf import settings
from django.dispatch import Signal
from django.http import HttpResponse
from django.urls import translate_url
from wagtail.models import Page, Site

from .sites import site_pages


def language_urls(request, page: Page | None = None) -> dict[str, str]:
    """{language code: URL} for the language switcher.

    Wagtail pages have their own slug per language, so they are looked up through their translations
    (falling back to the home page in that language); every other view keeps its URL and changes only
    its language prefix. One query for a page, none for other views.
    """
    # For a page the result is cached for every visitor: leave this visitor's query string out of it.
    path = request.path if page is not None else request.get_full_path()
    urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    site = Site.find_for_request(request) if page is not None else None
    if site is None:
        return urls
    by_key_and_language = {
        (candidate.translation_key, candidate.locale.language_code): candidate
        for candidate in live_versions(request, page)
    }
    for code in urls:
        target = by_key_and_language.get((page.translation_key, code)) or by_key_and_language.get(
            (site.root_page.translation_key, code)
        )
        if target is not None:
            urls[code] = target.get_url(request=request) or urls[code]
    return urls


def live_versions(request, page: Page) -> list[Page]:
    """The live pages that share a translation key with `page` or with its site's home page, with their
    locales, in tree order. The language switcher and the canonical links (core.canonical) both need
    them, and on an empty cache both are built in the same response: the home page's come from the
    site's pages (core.sites.site_pages), the page's own from the routing's read (core.routing), else
    from one query."""
    site = Site.find_for_request(request)
    root_key = site.root_page.translation_key if site else None
    pages = [p for p in site_pages(request) if p.live and p.translation_key == root_key] if site else []
    if page.translation_key != root_key:
        pages += page_translations(request, page)
    return sorted(pages, key=lambda p: p.path)


def page_translations(request, page: Page) -> list[Page]:
    """The live pages that share `page`'s translation key, with their locales: those the routing read
    with the page (`remember_translations`), else one query, kept for the request."""
    memo = request.__dict__.setdefault("_page_translations", {})
    if page.translation_key not in memo:
        memo[page.translation_key] = list(
            Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
        )
    return memo[page.translation_key]


def remember_translations(request, translation_key, pages: list[Page]) -> None:
    """Keep, for this request, the live pages of `translation_key` that another read brought along."""
    request.__dict__.setdefault("_page_translations", {})[translation_key] = pages


# Sent by the language switch with `request` and `language`: apps that care (accounts offers the language
# for e-mails and certificates) connect to it, so core needs to know none of them.
language_switched = Signal()


def remember_language(response: HttpResponse, language: str) -> HttpResponse:
    """Store the choice in Django's language cookie, which sends later visits to "/" to that language."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
