"""Addresses read away from the site (e-mails, calendars, exports): the site's own address and a path.

Requests know their host; a task or a command does not, so these are written from SITE_URL, one way."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (from reverse() or a page's URL parts) on SITE_URL."""
    return settings.SITE_URL.rstrip("/") + path
