"""Addresses and names a reminder e-mail carries, as every e-mail of the site writes them."""

from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def page_in(page, language: str):
    """The page in `language` when it is translated, else its own: people's data points at the source."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale) or page


def dashboard_url() -> str:
    return site_url(reverse("learning:dashboard"))


def page_url(page) -> str:
    """The page's address; the trainee's courses when it has none (unpublished, or under no site)."""
    parts = page.get_url_parts()
    return site_url(parts[2]) if parts else dashboard_url()
