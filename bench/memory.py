"""Memory of the gunicorn workers as deployed, and which imports it goes to.

    .venv/bin/python -m bench.memory            # both tables below
    .venv/bin/python -m bench.memory imports    # the import profile only (no server, no database)
    BENCH_MEMORY_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ml_memory  (default; created, demo loaded)
    BENCH_MEMORY_CACHE_URL=redis://127.0.0.1:6379/11                        (default; keys under "mlbench")
    BENCH_PORT=8765 BENCH_MEMORY_ROUNDS=15

Serves config.settings.production with gunicorn (2 sync workers, bench.suite's environment(), the repo's
gunicorn.conf.py) on a migrated database holding the demo, and prints each worker's resident memory
(RSS), its proportional share (PSS: a page shared by n processes counts 1/n) and what is its own alone
(USS: private pages), from /proc/<pid>/smaps_rollup, right after start and after rounds of pages (home
in three languages, catalogue, course, lesson signed in, toolkit, a certificate's PDF). It measures the
same twice: with gunicorn.conf.py, and with `-c /dev/null` (no configuration: each worker imports the
site itself), which is what the README's deploy command ran before gunicorn.conf.py existed.

RSS counts every page a worker maps, shared or not; PSS is what a worker really costs the machine
(the workers' PSS plus the master's add up to the memory they use together). The import profile charges
every module the growth of the process's resident memory while its own code ran (its imports are charged
to themselves), so the packages' figures add up to what django.setup() and config.wsgi take.
Not part of the test suite: the figures depend on the machine, Python and the libraries' versions.
"""

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.learning import _get, _prepare_database, gunicorn
from bench.pages import ROOT, manage
from bench.suite import _psql, environment, memory

DATABASE = os.environ.get("BENCH_MEMORY_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ml_memory")
CACHE = os.environ.get("BENCH_MEMORY_CACHE_URL", "redis://127.0.0.1:6379/11")
ROUNDS = int(os.environ.get("BENCH_MEMORY_ROUNDS", "15"))
DEMO_VERSION = "memory-demo-1"  # the database's comment once the demo is loaded: later runs reuse it
TRAINEE = "trainee@example.org"  # the demo's: a course half done and a finished one with its certificate


# In a process with Django set up ------------------------------------------------------------------------


def prepare() -> dict:
    """A session for the demo trainee and the URLs of the pages measured."""
    import django

    django.setup()
    from django.conf import settings
    from django.urls import reverse

    from accounts.models import User
    from bench.dataset import _sessions
    from learning.certificates.models import Certificate
    from learning.certificates.pdf import pdf_bytes
    from learning.models import CourseIndexPage, Enrolment, LessonPage
    from toolkits.models import ToolkitPage

    trainee = User.objects.get(email=TRAINEE)
    enrolment = Enrolment.objects.filter(user=trainee, status=Enrolment.Status.ACTIVE).first()
    course = enrolment.cohort.course
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    certificate = Certificate.objects.filter(status=Certificate.Status.VALID, enrolment__user=trainee).first()
    # In production the PDF is rendered by the task worker: a web worker serves the stored file. Rendered
    # here when missing, so that no worker loads WeasyPrint for it (bench.certificates measures that).
    pdf_bytes(certificate)
    toolkit = ToolkitPage.objects.live().filter(locale__language_code="en").order_by("path").first()
    catalogue = CourseIndexPage.objects.live().filter(locale__language_code="en").first()
    session = f"{settings.SESSION_COOKIE_NAME}={_sessions([trainee])[0]}"
    return {
        "pages": [
            ["home (en)", "/en/", ""],
            ["home (fr)", "/fr/", ""],
            ["home (ar)", "/ar/", ""],
            ["catalogue", catalogue.get_url(), ""],
            ["course", course.get_url(), ""],
            ["course, enrolled", course.get_url(), session],
            ["lesson, signed in", lesson.get_url(), session],
            ["toolkit", toolkit.get_url(), ""],
            ["certificate PDF", reverse("certificates:pdf", args=[certificate.pk]), session],
        ]
    }


# In the benchmark process -----------------------------------------------------------------------------


def workers(master: int) -> list[int]:
    return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


def _booted(master: int, count: int = 2) -> list[int]:
    """The workers' ids once `count` of them have loaded the site and stopped growing."""
    previous = None
    for _ in range(300):
        pids = workers(master)
        if len(pids) == count:
            sizes = [memory(pid)["rss"] for pid in pids]
            if sizes == previous:
                return pids
            previous = sizes
        time.sleep(0.5)
    raise SystemExit(f"gunicorn did not start {count} workers")


def _request(page: list) -> None:
    label, url, cookie = page
    response = _get(url, cookie)
    if response.status != 200:
        raise SystemExit(f"{label} ({url}) answered {response.status} {response.getheader('Location')}")


def serve(pages: list, arguments: list[str]) -> dict:
    """Each process's memory after start and after ROUNDS rounds of the pages (4 at a time, so that both
    workers serve every page)."""
    figures = {}
    with gunicorn("config.settings.production", arguments) as server:
        pids = _booted(server.pid)
        figures["start"] = [memory(pid) for pid in pids]
        with ThreadPoolExecutor(4) as pool:
            for _ in range(ROUNDS):
                list(pool.map(_request, pages * 2))
        time.sleep(1)
        if workers(server.pid) != pids:
            raise SystemExit(
                "a worker was replaced during the run (max_requests?): raise BENCH_MEMORY_ROUNDS' limit"
            )
        figures["pages"] = [memory(pid) for pid in pids]
        figures["master"] = memory(server.pid)
    return figures


def database_ready() -> str:
    """Migrate (and collect static files), and load the demo the first time."""
    name = DATABASE.rsplit("/", 1)[-1]
    _prepare_database()  # refuses the project's and the tests' databases, creates this one if missing
    manage("migrate", "--no-input")
    manage("collectstatic", "--no-input")
    description = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '%s'"
    if _psql(description % name) == DEMO_VERSION:
        return f"reused {name}"
    manage("load_demo")
    _psql(f"COMMENT ON DATABASE \"{name}\" IS '{DEMO_VERSION}'")
    return f"loaded the demo into {name}"


def _child(module: str, mode: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    result = subprocess.run(
        [sys.executable, "-m", module, mode], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"{module} {mode} failed:\n{result.stderr[-6000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _mib(kib: int) -> str:
    return f"{kib / 1024:.0f}"


def print_imports(profile: dict) -> None:
    mib = 2**20
    grown = (profile["after"] - profile["before"]) / mib
    print(
        f"\nImports of django.setup() + config.wsgi (config.settings.production): {grown:.0f} MiB resident "
        f"on top of {profile['before'] / mib:.0f} MiB for Python itself"
    )
    print(f"{'package':<26}{'MiB':>6}  first imported by")
    for name, size, chain in profile["packages"]:
        print(f"{name:<26}{size / mib:>6.1f}  {' <- '.join(reversed(chain)) or '-'}")
    print(f"{'module':<48}{'MiB':>6}")
    for name, size in profile["modules"]:
        print(f"{name:<48}{size / mib:>6.1f}")


def main() -> None:
    os.environ.update({**environment(), "DATABASE_URL": DATABASE, "CACHE_URL": CACHE})
    print(database_ready(), file=sys.stderr)
    pages = _child("bench.memory", "prepare")["pages"]
    runs = [("gunicorn.conf.py", []), ("no configuration", ["-c", "/dev/null"])]
    results = [(label, serve(pages, arguments)) for label, arguments in runs]
    print(
        "\nbench.memory: gunicorn, 2 sync workers, config.settings.production, PostgreSQL + Redis, the demo; "
        f"{ROUNDS} rounds of {len(pages)} pages x 2 ({', '.join(page[0] for page in pages)}). MiB."
    )
    heading = f"{'configuration':<20}{'process':<10}{'RSS start':>10}{'PSS':>6}{'USS':>6}"
    print(f"{heading}{'RSS pages':>11}{'PSS':>6}{'USS':>6}")
    for label, figures in results:
        for number, (start, after) in enumerate(zip(figures["start"], figures["pages"], strict=True), 1):
            print(
                f"{label:<20}{f'worker {number}':<10}{_mib(start['rss']):>10}{_mib(start['pss']):>6}"
                f"{_mib(start['uss']):>6}{_mib(after['rss']):>11}{_mib(after['pss']):>6}{_mib(after['uss']):>6}"
            )
        master = figures["master"]
        total = master["pss"] + sum(after["pss"] for after in figures["pages"])
        print(
            f"{label:<20}{'master':<10}{'':>22}{_mib(master['rss']):>11}{_mib(master['pss']):>6}"
            f"{_mib(master['uss']):>6}   all three: PSS {_mib(total)}"
        )
    print_imports(_child("bench.import_profile", "run"))


if __name__ == "__main__":
    if sys.argv[1:] == ["prepare"]:
        print(json.dumps(prepare()))
    elif sys.argv[1:] == ["imports"]:
        os.environ.update({**environment(), "DATABASE_URL": DATABASE, "CACHE_URL": CACHE})
        print_imports(_child("bench.import_profile", "run"))
    else:
        main()
