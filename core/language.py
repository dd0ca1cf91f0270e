"""Where what the visitor is looking at lives in each language."""

from django.conf import settings
from django.db.models import Q
from django.dispatch import Signal
from django.http import HttpResponse
from django.urls import translate_url
from wagtail.models import Page, Site

from . import sections


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
    locales. Read once per request: the language switcher and the canonical links (core.canonical) both
    need them, and on an empty cache both are built in the same response."""
    site = Site.find_for_request(request)
    keys = {page.translation_key} | ({site.root_page.translation_key} if site else set())
    remembered = getattr(request, "_live_versions", None)
    if remembered is None or remembered[0] != keys:
        wanted = Q(translation_key__in=keys)
        with_sections = "_section_pages" not in request.__dict__
        if with_sections:  # the header's section links (core.sections) come in the same read
            wanted |= sections.section_q()
        pages = list(Page.objects.live().filter(wanted).select_related("locale"))
        if with_sections:
            sections.remember(request, pages)
        remembered = (keys, [page for page in pages if page.translation_key in keys])
        request._live_versions = remembered
    return remembered[1]


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
