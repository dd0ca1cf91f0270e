"""Certificates: the cost of issuing and rendering one, and the verification page's requests per second
as a ratio of a bare Django view measured in the same run.

    .venv/bin/python bench/certificates.py          # SQLite: bench/.work/bench.sqlite3 (shared with
                                                    # bench/learning.py: the same demo, migrated)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_certs CACHE_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/certificates.py      # PostgreSQL (database created if missing) and Redis
    BENCH_DURATION=5s BENCH_PORT=8765 BENCH_ISSUES=20 ...

1. Issue + render: BENCH_ISSUES (20) trainees complete a course; every other `certificate_issue` is timed
   from the call to the stored PDF (the render task runs inline, as with the embedded ImmediateBackend),
   the others traced for their peak Python memory (tracemalloc, which would slow the timed ones several
   times over). The median and the worst are printed, and the first call on its own (it imports
   WeasyPrint and loads the fonts).
2. The public verification page of a demo certificate, anonymous, through gunicorn (2 sync workers) and wrk,
   against the bare view; its query count comes from django.test.Client on a warm second request.
   Target (issue 4): at least 25% of the bare view. Rate limiting is lifted in bench.settings.
Not part of the test suite: figures depend on the machine.
"""

import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

if __package__ in (None, ""):  # run as a file: `bench` must import from the project
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.learning import _prepare_database, gunicorn, requests_per_second
from bench.pages import DURATION, ROOT, manage

ISSUES = int(os.environ.get("BENCH_ISSUES", "20"))


def issue_and_render() -> dict:
    """In a subprocess with Django set up: BENCH_ISSUES issues, each with its PDF rendered and stored, every
    other one timed and the rest traced for memory."""
    import django

    django.setup()
    import uuid

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import User
    from learning.certificates import services
    from learning.certificates.models import Certificate
    from learning.models import Cohort, CoursePage, Enrolment

    course = CoursePage.objects.live().filter(certificate_enabled=True).order_by("pk").first()
    cohort, _ = Cohort.objects.get_or_create(course=course, title="Bench certificates cohort")
    run = uuid.uuid4().hex[:8]
    seconds, peaks = [], []
    for number in range(ISSUES):
        user = User.objects.create(
            email=f"cert-{run}-{number}@bench.example.org",
            display_name=f"Bench {number}",
            certificate_name=["Amina Diallo", "نادية رحيمي", "Олена Коваленко", "Ελένη Παπαδοπούλου"][
                number % 4
            ],
            language=["en", "ar", "fr", "en"][number % 4],
        )
        enrolment = Enrolment.objects.create(
            user=user, cohort=cohort, status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
        )
        # Timed and traced apart: tracemalloc slows Python code several times over, so a traced issue's
        # time says more about the tracing than about the render. Every other issue is traced.
        traced = number % 2 == 1
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        certificate = services.certificate_issue(enrolment=enrolment)  # the render runs at its commit
        if traced:
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        else:
            seconds.append(time.perf_counter() - started)
        certificate.refresh_from_db()
        assert certificate.pdf, "the PDF was not rendered"

    code = (
        Certificate.objects.filter(status=Certificate.Status.VALID)
        .order_by("pk")
        .values_list("code", flat=True)[0]
    )
    url = f"/en/verify/{code}/"
    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return {
        "timed": len(seconds),
        "first_s": seconds[0],
        "median_s": statistics.median(seconds),
        "max_s": max(seconds),
        "median_peak_mb": statistics.median(peaks) / 2**20,
        "max_peak_mb": max(peaks) / 2**20,
        "url": url,
        "status": status,
        "queries": len(queries),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "issue":
        print(json.dumps(issue_and_render()))
        return
    database = _prepare_database()
    print(f"Preparing the database: {database}", file=sys.stderr)
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["load_demo"]):
        try:
            manage(*command)
        except subprocess.CalledProcessError as error:
            raise SystemExit(f"manage.py {command[0]} failed:\n{error.stderr[-6000:]}") from error
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    result = subprocess.run(
        [sys.executable, "-m", "bench.certificates", "issue"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"issuing failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if figures["status"] != 200:
        raise SystemExit(f"{figures['url']} answered {figures['status']}")

    with gunicorn():
        load = os.getloadavg()[0]
        bare = requests_per_second("/bench/bare/", "")
        verify = requests_per_second(figures["url"], "")
        bare_again = requests_per_second("/bench/bare/", "")
        load = max(load, os.getloadavg()[0])
    mean_bare = (bare + bare_again) / 2
    share = verify / mean_bare
    cache = os.environ.get("CACHE_URL", "locmem").split("://")[0]

    print(f"\n{database}, cache {cache}; load average up to {load:.1f} on {os.cpu_count()} CPUs")
    print(
        f"issue + render + store one certificate PDF, over {figures['timed']} untraced: "
        f"median {figures['median_s'] * 1000:.0f} ms, "
        f"worst {figures['max_s'] * 1000:.0f} ms, first (imports WeasyPrint, loads fonts) "
        f"{figures['first_s'] * 1000:.0f} ms"
    )
    print(
        f"peak Python memory per issue (tracemalloc): median {figures['median_peak_mb']:.1f} MB, "
        f"worst {figures['max_peak_mb']:.1f} MB"
    )
    print(f"gunicorn 2 sync workers, wrk -t2 -c8 -d{DURATION}")
    print(f"bare Django view: {bare:.0f} req/s first, {bare_again:.0f} last (mean {mean_bare:.0f})")
    print(
        f"verification page {figures['url']}: {verify:.0f} req/s = {share:.1%} of the bare view, "
        f"{figures['queries']} queries  {'ok' if share >= 0.25 else 'MISS < 25%'}"
    )


if __name__ == "__main__":
    main()
