"""Show chosen pages in the visitor's language, for a whole list of links in a fixed number of queries.

Editors choose pages in one language; each visitor should land on the translation in theirs when it is
live. Asking each page for its translation (``page.localized``) costs two queries per link, on every
page of the site (footer) and per card; these helpers do the whole list at once.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from .site_cache import cached_per_site
from .sites import locale_codes_read


def locale_codes(request) -> dict[int, str]:
    """Every Locale as {id: language code}, in one query the whole page shares (cached with the
    content): the lang attributes, the active locale and the routing's home page all read it. A
    request that read the sites has it already (core.sites)."""

    def compute() -> dict[int, str]:
        known = locale_codes_read(request)
        return dict(Locale.objects.values_list("id", "language_code")) if known is None else known

    return cached_per_site(request, "locale-codes", compute)


def active_locale(request=None) -> Locale | None:
    """The Locale of the active language, looked up once per request (the footer, hero and every card
    block all need it). With a request it comes from `locale_codes`, the list the page reads anyway,
    instead of a query of its own."""
    memo = request.__dict__.setdefault("_locales", {}) if request is not None else {}
    language = translation.get_language()
    if language not in memo:
        memo[language] = _locale_from_codes(request) if request is not None else _locale_from_database()
    return memo[language]


def _locale_from_database() -> Locale | None:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _locale_from_codes(request) -> Locale | None:
    """What Locale.get_active() answers (the active language's closest content language, else the
    default locale), read from the shared list."""
    by_code = {code: pk for pk, code in locale_codes(request).items()}
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = None
    if code not in by_code:
        try:
            code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        except LookupError:
            return None
    if code not in by_code:
        return None
    locale = Locale(pk=by_code[code], language_code=code)
    locale._state.adding, locale._state.db = False, "default"  # a row read from the database
    return locale


def translations_for(pages: Iterable[Page | None], request=None) -> dict[int, Page]:
    """Map each page's id to its live translation in the active language, or to itself when live.

    Pages that are neither live nor translated are left out: a link to an unpublished page disappears.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    locale = active_locale(request)
    if locale is None or all(page.locale_id == locale.pk for page in pages):
        # Pages already in the reader's language are their own translations (one page per translation
        # key and locale): no query, as for every link an editor chose on a page in that language.
        return {page.pk: page for page in pages if page.live}
    translated = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale=locale, translation_key__in={page.translation_key for page in pages}
        )
    }
    return {
        page.pk: translated.get(page.translation_key, page)
        for page in pages
        if page.live or page.translation_key in translated
    }


def resolve_links(links: Iterable[dict | None], request=None) -> list[dict | None]:
    """LinkBlock values → {"url", "label"} in the active language, aligned with the input.

    A link whose page is missing or unreachable resolves to None, so a card keeps its text without it.
    """
    links = list(links)
    translations = translations_for((link["page"] for link in links if link and link.get("page")), request)
    resolved = []
    for link in links:
        page = translations.get(link["page"].pk) if link and link.get("page") else None
        url = page.get_url(request=request) if page else None
        resolved.append({"url": url, "label": link.get("label") or page.title} if url else None)
    return resolved


def localized_specific_pages(pages: Iterable[Page | None], request=None) -> list[Page]:
    """The chosen pages in the active language, as their specific types, in the editor's order."""
    translations = translations_for(pages, request)
    ids = [page.pk for page in translations.values()]
    specific = Page.objects.live().filter(pk__in=ids).specific().in_bulk()
    return [specific[pk] for pk in ids if pk in specific]


def content_locale_id(page: Page, request=None) -> int:
    """The locale the page's words are written in.

    Every language's tree keeps an alias of each page not yet translated into it (wagtail-localize's
    synchronised trees, see home/migrations/0005): the alias belongs to the reader's locale, so its links
    stay in the reader's language, but it shows its source's words, in its source's language.
    """
    if not getattr(page, "alias_of_id", None):
        return page.locale_id

    def compute():
        locale_id, source_id = page.locale_id, page.alias_of_id
        for _hop in range(5):  # an alias of an alias ends at a page with words of its own
            if source_id is None:
                break
            source = Page.objects.filter(pk=source_id).values_list("locale_id", "alias_of_id")
            locale_id, source_id = source[0]
        return locale_id

    if request is None:
        return compute()
    return cached_per_site(request, f"alias-content-locale:{page.alias_of_id}", compute)


def page_in_language(page: Page, language: str) -> Page:
    """The page in `language` when it is translated, else its own (people's data points at the source):
    what an e-mail links to, written in its reader's language away from any request."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale) or page
