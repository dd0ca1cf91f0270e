"""Requests per second and SQL queries of the learning pages, as a ratio of a bare Django view.

    .venv/bin/python bench/learning.py              # SQLite: bench/.work/bench.sqlite3
    .venv/bin/python bench/learning.py --queries    # also print each page's SQL and where it comes from
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_learning CACHE_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/learning.py          # PostgreSQL (database created if missing) and Redis
    BENCH_DURATION=5s BENCH_PORT=8765 ...           # wrk duration of each page, port of gunicorn

Like bench/pages.py (whose helpers it uses): a database of its own, migrated and loaded with the demo, then
seeded idempotently (the first run takes a minute or two) with 1,000 courses in the catalogue, each with a
cohort. Course 1 has 50 lessons (text, quizzes, reflections) and a trainee enrolled (active) who completed
20 of them, with two quiz attempts and a reflection on lesson 20; course 2 has 5 lessons and the same state
on its lesson 3, whose body is the same as lesson 20's: the two lesson pages should make as many queries.

gunicorn (2 sync workers, as on a 2-core machine) serves the site on 127.0.0.1; wrk (Debian package `wrk`)
drives each URL for BENCH_DURATION after a one-second warm-up, with the trainee's session cookie where the
page is for a logged-in trainee. Queries are counted with django.test.Client on the second request (the
first warms the caches), with the same session. Targets (issue 3): lesson page >= 8% of the bare view,
catalogue >= 6%, at most 10 queries per page. Not part of the test suite: figures depend on the machine.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

if __package__ in (None, ""):  # run as a file: `bench` must import from the project, and bench/ must not
    sys.path[0] = str(Path(__file__).resolve().parent.parent)  # shadow the `learning` app with this file

from bench.pages import DURATION, PORT, ROOT, manage

COURSES = 1000
BIG_LESSONS, SMALL_LESSONS = 50, 5
BIG_MEASURED, SMALL_MEASURED = 20, 3  # the lessons measured: text, quiz, text, reflection, all answered
TRAINEE = "trainee@bench.example.org"
OTHER_TRAINEES = 60
SEARCH = "voting"
THEMES = [
    "Voting rights and local elections",
    "Running a community meeting",
    "Speaking to the press",
    "Anti-discrimination law in practice",
    "Building a coalition",
    "Fundraising for grassroots groups",
    "Lobbying city councils",
    "Digital campaigning",
    "Facilitating difficult conversations",
    "Budgets and accounts for associations",
    "Mentoring new leaders",
    "Petitions and citizens' initiatives",
    "Working with interpreters",
    "Data protection for associations",
    "Writing a policy brief",
    "Organising a voter registration drive",
    "Public speaking",
    "Social media for advocacy",
    "Negotiation skills",
    "Evaluating your project",
]
FORBIDDEN_DATABASES = ("mutual_learning",)


# In the seeding and counting subprocesses (Django set up with bench.settings) ---------------------------


def _text(number: int) -> dict:
    paragraph = (
        "<p>Municipal elections are where newcomers most often get a vote first. This part of lesson "
        f"{number} walks through who can register, which documents each city asks for, and how "
        "associations can help people through the forms without speaking for them.</p>"
    )
    value = f"<h2>Part {number}</h2>{paragraph * 3}<ul><li>Registration</li><li>Deadlines</li></ul>"
    return {"type": "text", "id": str(uuid.uuid4()), "value": value}


def _quiz() -> dict:
    answers = [
        {"text": "Only citizens", "correct": False, "feedback": "Residents can too."},
        {"text": "Residents after five years", "correct": True, "feedback": "Right."},
    ]
    several = [
        {"text": "Translated forms", "correct": True, "feedback": ""},
        {"text": "Door-to-door outreach", "correct": True, "feedback": ""},
        {"text": "Fees", "correct": False, "feedback": "Fees keep people away."},
    ]
    questions = [
        {"text": "Who can register to vote in municipal elections?", "multiple": False, "answers": answers},
        {"text": "Which help people register?", "multiple": True, "answers": several},
    ]
    return {
        "type": "quiz",
        "id": str(uuid.uuid4()),
        "value": {
            "heading": "Check what you know",
            "pass_mark": 50,
            "max_attempts": 3,
            "questions": questions,
        },
    }


def _reflection() -> dict:
    value = {
        "prompt": "What would you change in your city?",
        "guidance": "Think of one street.",
        "min_words": 3,
    }
    return {"type": "reflection", "id": str(uuid.uuid4()), "value": value}


def _lesson_body(number: int) -> list[dict]:
    if number % 10 == 0 or number == SMALL_MEASURED:
        return [_text(number), _quiz(), _text(number), _reflection()]
    if number % 3 == 0:
        return [_text(number), _quiz()]
    if number % 5 == 2:
        return [_text(number), _reflection()]
    return [_text(number), _text(number)]


def _add_lessons(course, count: int) -> None:
    from learning.models import LessonPage

    existing = set(LessonPage.objects.child_of(course).values_list("slug", flat=True))
    for number in range(1, count + 1):
        if f"lesson-{number}" not in existing:
            lesson = LessonPage(
                title=f"Lesson {number}",
                slug=f"lesson-{number}",
                minutes=20,
                body=json.dumps(_lesson_body(number)),
            )
            course.add_child(instance=lesson)


def _trainee_state(user, course, lessons: int, done: int, measured: int) -> None:
    """Enrolled (active), `done` lessons completed, two quiz attempts and a reflection on `measured`."""
    from django.utils import timezone

    from learning import grading
    from learning.models import Enrolment, LessonPage, LessonProgress, QuizAttempt, Reflection

    enrolment, _ = Enrolment.objects.get_or_create(
        user=user,
        cohort=course.cohorts.first(),
        defaults={"status": Enrolment.Status.ACTIVE, "course_key": course.translation_key},
    )
    pages = list(LessonPage.objects.child_of(course).order_by("path"))
    assert len(pages) == lessons, (course, len(pages))
    now = timezone.now()
    recorded = set(LessonProgress.objects.filter(enrolment=enrolment).values_list("lesson_key", flat=True))
    LessonProgress.objects.bulk_create(
        LessonProgress(enrolment=enrolment, lesson=page, lesson_key=page.translation_key, completed_at=now)
        for page in pages[:done]
        if page.translation_key not in recorded
    )
    lesson = pages[measured - 1]
    quiz = next(block for block in lesson.body if block.block_type == "quiz")
    prompt = next(block for block in lesson.body if block.block_type == "reflection")
    for number, chosen in ((1, {0: (0,), 1: (0,)}), (2, {0: (1,), 1: (0, 1)})):
        result = grading.grade(quiz.value, chosen)
        QuizAttempt.objects.get_or_create(
            enrolment=enrolment,
            lesson_key=lesson.translation_key,
            quiz_id=quiz.id,
            number=number,
            defaults={
                "lesson": lesson,
                "answers": result.answers,
                "score": result.score,
                "passed": result.passed,
            },
        )
    Reflection.objects.get_or_create(
        enrolment=enrolment,
        lesson_key=lesson.translation_key,
        prompt_id=prompt.id,
        defaults={
            "lesson": lesson,
            "text": "I would translate the registration letters and hold a help desk at the library. " * 4,
            "submitted_at": now,
        },
    )


def seed() -> dict:
    """Create what is missing of the catalogue, the two measured courses and the trainee; log them in."""
    import django

    django.setup()
    from datetime import timedelta

    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.db import transaction
    from django.test import Client
    from django.utils import timezone

    from accounts.consent import current_versions
    from accounts.models import User
    from accounts.services import legal_accept_for_data
    from core.site_cache import CONTENT, SEATS, retire
    from home.models import HomePage
    from learning.models import Cohort, CourseIndexPage, CoursePage, Enrolment, Topic

    started = time.monotonic()
    home = HomePage.objects.get(locale__language_code="en")
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=CourseIndexPage(title="Courses", slug="courses", intro="Every course, in English.")
        )
    topics = [
        Topic.objects.get_or_create(name=name, locale=home.locale)[0]
        for name in ("Political participation", "Anti-discrimination", "Organising", "Communication")
    ]
    existing = set(CoursePage.objects.child_of(index).values_list("slug", flat=True))
    missing = [number for number in range(1, COURSES + 1) if f"bench-course-{number:04d}" not in existing]
    for start in range(0, len(missing), 100):  # a transaction per 100 pages: fast on SQLite, resumable
        with transaction.atomic():
            for number in missing[start : start + 100]:
                title = f"{THEMES[number % len(THEMES)]} ({number})"
                if number == 1:
                    title = f"Organising a voter registration drive: the full course ({BIG_LESSONS} lessons)"
                elif number == 2:
                    title = f"Voting rights in five lessons ({SMALL_LESSONS} lessons)"
                index.add_child(
                    instance=CoursePage(
                        title=title,
                        slug=f"bench-course-{number:04d}",
                        summary=f"{title}: a course for migrant and refugee leaders, with group practice.",
                        description="<p>What you will learn, and how.</p>",
                        topic=topics[number % len(topics)],
                        level=list(CoursePage.Level)[number % 3],
                        format=list(CoursePage.Format)[number % 3],
                        language="en" if number % 5 else "fr",
                        hours=2 + number % 20,
                        weeks=1 + number % 8,
                    )
                )
    courses = list(
        CoursePage.objects.child_of(index).filter(slug__startswith="bench-course-").order_by("slug")
    )
    assert len(courses) == COURSES, len(courses)
    today = timezone.localdate()
    with_cohort = set(Cohort.objects.values_list("course_id", flat=True))
    modes = [Cohort.Mode.OPEN, Cohort.Mode.OPEN, Cohort.Mode.APPROVAL, Cohort.Mode.INVITE]
    Cohort.objects.bulk_create(
        Cohort(
            course=course,
            title=f"Cohort {number} — autumn",
            starts_on=today + timedelta(days=7 + number % 60),
            ends_on=today + timedelta(days=60 + number % 60),
            capacity=None if number % 4 == 0 else 20,
            enrolment_mode=modes[number % len(modes)],
        )
        for number, course in enumerate(courses, start=1)
        if course.pk not in with_cohort
    )
    big, small = courses[0], courses[1]
    with transaction.atomic():
        _add_lessons(big, BIG_LESSONS)
        _add_lessons(small, SMALL_LESSONS)

    trainee, created = User.objects.get_or_create(
        email=TRAINEE, defaults={"display_name": "Bench Trainee", "language": "en"}
    )
    if created:
        trainee.set_unusable_password()
        trainee.save()
        EmailAddress.objects.create(user=trainee, email=TRAINEE, verified=True, primary=True)
    with transaction.atomic():
        _trainee_state(trainee, big, BIG_LESSONS, done=20, measured=BIG_MEASURED)
        _trainee_state(trainee, small, SMALL_LESSONS, done=3, measured=SMALL_MEASURED)
        # Other trainees fill some seats, so that the catalogue's seat counts count something.
        emails = [f"other{n}@bench.example.org" for n in range(OTHER_TRAINEES)]
        User.objects.bulk_create(
            [User(email=email, display_name=f"Trainee {n}", language="en") for n, email in enumerate(emails)],
            ignore_conflicts=True,
        )
        cohorts = list(
            Cohort.objects.filter(course__in=courses[:24]).select_related("course").order_by("course__title")
        )
        Enrolment.objects.bulk_create(
            [
                # bulk_create skips save(), which derives the course key the one-place rule needs.
                Enrolment(
                    user=user,
                    cohort=cohort,
                    course_key=cohort.course.translation_key,
                    status=Enrolment.Status.ACTIVE,
                )
                for n, user in enumerate(User.objects.filter(email__in=emails).order_by("email"))
                for cohort in cohorts[n % 6 :: 6]
            ],
            ignore_conflicts=True,
        )
    retire(CONTENT, SEATS)  # outlines and sites cached by an earlier run (Redis keeps them) are stale

    client = Client()
    # The demo's privacy notice and terms, accepted: the pages are measured, not the acceptance page.
    legal_accept_for_data(users=[trainee], versions=current_versions())
    client.force_login(trainee)
    prefix = index.get_url()
    return {
        "cookie_name": settings.SESSION_COOKIE_NAME,
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "catalogue": prefix,
        "big_lesson": f"{big.get_url()}lesson-{BIG_MEASURED}/",
        "small_lesson": f"{small.get_url()}lesson-{SMALL_MEASURED}/",
        "created_courses": len(missing),
        "courses": CoursePage.objects.child_of(index).live().count(),  # load_demo may add its own
        "seconds": round(time.monotonic() - started, 1),
    }


def _origin() -> str:
    """Where a query comes from: the innermost frame of the project (and of a library under it, such as
    Wagtail), and the template being rendered if any, e.g. `learning/selectors.py:123 learning_enrolment`."""
    root = f"{ROOT}/"
    project = library = template = None
    frame = sys._getframe(2)
    while frame is not None and project is None:
        filename, name = frame.f_code.co_filename, frame.f_code.co_name
        if filename.startswith(root) and "/.venv/" not in filename and "/bench/" not in filename:
            project = f"{filename.removeprefix(root)}:{frame.f_lineno} {name}"
        elif template is None and filename.endswith("django/template/base.py") and name == "render_annotated":
            node = frame.f_locals.get("self")
            origin, token = getattr(node, "origin", None), getattr(node, "token", None)
            if origin is not None:
                template = f"{origin.template_name}:{getattr(token, 'lineno', '?')}"
        elif library is None and "site-packages/" in filename and "/django/" not in filename:
            library = f"{filename.split('site-packages/')[-1]}:{frame.f_lineno} {name}"
        frame = frame.f_back
    parts = [
        project or "?",
        f"via {library}" if library else "",
        f"in template {template}" if template else "",
    ]
    return " ".join(part for part in parts if part)


def count(rows: list[list]) -> list[dict]:
    """Status and queries (SQL, origin, ms) of the 2nd request of each [url, logged_in] row; ms of the 3rd."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    session = json.loads(os.environ["BENCH_SESSION"])
    trainee, anonymous = Client(), Client()
    trainee.cookies[session["cookie_name"]] = session["session"]
    results = []
    for url, logged_in in rows:
        client = trainee if logged_in else anonymous
        client.get(url)
        origins = []

        def record(execute, sql, params, many, context, origins=origins):
            origins.append(_origin())
            return execute(sql, params, many, context)

        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(record):
            response = client.get(url)
        queries = [query["sql"] for query in captured.captured_queries]  # before a request resets them
        sql_ms = [1000 * float(query["time"]) for query in captured.captured_queries]
        started = time.perf_counter()  # a third request, timed without the capture's overhead
        client.get(url)
        milliseconds = 1000 * (time.perf_counter() - started)
        if len(origins) != len(queries):
            origins = ["?"] * len(queries)
        location = response.get("Location", "")
        results.append(
            {
                "status": response.status_code,
                "location": location,
                "ms": milliseconds,
                "queries": list(zip(queries, origins, sql_ms, strict=True)),
            }
        )
    return results


# In the benchmark process -----------------------------------------------------------------------------


def _django(mode: str, extra_env: dict | None = None):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **(extra_env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "bench.learning", mode], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"bench.learning {mode} failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _prepare_database() -> str:
    """The database's kind; refuse the project's own databases, create a PostgreSQL one if missing."""
    url = os.environ.get("DATABASE_URL", "sqlite:///bench/.work/bench.sqlite3")
    parts = urlsplit(url)
    name = Path(unquote(parts.path)).stem if parts.scheme.startswith("sqlite") else parts.path.lstrip("/")
    if (
        name in FORBIDDEN_DATABASES
        or name.startswith("test_")
        or Path(unquote(parts.path)) == ROOT / "db.sqlite3"
    ):
        raise SystemExit(f"{name}: not a benchmark database (this script seeds it and logs a trainee in)")
    if parts.scheme.startswith(("postgres", "pgsql")):
        env = {**os.environ, "PGPASSWORD": unquote(parts.password or "")}
        command = ["createdb", "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
        command += ["-U", unquote(parts.username or "postgres"), name]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode and "already exists" not in result.stderr:
            raise SystemExit(f"createdb {name} failed: {result.stderr}")
        return f"PostgreSQL ({name})"
    return f"SQLite ({unquote(parts.path)})" if "DATABASE_URL" in os.environ else "SQLite (bench/.work)"


@contextmanager
def gunicorn(settings: str = "bench.settings", arguments: tuple[str, ...] = ()):
    """gunicorn on PORT with 2 sync workers (and the repo's gunicorn.conf.py unless `arguments` say -c)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}"]
    server = subprocess.Popen([*command, "--log-level", "warning", *arguments], cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                _get("/healthz")
                break
            except OSError:
                time.sleep(0.2)
        yield server
    finally:
        server.terminate()
        try:  # a loaded machine can take a while to finish the workers' last requests
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _get(url: str, cookie: str = "") -> http.client.HTTPResponse:
    """One GET without following redirects (a redirect to the login page must not pass for a page)."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    connection.request("GET", url, headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def _wrk(url: str, cookie: str, duration: str) -> str:
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    command = ["wrk", "-t2", "-c8", f"-d{duration}", *headers, f"http://127.0.0.1:{PORT}{url}"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def requests_per_second(url: str, cookie: str) -> float:
    _wrk(url, cookie, "1s")  # warm-up: both workers, their connections and caches
    output = _wrk(url, cookie, DURATION)
    if "Non-2xx" in output:
        raise SystemExit(f"{url} answered errors:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def _target(label: str, share: float, queries: int) -> str:
    minimum = 0.08 if label.startswith("lesson") else 0.06 if label.startswith("catalogue") else None
    if minimum is None:
        return ""
    misses = [f"< {minimum:.0%}"] if share < minimum else []
    misses += ["> 10 queries"] if queries > 10 else []
    return "MISS " + ", ".join(misses) if misses else "ok"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", action="store_true", help="print the SQL of each page's queries")
    parser.add_argument("mode", nargs="?", choices=["seed", "count"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode == "seed":
        print(json.dumps(seed()))
        return
    if args.mode == "count":
        print(json.dumps(count(json.loads(os.environ["BENCH_ROWS"]))))
        return

    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    database = _prepare_database()
    print(f"Preparing the database: {database}", file=sys.stderr)
    # BENCH_SKIP_DEMO=1: the database is migrated and loaded already (a second run on a slow machine).
    setup = [["migrate", "--no-input"], ["collectstatic", "--no-input"], ["load_demo"]]
    if os.environ.get("BENCH_SKIP_DEMO"):
        setup = [["collectstatic", "--no-input"]]
    for command in setup:
        try:
            manage(*command)
        except subprocess.CalledProcessError as error:
            raise SystemExit(f"manage.py {command[0]} failed:\n{error.stderr[-6000:]}") from error
    session = _django("seed")
    print(f"Seeded {session['created_courses']} new courses in {session['seconds']} s", file=sys.stderr)
    catalogue = session["catalogue"]
    rows = [  # label, URL, logged in as the trainee
        ("bare Django view", "/bench/bare/", False),
        ("bare Django view, logged in", "/bench/bare/", True),
        (f"lesson page, {BIG_LESSONS}-lesson course", session["big_lesson"], True),
        (f"lesson page, {SMALL_LESSONS}-lesson course", session["small_lesson"], True),
        ("catalogue page 1", catalogue, True),
        ("catalogue page 1, anonymous", catalogue, False),
        ("catalogue page 20", f"{catalogue}?page=20", True),
        (f"catalogue search '{SEARCH}'", f"{catalogue}?q={SEARCH}", True),
        ("catalogue filter format=cohort", f"{catalogue}?format=cohort", True),
    ]
    counts = _django(
        "count", {"BENCH_SESSION": json.dumps(session), "BENCH_ROWS": json.dumps([r[1:] for r in rows])}
    )
    for (label, url, _logged_in), result in zip(rows, counts, strict=True):
        if result["status"] != 200:
            raise SystemExit(
                f"{label} ({url}) answered {result['status']} {result['location']} to the test client"
            )

    cookie = f"{session['cookie_name']}={session['session']}"
    results = []
    with gunicorn():
        response = _get(session["big_lesson"], cookie)
        if response.status != 200:
            raise SystemExit(f"The lesson page answered {response.status} {response.getheader('Location')}")
        anonymous = _get(session["big_lesson"])
        assert anonymous.status == 302 and "login" in anonymous.getheader("Location", ""), anonymous.status
        # A browser sends back the CSRF cookie the lesson's forms set: without it each request makes one.
        csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        if csrf:
            cookie += f"; csrftoken={csrf.group(1)}"
        load = os.getloadavg()[0]
        for _label, url, logged_in in rows:
            results.append(requests_per_second(url, cookie if logged_in else ""))
        # The bare view again at the end: on a shared machine, the spread says how far to trust the ratios.
        bare_again = requests_per_second(rows[0][1], "")
        load = max(load, os.getloadavg()[0])

    bare = (results[0] + bare_again) / 2
    cache = os.environ.get("CACHE_URL", "locmem").split("://")[0]
    print(
        f"\ngunicorn 2 sync workers, wrk -t2 -c8 -d{DURATION}, {database}, cache {cache}, "
        f"{session['courses']} courses in the catalogue"
    )
    print(
        f"bare view {results[0]:.0f} req/s first, {bare_again:.0f} last: % bare is of their mean, "
        f"{bare:.0f}. Load average up to {load:.1f} on {os.cpu_count()} CPUs."
    )
    print("queries, ms, SQL ms: 2nd request through django.test.Client (ms: 3rd request, not instrumented)")
    print(f"{'page':<32}{'URL':<43}{'req/s':>7}{'% bare':>8}{'queries':>8}{'ms':>6}{'SQL ms':>7}  target")
    for (label, url, _logged_in), rps, result in zip(rows, results, counts, strict=True):
        queries = len(result["queries"])
        sql_ms = sum(query[2] for query in result["queries"])
        target = _target(label, rps / bare, queries)
        print(
            f"{label:<32}{url:<43}{rps:>7.0f}{rps / bare:>8.1%}{queries:>8}{result['ms']:>6.0f}{sql_ms:>7.1f}"
            f"  {target}"
        )
    if args.queries:
        for (label, url, _logged_in), result in zip(rows, counts, strict=True):
            print(f"\n## {label}: {url} ({len(result['queries'])} queries)")
            for number, (sql, origin, milliseconds) in enumerate(result["queries"], start=1):
                print(f"{number:>3}. {milliseconds:.1f} ms  {origin}\n     {sql}")


if __name__ == "__main__":
    main()
