"""Where a notification leads, in the language of whoever opens it.

What is stored is free of any language: a Django view's path without its `/<language>` prefix, or a page
and an anchor. The link is made when the notification is opened (or e-mailed), in the active language:
the reader's page, or the e-mail's recipient's.
"""

from django.conf import settings
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Locale, Page

_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def language_free(path: str) -> str:
    """`path` (as `reverse()` or `get_absolute_url()` gave it) without its language prefix.

    Only a path on this site is kept: anything with a scheme or a host ("//elsewhere") becomes empty,
    so a stored link can never send a reader to another site."""
    if not path.startswith("/") or not url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return ""
    first, _slash, rest = path[1:].partition("/")
    if first in _LANGUAGES:
        return "/" + rest
    return path


def reader_url(*, target_path: str, target_page: Page | None, request=None) -> str:
    """The notification's link in the active language; "" when what it pointed at is gone."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if target_page is not None:
        page = target_page
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None and page.locale_id != locale.pk:
            page = page.get_translation_or_none(locale) or page
        url = page.get_url(request)
        return f"{url}{target_path}" if url else ""
    if not target_path:
        return ""
    return f"/{language}{target_path}"
