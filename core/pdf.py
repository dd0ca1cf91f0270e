"""One way to turn HTML into PDF (action plans, certificates), and nothing it can be tricked into reading.

Documents are built from people's text. WeasyPrint would otherwise fetch whatever a URL in that HTML
names: a server on the internal network, or file:///etc/passwd. Here the only things it may load are
the project's own static files (stylesheets, fonts, logos) and inline data: URLs.
"""

import mimetypes
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative and root-relative URLs (the `{% static %}` tag's) resolve against this made-up origin, which
# never reaches the network: the fetcher answers it from the static files finders.
STATIC_ORIGIN = "https://static.pdf.invalid"


class StaticFilesOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        if origin != STATIC_ORIGIN or not parts.path.startswith(static_prefix):
            raise ValueError(f"PDF rendering may only load static files, not {url[:200]}")
        relative = unquote(parts.path[len(static_prefix) :])
        if not relative or ".." in PurePosixPath(relative).parts or relative.startswith("/"):
            raise ValueError(f"Not a static file: {url[:200]}")
        body = read_static_file(relative)
        content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def read_static_file(relative: str) -> bytes:
    """A static file by the name `{% static %}` gave. In production that name is the collected, hashed
    one (`css/pdf-fonts.537f7ef6d186.css`), which only the static files storage knows (on disk or S3);
    in development it is the plain name, which only the finders know."""
    if staticfiles_storage.exists(relative):
        with staticfiles_storage.open(relative) as file:
            return file.read()
    found = finders.find(relative)
    if not found:
        raise ValueError(f"No such static file: {relative[:200]}")
    with open(found, "rb") as file:
        return file.read()


def render_pdf(html: str) -> bytes:
    """The PDF for `html`; links to `{% static %}` files work, every other resource is refused.

    Tagged as PDF/UA-1 (a structure tree of headings, paragraphs and figures with their alternative
    text, the document's language from `<html lang>`), so a screen reader reads the document in order and
    in the right language, not as loose glyphs."""
    return HTML(
        string=html, base_url=STATIC_ORIGIN + "/", url_fetcher=StaticFilesOnlyFetcher(timeout=5)
    ).write_pdf(pdf_variant="pdf/ua-1")
