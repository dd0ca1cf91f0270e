"""Where the same page lives in another language."""

from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site


def page_url_in_language(page: Page, language: str, site: Site) -> str | None:
    """The page's live translation, else the home page in that language, else None."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return None
    for candidate in (page, site.root_page):
        translation_page = candidate.get_translation_or_none(locale)
        if translation_page is not None and translation_page.live:
            with translation.override(language):
                return translation_page.get_url()
    return None


def url_in_language(path: str, language: str, *, page: Page | None = None, site: Site | None = None) -> str:
    """The URL of what the visitor is looking at, in `language`.

    Wagtail pages have their own slug per language, so they are looked up through their translations;
    every other view keeps its URL and changes only the language prefix.
    """
    if page is not None and site is not None:
        url = page_url_in_language(page, language, site)
        if url:
            return url
    return translate_url(path, language)
