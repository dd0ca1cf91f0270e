"""Requests per second of the toolkit library with 500 toolkits, as a ratio of a bare Django view.

    .venv/bin/python bench/toolkits.py      # SQLite; set DATABASE_URL / CACHE_URL for PostgreSQL / Redis

Same method as bench/pages.py (gunicorn with 2 sync workers, wrk, a database of its own), after loading
the demo and adding 500 toolkits with themes and documents. Prints each page's query count too, which
must not depend on how many toolkits there are. Not part of the test suite.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / '.work' / 'toolkits.sqlite3'}")

from bench.pages import DURATION, PORT, manage, requests_per_second

TOOLKITS = int(os.environ.get("BENCH_TOOLKITS", "500"))
URLS = [
    ("bare Django view", "/bench/bare/"),
    ("library (en)", "/en/toolkits/"),
    ("library, page 20", "/en/toolkits/?page=20"),
    ("library, theme + city", "/en/toolkits/?theme=housing&city=Town+3"),
    ("library, full-text search", "/en/toolkits/?q=integration"),
    ("toolkit page", "/en/toolkits/gdansk/"),
    ("action-plan template", "/en/toolkits/city-action-plan/"),
]

SEED = f"""
from toolkits.models import Theme, ToolkitIndexPage, ToolkitPage, ToolkitDocument
from wagtail.documents.models import Document
index = ToolkitIndexPage.objects.get(locale__language_code="en")
themes = list(Theme.objects.filter(locale__language_code="en"))
documents = list(Document.objects.all()[:4])
existing = ToolkitPage.objects.filter(slug__startswith="bench-").count()
for n in range(existing, {TOOLKITS}):
    index.refresh_from_db(fields=["numchild"])
    page = ToolkitPage(title=f"Bench toolkit {{n:04}}", slug=f"bench-{{n}}", city=f"Town {{n % 40}}",
                       country="BE", summary="Local integration and inclusion practice number " + str(n))
    index.add_child(instance=page)
    page.themes.through.objects.create(toolkitpage=page, theme=themes[n % len(themes)])
    ToolkitDocument.objects.create(page=page, document=documents[n % len(documents)], language="en")
print(ToolkitPage.objects.count())
"""


def query_counts() -> dict[str, int]:
    script = (
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client()\n"
        f"for _label, url in {URLS!r}:\n"
        "    client.get(url); client.get(url)\n"
        "    with CaptureQueriesContext(connection) as c:\n"
        "        client.get(url)\n"
        "    print(url, len(c.captured_queries))\n"
    )
    out = manage("shell", "-c", script)
    return {
        url: int(n) for url, n in (line.rsplit(" ", 1) for line in out.strip().splitlines()[-len(URLS) :])
    }


def main() -> None:
    manage("migrate", "--no-input")
    manage("collectstatic", "--no-input")
    manage("load_demo")
    print("toolkits:", manage("shell", "-c", SEED).strip().splitlines()[-1])
    counts = query_counts()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        results = []
        for label, url in URLS:
            subprocess.run(
                ["wrk", "-t1", "-c2", "-d1s", f"http://127.0.0.1:{PORT}{url}"], capture_output=True
            )
            results.append((label, url, requests_per_second(url)))
    finally:
        server.terminate()
        server.wait(timeout=10)
    bare = results[0][2]
    database = os.environ.get("DATABASE_URL", "sqlite").split(":")[0]
    print(f"\ngunicorn 2 sync workers, wrk -t2 -c8 -d{DURATION}, database: {database}, {TOOLKITS} toolkits")
    print(f"{'page':<32}{'req/s':>10}{'vs bare':>10}{'queries':>9}")
    for label, url, rps in results:
        print(f"{label:<32}{rps:>10.0f}{rps / bare:>10.1%}{counts[url]:>9}")


if __name__ == "__main__":
    main()
