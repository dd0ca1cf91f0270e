"""core.pdf: HTML to PDF that can load the project's static files and nothing else."""

import http.server
import threading

import pytest

from core.pdf import StaticFilesOnlyFetcher, render_pdf


def test_renders_a_pdf_with_the_text():
    pdf = render_pdf("<html><body><h1>Plan d'action</h1><p>Lisbon</p></body></html>")
    assert pdf.startswith(b"%PDF-")


def test_static_files_are_served_from_the_finders():
    response = StaticFilesOnlyFetcher().fetch("https://static.pdf.invalid/static/css/site.css")
    assert response.content_type == "text/css"
    assert b"narrow" in response.read()


def test_collected_static_files_are_served_by_their_hashed_names(tmp_path, settings):
    """Production: `{% static %}` names the collected copy (css/site.<hash>.css), which no finder knows.
    Without reading the static files storage, every PDF there lost its fonts and stylesheet."""
    collected = tmp_path / "css" / "pdf-fonts.537f7ef6d186.css"
    collected.parent.mkdir()
    collected.write_bytes(b"@font-face { font-family: collected }")
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    response = StaticFilesOnlyFetcher().fetch(
        "https://static.pdf.invalid/static/css/pdf-fonts.537f7ef6d186.css"
    )
    assert response.content_type == "text/css"
    assert b"collected" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://static.pdf.invalid/static/../../config/settings/base.py",
        "https://static.pdf.invalid/static/%2e%2e/%2e%2e/manage.py",
        "https://static.pdf.invalid/media/secret.pdf",
        "https://static.pdf.invalid/static/does-not-exist.css",
        "http://127.0.0.1:5432/",
        "https://example.org/static/css/site.css",
        "ftp://static.pdf.invalid/static/css/site.css",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(ValueError):
        StaticFilesOnlyFetcher().fetch(url)


def test_rendering_never_reaches_the_network_or_local_files(tmp_path):
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    try:
        html = (
            f'<link rel="stylesheet" href="http://127.0.0.1:{server.server_port}/evil.css">'
            f'<img src="http://127.0.0.1:{server.server_port}/pixel.png">'
            f'<link rel="stylesheet" href="file://{secret}">'
            '<link rel="stylesheet" href="/static/css/site.css"><p>ok</p>'
        )
        assert render_pdf(html).startswith(b"%PDF-")
    finally:
        server.shutdown()
    assert hits == []


def test_data_urls_still_work():
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    pixel = f"data:image/png;base64,{png}"
    response = StaticFilesOnlyFetcher().fetch(pixel)
    assert response.read().startswith(b"\x89PNG")
