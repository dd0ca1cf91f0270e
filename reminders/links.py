"""Addresses and names a reminder e-mail carries, as every e-mail of the site writes them."""

from django.urls import reverse

from core.absolute_urls import absolute_url


def dashboard_url() -> str:
    return absolute_url(reverse("learning:dashboard"))


def page_url(page) -> str:
    """The page's address; the trainee's courses when it has none (unpublished, or under no site)."""
    parts = page.get_url_parts()
    return absolute_url(parts[2]) if parts else dashboard_url()
