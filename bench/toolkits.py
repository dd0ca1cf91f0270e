"""Requests per second of the toolkit library with 500 toolkits, as a ratio of a bare Django view.

    .venv/bin/python bench/toolkits.py      # SQLite; set DATABASE_URL / CACHE_URL for PostgreSQL / Redis

Same method as bench/pages.py (gunicorn with 2 sync workers, wrk, a database of its own), after loading
the demo and adding 500 toolkits with themes and documents. Prints each page's query count too, which
must not depend on how many toolkits there are. Not part of the test suite.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / '.work' / 'toolkits.sqlite3'}")

from bench.pages import DURATION, manage, measure, print_table, query_counts

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


def main() -> None:
    manage("migrate", "--no-input")
    manage("collectstatic", "--no-input")
    manage("load_demo")
    print("toolkits:", manage("shell", "-c", SEED).strip().splitlines()[-1])
    counts = query_counts(URLS)
    results = measure(URLS)
    database = os.environ.get("DATABASE_URL", "sqlite").split(":")[0]
    heading = f"gunicorn 2 sync workers, wrk -t2 -c8 -d{DURATION}, database: {database}, {TOOLKITS} toolkits"
    print_table(results, counts, heading)


if __name__ == "__main__":
    main()
