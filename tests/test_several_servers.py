"""Several servers, one truth: two gunicorn servers and a task worker, as in the scaled setup, share the
database and the cache, so a person sees the same site whichever server answers.

Each server runs config.settings.production against this run's test database and Redis (with this run's
key prefix, so the suite's cache clean-up covers their keys); TASKS_BACKEND=database, and `manage.py
db_worker` runs the tasks. The tests commit for real (transactional), like tests/races.py: they run with
`pytest -m postgres` and need CACHE_URL to point at Redis, or they skip and say why.
"""

import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.staticfiles.finders import get_finders
from django.db import connection
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from home.models import HomePage, StandardPage
from learning.certificates import keys
from learning.certificates.models import Certificate
from learning.models import Cohort, Enrolment
from tests.factories import PASSWORD, CohortFactory, UserFactory, catalogue, lessons_of, make_course
from tests.races import RACE

ROOT = Path(__file__).resolve().parent.parent
CSRF_TOKEN = "severalserversseveralservers0123"
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
USES_REDIS = settings.CACHES["default"]["BACKEND"].endswith("RedisCache")

pytestmark = [
    *RACE,
    pytest.mark.skipif(not USES_REDIS, reason="needs CACHE_URL=redis://…: servers share nothing else"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(tmp: Path) -> dict:
    """Production settings, pointed at what this test process uses (database, cache prefix, keys)."""
    database = connection.settings_dict
    user, password = quote(database["USER"] or ""), quote(database["PASSWORD"] or "")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    # The test process makes its keys on first use (test settings); the servers only read them.
    keys.signing_key()
    keys.jwt_key()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"postgres://{credentials}{host}:{port}/{database['NAME']}",
        "CACHE_URL": os.environ["CACHE_URL"],
        "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
        "SECRET_KEY": settings.SECRET_KEY,  # sessions made here are signed as the servers expect
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_URL": "dummymail://",
        "SECURE_SSL_REDIRECT": "False",  # plain HTTP on loopback
        "MFA_REQUIRED_FOR_STAFF": "False",  # the editor below has no authenticator app
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(settings.STORAGES["private"]["OPTIONS"]["location"]),
        "CERTIFICATE_SIGNING_KEY_FILE": settings.CERTIFICATE_SIGNING_KEY_FILE,
        "CERTIFICATE_JWT_KEY_FILE": settings.CERTIFICATE_JWT_KEY_FILE,
        "LOG_LEVEL": "WARNING",
    }


def _collected_static(env: dict, manage: list[str]) -> Path:
    """Production serves hashed static files from a manifest; collecting them takes a while, so they are
    kept (in the gitignored .test-media/) for as long as no static file changes."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list(ignore_patterns=[]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    folder = ROOT / ".test-media" / f"static-{digest.hexdigest()[:16]}"
    if not (folder / "staticfiles.json").exists():
        for old in folder.parent.glob("static-*"):
            shutil.rmtree(old, ignore_errors=True)
        collect = [*manage, "collectstatic", "--no-input", "-v0"]
        subprocess.run(collect, cwd=ROOT, env={**env, "STATIC_ROOT": str(folder)}, check=True)
    return folder


def _stop_all(processes: list[subprocess.Popen]) -> None:
    """Signal every process first, then wait for each: they shut down side by side."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory, request):
    """Two gunicorn servers (base URLs) and a db_worker; every process is stopped at the module's end."""
    tmp = tmp_path_factory.mktemp("several-servers")
    with django_db_blocker.unblock():
        env = _environment(tmp)
    manage = [sys.executable, str(ROOT / "manage.py")]
    env["STATIC_ROOT"] = str(_collected_static(env, manage))
    urls, processes = [], []

    request.addfinalizer(lambda: _stop_all(processes))
    for name in ("a", "b"):
        port = _free_port()
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"]
        # Django is set up once per server, then forked; at the end, no request is left to wait for.
        command += ["--preload", "--graceful-timeout", "1"]
        log = open(tmp / f"server-{name}.log", "w")  # noqa: SIM115 - the process writes it until it stops
        processes.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log))
        urls.append(f"http://127.0.0.1:{port}")
    worker_log = open(tmp / "worker.log", "w")  # noqa: SIM115
    worker = [*manage, "db_worker", "--interval", "0.2", "--no-startup-delay"]
    processes.append(subprocess.Popen(worker, cwd=ROOT, env=env, stdout=worker_log, stderr=worker_log))
    deadline = time.monotonic() + 30
    for url in urls:
        while True:
            try:
                if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or busy starting
                pass
            if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                logs = "\n".join(path.read_text()[-2000:] for path in tmp.glob("*.log"))
                pytest.fail(f"the servers did not start:\n{logs}")
            time.sleep(0.2)
    yield urls


@pytest.fixture(autouse=True)
def _tasks_done(servers):
    """Each test ends once the worker has run what it enqueued: a task still running when the database is
    flushed would write into the next test's (a content type, a search entry)."""
    yield
    deadline = time.monotonic() + 30
    while DBTaskResult.objects.filter(finished_at__isnull=True).exists():
        assert time.monotonic() < deadline, "the worker did not finish its tasks within 30 s"
        time.sleep(0.2)


def _session_cookie(user) -> str:
    """A signed-in session, as logging in would leave it (stored in the database and the shared cache)."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _post(url: str, cookie: str, data: dict | list) -> requests.Response:
    body = [("csrfmiddlewaretoken", CSRF_TOKEN), *(data.items() if isinstance(data, dict) else data)]
    headers = {"Cookie": f"{cookie}; {settings.CSRF_COOKIE_NAME}={CSRF_TOKEN}"}
    return requests.post(url, data=body, headers=headers, allow_redirects=False, timeout=30)


def _get(url: str, cookie: str = "") -> requests.Response:
    return requests.get(url, headers={"Cookie": cookie} if cookie else {}, allow_redirects=False, timeout=30)


def test_a_session_started_on_one_server_is_valid_on_the_other(servers):
    first, second = servers
    person = UserFactory(display_name="Amina Diallo")
    # The servers accept only production's hasher (few rounds here: the servers upgrade it at login).
    person.password = PBKDF2PasswordHasher().encode(PASSWORD, "severalservers", iterations=1000)
    person.save(update_fields=["password"])
    login = requests.get(f"{first}/en/accounts/login/", timeout=30)
    csrf = login.cookies[settings.CSRF_COOKIE_NAME]  # Secure cookies: sent back by hand over loopback HTTP
    answer = requests.post(
        f"{first}/en/accounts/login/",
        data={"csrfmiddlewaretoken": csrf, "login": person.email, "password": PASSWORD},
        headers={"Cookie": f"{settings.CSRF_COOKIE_NAME}={csrf}"},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.text[:2000]
    cookie = f"{settings.SESSION_COOKIE_NAME}={answer.cookies[settings.SESSION_COOKIE_NAME]}"

    profile = _get(f"{second}/en/accounts/profile/", cookie)

    assert profile.status_code == 200
    assert "Amina Diallo" in profile.text
    assert _get(f"{second}/en/accounts/profile/").status_code == 302  # it is the session that counts


def test_a_page_published_through_one_server_is_fresh_on_the_other(servers):
    first, second = servers
    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(instance=StandardPage(title="Opening hours of the help desk", slug="help-desk"))
    page.save_revision().publish()
    url = f"{second}{page.get_url()}"
    assert "Opening hours of the help desk" in _get(url).text
    assert "Opening hours of the help desk" in _get(url).text  # now answered from the shared cache
    page.title = "New opening hours of the help desk"
    page.save_revision()  # a draft: visitors still see the published page
    assert "New opening hours" not in _get(url).text
    editor = UserFactory(is_staff=True, is_superuser=True)

    published = _post(
        f"{first}/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/", _session_cookie(editor), {}
    )

    assert published.status_code == 302, published.text[:2000]
    answer = _get(url)
    assert answer.status_code == 200
    assert "New opening hours of the help desk" in answer.text


def test_capacity_holds_for_enrolments_spread_over_both_servers(servers):
    course = make_course(lessons=1, parent=catalogue())
    cohort = CohortFactory(course=course, capacity=30, waitlist=False, enrolment_mode=Cohort.Mode.OPEN)
    people = User.objects.bulk_create(
        User(email=f"seat{number}@example.org", display_name=f"Trainee {number}") for number in range(100)
    )
    cookies = [_session_cookie(person) for person in people]
    barrier = threading.Barrier(len(cookies))

    def enrol(number):
        barrier.wait(timeout=30)
        server = servers[number % 2]
        return _post(f"{server}/en/learning/cohorts/{cohort.pk}/enrol/", cookies[number], {})

    with ThreadPoolExecutor(max_workers=len(cookies)) as pool:
        answers = list(pool.map(enrol, range(len(cookies))))

    statuses = [answer.status_code for answer in answers]
    assert statuses.count(302) == 30, sorted(statuses)
    refused = [answer for answer in answers if answer.status_code != 302]
    assert {answer.status_code for answer in refused} == {409}
    assert all("This cohort is full and has no waitlist." in answer.text for answer in refused)
    assert Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.ACTIVE).count() == 30
    assert Enrolment.objects.filter(cohort=cohort).count() == 30


def test_a_certificate_issued_through_one_server_is_rendered_by_the_worker_and_verified_on_the_other(
    servers,
):
    first, second = servers
    course = make_course(title="Speaking to the press", lessons=1, parent=catalogue())
    cohort = CohortFactory(course=course, capacity=None)
    trainee = UserFactory(certificate_name="Nadia Rahimi")
    Enrolment.objects.create(user=trainee, cohort=cohort, status=Enrolment.Status.ACTIVE)
    (lesson,) = lessons_of(course)

    done = _post(f"{first}/en/learning/lessons/{lesson.pk}/complete/", _session_cookie(trainee), {})

    assert done.status_code == 302 and "/completed/" in done.headers["Location"], done.status_code
    certificate = Certificate.objects.get(enrolment__user=trainee)
    deadline = time.monotonic() + 45
    while not certificate.pdf and time.monotonic() < deadline:  # the worker renders it, not the server
        time.sleep(0.3)
        certificate.refresh_from_db()
    assert certificate.pdf, "the worker did not render the certificate's PDF"
    render = DBTaskResult.objects.get(task_path__endswith=".render_certificate_pdf")
    assert render.status == "SUCCESSFUL" and render.worker_ids  # run by db_worker, not by a server
    with certificate.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    check = _get(f"{second}/en/verify/{certificate.code}/")
    assert check.status_code == 200
    assert "Nadia Rahimi" in check.text
    assert "Speaking to the press" in check.text
    assert re.search(r"\bvalid\b", check.text, re.IGNORECASE)
