"""Pages travel gzipped to browsers that accept it, from the whole-page cache too, and never to others;
a page holding a CSRF token is compressed as well, safely (see GZipMiddleware's place in MIDDLEWARE)."""

import gzip
import io
import re

import pytest
from django.http import FileResponse
from django.test import Client

from core.compression import TextGZipMiddleware
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def about() -> StandardPage:
    home = HomePage.objects.get(locale__language_code="en")
    return home.add_child(instance=StandardPage(title="About us", slug="about", intro="Who we are. " * 40))


def _vary(response) -> list[str]:
    return [h.strip().lower() for h in response.get("Vary", "").split(",")]


def test_a_page_is_gzipped_for_a_browser_that_accepts_it_and_says_it_varies_on_that():
    url = about().url
    built, cached = Client().get(url, **GZIP), Client().get(url, **GZIP)

    for response in (built, cached):
        assert response["Content-Encoding"] == "gzip"
        assert "accept-encoding" in _vary(response) and "cookie" in _vary(response)
        html = gzip.decompress(response.content).decode()
        assert "Who we are." in html and "</html>" in html
        assert len(response.content) < len(html.encode()) / 2


def test_a_browser_that_does_not_accept_gzip_never_gets_the_cached_gzipped_page():
    url = about().url
    assert Client().get(url, **GZIP)["Content-Encoding"] == "gzip"  # stored compressed

    plain = Client().get(url)
    assert not plain.has_header("Content-Encoding")
    assert "Who we are." in plain.content.decode()

    # ...and the plain copy, now stored too, is not served to the next browser that accepts gzip.
    assert Client().get(url, **GZIP)["Content-Encoding"] == "gzip"


def test_a_page_with_a_csrf_token_is_gzipped_with_a_token_and_a_length_that_change_every_time():
    """What BREACH needs is a secret repeated in every response while the attacker varies the rest;
    the token is masked anew each time and the gzip header padded at random, so neither holds."""
    client = Client()
    responses = [client.get("/en/accounts/login/", **GZIP) for _ in range(6)]

    pages = [gzip.decompress(r.content).decode() for r in responses]
    tokens = {re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1) for page in pages}
    assert all(r["Content-Encoding"] == "gzip" for r in responses)
    assert len(tokens) == len(responses)
    assert len({len(r.content) for r in responses}) > 1


@pytest.mark.parametrize(
    ("content_type", "disposition"),
    [
        ("application/pdf", "inline"),  # a certificate's PDF: already compressed
        ("text/csv", 'attachment; filename="roster.csv"'),  # an export, streamed as a download
    ],
)
def test_a_file_or_a_download_is_sent_as_it_is(rf, content_type, disposition):
    """Already compressed formats gain nothing, and a download keeps its length for the progress bar."""

    body = b"trainee,progress\n" * 400
    response = FileResponse(io.BytesIO(body), content_type=content_type)
    response["Content-Disposition"] = disposition
    middleware = TextGZipMiddleware(lambda request: response)

    sent = middleware(rf.get("/", **GZIP))

    assert not sent.has_header("Content-Encoding")
    assert sent["Content-Length"] == str(len(body))
    assert b"".join(sent.streaming_content) == body
