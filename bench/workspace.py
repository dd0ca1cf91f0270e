"""The trainer's workspace at scale: cohort page, progress matrix and CSV export.

    .venv/bin/python bench/workspace.py             # SQLite: bench/.work/workspace.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_workspace CACHE_URL=redis://127.0.0.1:6379/8 \\
        .venv/bin/python bench/workspace.py         # PostgreSQL (the database must exist)

Seeds (idempotently, bulk_create; the first run takes a minute) one course of 50 lessons and:
- "Bench 2000": 2,000 trainees with realistic progress (a prefix of 0 to 50 lessons each, quiz attempts
  on some), live sessions with attendance, for the cohort page and the matrix;
- "Bench 20": 20 trainees, the same mix, to compare with;
- "Bench export 100k" (2,000 trainees x 50 lessons done = 100,000 progress rows) and
  "Bench export 10k" (200 x 50 = 10,000) for the export.

Prints, for 20 and 2,000 trainees, the median of 10 renders (django.test.Client, logged in as the
cohort's trainer, after two warm-up requests) and the queries of one render; then the CSV export of
10,000 and 100,000 progress rows: time, rows per second and peak memory (tracemalloc) of producing the
whole stream; and the XLSX (timed under tracemalloc, so slower than untraced).
Targets (issue 5): pages <= 150 ms and <= 10 queries at both sizes; export >= 50,000
rows/s, peak at 100,000 rows within 1.2x of the peak at 10,000. Not part of the test suite.
"""

import os
import random
import statistics
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a file: import from the project, and let bench/ not shadow apps
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

WORK = Path(__file__).resolve().parent / ".work"
WORK.mkdir(exist_ok=True)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'workspace.sqlite3'}")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.consent import current_versions
from accounts.services import legal_accept_for_data

LESSONS = 50
COURSE_SLUG = "bench-workspace-course"
TRAINER = "trainer@bench-workspace.example.org"


def seed():
    from accounts.models import User
    from learning.models import (
        Attendance,
        Cohort,
        CoursePage,
        Enrolment,
        LessonPage,
        LessonProgress,
        LiveSession,
        QuizAttempt,
    )
    from tests.factories import make_course

    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        course = make_course(title="Bench: running a campaign", slug=COURSE_SLUG, lessons=LESSONS)
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    trainer, _ = User.objects.get_or_create(email=TRAINER, defaults={"display_name": "Bench Trainer"})
    existing = set(User.objects.filter(email__startswith="ws-").values_list("email", flat=True))
    User.objects.bulk_create(
        [
            User(email=f"ws-{n:05d}@example.org", display_name=f"Trainee {n:05d}", password="!")  # noqa: S106 - unusable
            for n in range(2000)
            if f"ws-{n:05d}@example.org" not in existing
        ],
        batch_size=500,
    )
    users = list(User.objects.filter(email__startswith="ws-").order_by("email"))
    now = timezone.now()
    rng = random.Random(5)

    def cohort(title, count, *, full):
        found = Cohort.objects.filter(course=course, title=title).first()
        if found:
            return found
        made = Cohort.objects.create(course=course, title=title, capacity=None, enrolment_mode="approval")
        made.trainers.add(trainer)
        statuses = ["active"] * 8 + ["completed", "pending", "waitlisted"]
        Enrolment.objects.bulk_create(
            [
                Enrolment(
                    user=user,
                    cohort=made,
                    status="active" if full else rng.choice(statuses),
                    last_activity_at=now - timedelta(days=rng.randint(0, 40)),
                )
                for user in users[:count]
            ],
            batch_size=1000,
        )
        enrolments = list(Enrolment.objects.filter(cohort=made, status__in=Enrolment.LEARNING))
        progress, attempts = [], []
        for enrolment in enrolments:
            done = LESSONS if full else rng.randint(0, LESSONS)
            for lesson in lessons[:done]:
                progress.append(
                    LessonProgress(
                        enrolment=enrolment,
                        lesson=lesson,
                        lesson_key=lesson.translation_key,
                        completed_at=now,
                    )
                )
            if not full and done < LESSONS:
                lesson = lessons[done]
                attempts.append(
                    QuizAttempt(
                        enrolment=enrolment,
                        lesson=lesson,
                        lesson_key=lesson.translation_key,
                        quiz_id="q",
                        number=1,
                        score=40,
                        passed=False,
                    )
                )
        LessonProgress.objects.bulk_create(progress, batch_size=2000)
        QuizAttempt.objects.bulk_create(attempts, batch_size=2000)
        for days in (-20, -10, 5):
            session = LiveSession.objects.create(
                cohort=made,
                title=f"Session {days}",
                starts_at=now + timedelta(days=days),
                ends_at=now + timedelta(days=days, hours=2),
            )
            if days < 0:
                Attendance.objects.bulk_create(
                    [
                        Attendance(session=session, enrolment=e, present=rng.random() < 0.7)
                        for e in enrolments
                    ],
                    batch_size=2000,
                )
        return made

    return (
        trainer,
        {
            "small": cohort("Bench 20", 20, full=False),
            "big": cohort("Bench 2000", 2000, full=False),
            "export_10k": cohort("Bench export 10k", 200, full=True),
            "export_100k": cohort("Bench export 100k", 2000, full=True),
        },
    )


def page_figures(client, url):
    client.get(url)
    client.get(url)
    timings = []
    for _ in range(10):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return statistics.median(timings), len(captured)


def export_figures(cohort):
    from learning.models import LessonProgress
    from learning.workspace.exports import csv_lines

    rows = LessonProgress.objects.filter(enrolment__cohort=cohort).count()
    tracemalloc.start()
    start = time.perf_counter()
    size = sum(len(line) for line in csv_lines(cohort))
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Speed without tracemalloc's own overhead.
    start = time.perf_counter()
    for _line in csv_lines(cohort):
        pass
    fast = time.perf_counter() - start
    return rows, fast, elapsed, peak, size


def xlsx_figures(cohort):
    """The XLSX written to a temporary file, as the view does (openpyxl write-only mode)."""
    import tempfile

    from learning.models import LessonProgress
    from learning.workspace.exports import write_xlsx

    rows = LessonProgress.objects.filter(enrolment__cohort=cohort).count()
    with tempfile.TemporaryFile() as output:
        tracemalloc.start()
        start = time.perf_counter()
        write_xlsx(cohort, output)
        seconds = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = output.tell()
    return rows, seconds, peak, size


def main():
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    trainer, cohorts = seed()
    print(f"seeded in {time.perf_counter() - started:.1f} s ({connection.vendor})")
    client = Client()
    # The demo's privacy notice and terms, accepted: the pages are measured, not the acceptance page.
    legal_accept_for_data(users=[trainer], versions=current_versions())
    client.force_login(trainer)
    print(f"{'page':<22}{'trainees':>9}{'median ms':>11}{'queries':>9}")
    for name in ("cohort", "matrix"):
        for key in ("small", "big"):
            cohort = cohorts[key]
            count = cohort.enrolments.count()
            ms, queries = page_figures(client, reverse(f"learning:workspace:{name}", args=[cohort.pk]))
            print(f"{name:<22}{count:>9}{ms:>11.1f}{queries:>9}")
    print(f"{'CSV export':<22}{'rows':>9}{'seconds':>9}{'rows/s':>10}{'peak KiB':>10}{'size KiB':>10}")
    peaks = {}
    export_figures(cohorts["export_10k"])  # warm up: imports, the course outline
    for key in ("export_10k", "export_100k"):
        rows, fast, _traced, peak, size = export_figures(cohorts[key])
        peaks[key] = peak
        print(f"{'':<22}{rows:>9}{fast:>9.2f}{rows / fast:>10.0f}{peak / 1024:>10.0f}{size / 1024:>10.0f}")
    print(f"peak memory ratio 100k / 10k: {peaks['export_100k'] / peaks['export_10k']:.2f}")
    print(f"{'XLSX export':<22}{'rows':>9}{'seconds':>9}{'rows/s':>10}{'peak KiB':>10}{'size KiB':>10}")
    for key in ("export_10k", "export_100k"):
        rows, seconds, peak, size = xlsx_figures(cohorts[key])
        print(
            f"{'':<22}{rows:>9}{seconds:>9.2f}{rows / seconds:>10.0f}{peak / 1024:>10.0f}{size / 1024:>10.0f}"
        )


if __name__ == "__main__":
    main()
