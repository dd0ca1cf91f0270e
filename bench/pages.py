"""Requests per second of the public pages, as a ratio of a bare Django view measured in the same run.

    .venv/bin/python bench/pages.py            # SQLite; set DATABASE_URL / CACHE_URL for PostgreSQL / Redis

Starts gunicorn (2 sync workers, as on a 2-core machine) on 127.0.0.1, loads the demo into a database of
its own, warms each URL, then drives it with wrk (Debian package `wrk`) for a few seconds each. Also prints
the number of SQL queries each page makes. Not part of the test suite: figures depend on the machine.
"""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
DURATION = os.environ.get("BENCH_DURATION", "8s")
URLS = [
    ("bare Django view", "/bench/bare/"),
    ("home page (en)", "/en/"),
    ("home page (ar, right-to-left)", "/ar/"),
    ("content page (fr)", "/fr/a-propos/"),
    ("login page", "/en/accounts/login/"),
    ("search", "/en/search/?q=cities"),
    ("health check", "/healthz"),
]


def manage(*args: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def query_counts(urls=URLS) -> dict[str, int]:
    """Each URL's SQL queries on its second request (the first warms the caches)."""
    script = (
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client()\n"
        f"for _label, url in {urls!r}:\n"
        "    client.get(url)\n"
        "    with CaptureQueriesContext(connection) as c:\n"
        "        client.get(url)\n"
        "    print(url, len(c.captured_queries))\n"
    )
    out = manage("shell", "-c", script)
    return {
        url: int(n) for url, n in (line.rsplit(" ", 1) for line in out.strip().splitlines()[-len(urls) :])
    }


def requests_per_second(url: str) -> float:
    result = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{DURATION}", f"http://127.0.0.1:{PORT}{url}"],
        capture_output=True,
        text=True,
        check=True,
    )
    if "Non-2xx" in result.stdout:
        raise SystemExit(f"{url} answered errors:\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def measure(urls) -> list[tuple[str, str, float]]:
    """(label, URL, requests per second) for each URL, served by gunicorn and driven by wrk."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}"]
    server = subprocess.Popen([*command, "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        results = []
        for label, url in urls:
            # A second of warm-up: the caches fill, as on a running site.
            warm_up = ["wrk", "-t1", "-c2", "-d1s", f"http://127.0.0.1:{PORT}{url}"]
            subprocess.run(warm_up, capture_output=True)
            results.append((label, url, requests_per_second(url)))
    finally:
        server.terminate()
        try:  # a loaded machine can take a while to finish the workers' last requests
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return results


def print_table(results, counts: dict[str, int], heading: str) -> None:
    bare = results[0][2]
    print(f"\n{heading}")
    print(f"{'page':<32}{'req/s':>10}{'vs bare':>10}{'queries':>9}")
    for label, url, rps in results:
        print(f"{label:<32}{rps:>10.0f}{rps / bare:>10.1%}{counts[url]:>9}")


def main() -> None:
    # BENCH_SKIP_DEMO=1: the database is migrated and loaded already (a second run on a slow machine).
    if not os.environ.get("BENCH_SKIP_DEMO"):
        manage("migrate", "--no-input")
        manage("load_demo")
    manage("collectstatic", "--no-input")
    counts = query_counts()
    results = measure(URLS)
    database = os.environ.get("DATABASE_URL", "sqlite").split(":")[0]
    print_table(results, counts, f"gunicorn 2 sync workers, wrk -t2 -c8 -d{DURATION}, database: {database}")


if __name__ == "__main__":
    main()
