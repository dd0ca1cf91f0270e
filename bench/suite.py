"""`make bench`: one large data set on PostgreSQL + Redis, served as in production, and one table.

    make bench                              # or: .venv/bin/python -m bench.suite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ml_bench  (default; created, seeded once)
    BENCH_CACHE_URL=redis://127.0.0.1:6379/7                        (default; only keys under the
                                                                     "mlbench" prefix are ever deleted)
    BENCH_DURATION=5s BENCH_PORT=8790 BENCH_WRITES=400 ...

The data set is bench/dataset.py's (1,000 courses, 20,000 trainees, a cohort of 2,000 x 50 lessons,
500 toolkits, 100,000 progress rows). The database's comment records the seed version: a database
seeded by the same version is reused, one seeded by another is dropped and seeded again.

gunicorn (2 sync workers) serves config.settings.production (through bench.production, which only adds
the bare view beside the site) on 127.0.0.1. For each page: requests/s and p50/p95 latency from wrk
(-t2 -c8, after a second of warm-up), the ratio to the bare view served by the same gunicorn (the mean of
its first and last runs), and, through django.test.Client with the same settings, the SQL queries and
cache round trips of a request on an empty cache (cold) and of the next one (warm). Then writes per second
(distinct trainees, 8 client threads), the CSV export of the 2,000-trainee cohort (bench.workspace), the
median certificate issue with its PDF (bench.certificates) and the workers' resident memory.
Not part of the test suite: the figures depend on the machine and on what else runs on it.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.learning import _get, _prepare_database, gunicorn
from bench.pages import DURATION, PORT, ROOT, manage
from bench.writes import CSRF, run_writes, settle, write_jobs

WORK = ROOT / "bench" / ".work"
DATABASE = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ml_bench")
CACHE = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/7")
KEY_PREFIX = "mlbench"


def environment() -> dict:
    """What config.settings.production needs to start, pointed at the bench's own database and cache."""
    WORK.mkdir(exist_ok=True)
    secret = WORK / "secret-key"
    if not secret.exists():
        secret.write_text(secrets.token_urlsafe(60))
    return {
        "DATABASE_URL": DATABASE,
        "CACHE_URL": CACHE,
        "CACHE_KEY_PREFIX": KEY_PREFIX,
        "SECRET_KEY": secret.read_text(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "EMAIL_URL": "dummymail://",  # production refuses to start without a mailer; nothing is sent
        "SECURE_SSL_REDIRECT": "False",  # plain HTTP on loopback, no TLS proxy in front
        "MFA_REQUIRED_FOR_STAFF": "False",  # the bench trainer has no authenticator app
        "STATIC_ROOT": str(WORK / "static"),
        "PRIVATE_MEDIA_ROOT": str(WORK / "private-media"),
        "MEDIA_ROOT": str(WORK / "media"),
        "CERTIFICATE_SIGNING_KEY_FILE": str(WORK / "certificate-signing-key.pem"),
        "CERTIFICATE_JWT_KEY_FILE": str(WORK / "certificate-jwt-key.pem"),
    }


def _psql(sql: str, database: str = "postgres") -> str:
    parts = urlsplit(DATABASE)
    command = ["psql", "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    command += ["-U", unquote(parts.username or "postgres"), "-d", database, "-tAc", sql]
    env = {**os.environ, "PGPASSWORD": unquote(parts.password or "")}
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout.strip()


def _django(module: str, mode: str, settings: str = "bench.settings", extra: dict | None = None):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings, **(extra or {})}
    result = subprocess.run(
        [sys.executable, "-m", module, mode], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"{module} {mode} failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def database_ready() -> str:
    """Create, or reuse when its seed version matches, the bench database; returns how it went."""
    from bench.dataset import SEED_VERSION
    from bench.toolkits import SEED as TOOLKITS_SEED

    name = urlsplit(DATABASE).path.lstrip("/")
    if not DATABASE.startswith(("postgres://", "postgresql://")):
        raise SystemExit("BENCH_DATABASE_URL must name a PostgreSQL database: the bench measures that setup")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):  # it goes into SQL below
        raise SystemExit(f"{name!r}: use a database name of letters, digits and underscores")
    _prepare_database()  # refuses the project's and the tests' databases, creates this one if missing
    description = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '%s'"
    comment = _psql(description % name)
    if comment == SEED_VERSION:
        manage("migrate", "--no-input")
        manage("collectstatic", "--no-input")
        _psql("ANALYZE", name)
        return f"reused {name} (seed {SEED_VERSION})"
    if comment or _psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", name) != "0":
        print(f"{name} was seeded by {comment or 'an unfinished run'}: seeding again", file=sys.stderr)
        _psql(f'DROP DATABASE "{name}" WITH (FORCE)')
        _prepare_database()
    started = time.monotonic()
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["load_demo"]):
        manage(*command)
    demo = time.monotonic() - started
    # The toolkits go under their own index page, the courses under theirs: the two seeds share no tree
    # row, so they run side by side, one on each core.
    toolkits_started = time.monotonic()
    toolkits_seed = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", TOOLKITS_SEED],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seeded = _django("bench.dataset", "seed")
    _, errors = toolkits_seed.communicate()
    if toolkits_seed.returncode:
        raise SystemExit(f"seeding the toolkits failed:\n{errors[-4000:]}")
    toolkits = time.monotonic() - toolkits_started
    # Planner statistics, as autovacuum keeps them on a database in use: right after a bulk seed there are
    # none, and the matrix's totals per lesson sorted 100,000 progress rows on disk (EXPLAIN ANALYZE:
    # 217 ms, 101 ms with statistics, a hash aggregate).
    _psql("ANALYZE", name)
    _psql(f"COMMENT ON DATABASE \"{name}\" IS '{SEED_VERSION}'")
    return (
        f"seeded {name} in {time.monotonic() - started:.0f} s (migrate + demo {demo:.0f} s, "
        f"courses {seeded['catalogue_s']:.0f} s, people and progress {seeded['people']['seconds']:.0f} s, "
        f"toolkits {toolkits:.0f} s alongside)"
    )


def count() -> list[dict]:
    """Queries and cache round trips of each [url, cookie] row: cold (own cache keys deleted), then warm."""
    import django

    django.setup()
    import redis
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.cache_isolation import forget_own_keys

    trips = [0]
    execute, pipeline_execute = redis.Redis.execute_command, redis.client.Pipeline.execute

    def command(self, *args, **kwargs):
        if not isinstance(self, redis.client.Pipeline):  # a pipeline's commands go in one trip
            trips[0] += 1
        return execute(self, *args, **kwargs)

    def pipeline(self, *args, **kwargs):
        trips[0] += 1
        return pipeline_execute(self, *args, **kwargs)

    redis.Redis.execute_command, redis.client.Pipeline.execute = command, pipeline
    results = []
    for url, cookie in json.loads(os.environ["BENCH_ROWS"]):
        client = Client()
        for pair in filter(None, cookie.split("; ")):
            name, value = pair.split("=", 1)
            client.cookies[name] = value
        figures = {}
        forget_own_keys()
        for state in ("cold", "warm"):
            trips[0] = 0
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            figures[state] = {"queries": len(queries), "trips": trips[0], "status": response.status_code}
        results.append(figures)
    return results


def wrk(url: str, cookie: str, duration: str) -> dict:
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    script = ["-s", str(ROOT / "bench" / "report.lua")]
    command = ["wrk", "-t2", "-c8", f"-d{duration}", "--timeout", "30s", *script, *headers]
    command.append(f"http://127.0.0.1:{PORT}{url}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    report = json.loads(re.search(r"^REPORT (.*)$", output, re.MULTILINE).group(1))
    if report["failed"]:
        raise SystemExit(f"{url} answered errors:\n{output}")
    return {**report, "rps": report["requests"] / report["seconds"]}


def _kib(fields: str, name: str) -> int:
    for line in fields.splitlines():
        if line.startswith(f"{name}:"):
            return int(line.split()[1])
    return 0


def memory(pid: int) -> dict:
    """RSS, PSS and USS (KiB) of one process."""
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    private = _kib(rollup, "Private_Clean") + _kib(rollup, "Private_Dirty")
    return {"rss": _kib(rollup, "Rss"), "pss": _kib(rollup, "Pss"), "uss": private}


def worker_memory(master: int) -> list[dict]:
    """RSS, PSS and USS (KiB) of each gunicorn worker.

    With the site preloaded in the master (gunicorn.conf.py), RSS counts the pages the workers share and PSS
    what each one really costs (bench/memory.py)."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [memory(int(pid)) for pid in children]


def pages(run: dict) -> list[tuple[str, str, str]]:
    """(label, URL, cookie) of every page measured."""
    session = run["cookie_name"]
    trainee = f"{session}={run['trainee']}; {CSRF}"
    trainer = f"{session}={run['trainer']}; {CSRF}"
    return [
        ("bare Django view", "/bench/bare/", ""),
        ("home page", "/en/", ""),
        ("content page", "/en/about/", ""),
        ("catalogue, anonymous", run["catalogue"], ""),
        ("catalogue, signed in", run["catalogue"], trainee),
        ("course page (50 lessons), anonymous", run["course"], ""),
        ("course page (50 lessons), enrolled", run["course"], trainee),
        ("lesson page, signed in", run["lesson"], trainee),
        ("toolkit library", "/en/toolkits/", ""),
        ("toolkit page", run["toolkit"], ""),
        ("trainer: my cohorts", run["workspace"], trainer),
        ("trainer: cohort of 2,000", run["cohort"], trainer),
        ("trainer: matrix 2,000 x 50", run["matrix"], trainer),
    ]


def _export_and_certificates(env: dict) -> tuple[list, dict]:
    script = (
        "import json\n"
        "from bench.workspace import export_figures\n"
        "from learning.models import Cohort\n"
        "titles = ('Bench 10k', 'Bench 10k', 'Bench 2000')\n"
        "figures = [export_figures(Cohort.objects.get(title=title)) for title in titles]\n"
        "print(json.dumps(figures[1:]))\n"  # the first run warms up imports and the course outline
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"the CSV export failed:\n{result.stderr[-4000:]}")
    exports = json.loads(result.stdout.strip().splitlines()[-1])
    certificates = _django("bench.certificates", "issue", extra={"BENCH_ISSUES": "20"})
    return exports, certificates


def main() -> None:
    os.environ.update(environment())
    state = database_ready()
    print(state, file=sys.stderr)
    run = _django("bench.dataset", "prepare", "bench.production")
    rows = pages(run)
    counts = _django(
        "bench.suite", "count", "bench.production", {"BENCH_ROWS": json.dumps([r[1:] for r in rows])}
    )
    for (label, url, _cookie), figures in zip(rows, counts, strict=True):
        if figures["warm"]["status"] != 200:
            raise SystemExit(f"{label} ({url}) answered {figures['warm']['status']} to the test client")
    results, writes = [], {}
    with gunicorn("bench.production") as server:
        for label, url, cookie in rows:
            response = _get(url, cookie)
            if response.status != 200:
                location = response.getheader("Location")
                raise SystemExit(f"{label} ({url}) answered {response.status} {location}")
        load = os.getloadavg()[0]
        for label, url, cookie in rows:
            wrk(url, cookie, "1s")  # warm-up: both workers, their connections and caches
            settle(PORT)
            results.append(wrk(url, cookie, DURATION))
            settle(PORT)
            print(f"{label}: {results[-1]['rps']:.0f} req/s", file=sys.stderr)
        bare_again = wrk(rows[0][1], "", DURATION)
        for kind, jobs in write_jobs(run, int(os.environ.get("BENCH_WRITES", "400"))).items():
            writes[kind] = run_writes(PORT, jobs)
            settle(PORT)
        load = max(load, os.getloadavg()[0])
        workers = worker_memory(server.pid)
    exports, certificates = _export_and_certificates({"DJANGO_SETTINGS_MODULE": "bench.settings"})

    bare = (results[0]["rps"] + bare_again["rps"]) / 2
    print(
        f"\nmake bench: {state}. gunicorn 2 sync workers (config.settings.production), PostgreSQL + Redis, "
        f"wrk -t2 -c8 -d{DURATION}.\nBare view {results[0]['rps']:.0f} req/s first, {bare_again['rps']:.0f} "
        f"last; ratios are to their mean. Load average up to {load:.1f} on {os.cpu_count()} CPUs "
        "(the machine is shared)."
    )
    print(
        f"{'page':<38}{'req/s':>7}{'% bare':>8}{'q cold':>7}{'q warm':>7}{'rt cold':>8}{'rt warm':>8}"
        f"{'p50 ms':>8}{'p95 ms':>8}"
    )
    for (label, _url, _cookie), result, figures in zip(rows, results, counts, strict=True):
        cold, warm = figures["cold"], figures["warm"]
        digits = 0 if result["rps"] >= 10 else 1  # a page slower than 10 req/s still shows a figure
        print(
            f"{label:<38}{result['rps']:>7.{digits}f}{result['rps'] / bare:>8.1%}{cold['queries']:>7}"
            f"{warm['queries']:>7}{cold['trips']:>8}{warm['trips']:>8}"
            f"{result['p50_us'] / 1000:>8.1f}{result['p95_us'] / 1000:>8.1f}"
        )
    print(f"{'write (distinct trainees, 8 threads)':<38}{'writes/s':>9}{'n':>6}{'p50 ms':>8}{'p95 ms':>8}")
    for kind, figures in writes.items():
        print(
            f"{kind:<38}{figures['rate']:>9.1f}{figures['count']:>6}{figures['p50_ms']:>8.1f}"
            f"{figures['p95_ms']:>8.1f}"
        )
    (small_rows, small_s, _, small_peak, _), (big_rows, big_s, _, big_peak, _) = exports
    print(
        f"CSV export: {big_rows} rows in {big_s:.2f} s = {big_rows / big_s:.0f} rows/s; peak memory "
        f"{big_peak / 1024:.0f} KiB at {big_rows} rows, {small_peak / 1024:.0f} KiB at {small_rows} "
        f"({small_rows / small_s:.0f} rows/s): ratio {big_peak / small_peak:.2f}"
    )
    print(
        f"certificate issue + PDF render + store: median {certificates['median_s'] * 1000:.0f} ms over "
        f"{certificates['timed']} untraced "
        f"(worst {certificates['max_s'] * 1000:.0f} ms)"
    )
    sizes = ", ".join(f"{w['rss'] / 1024:.0f} MiB RSS / {w['pss'] / 1024:.0f} MiB PSS" for w in workers)
    print(f"gunicorn workers' memory after the run: {sizes}")


if __name__ == "__main__":
    if sys.argv[1:] == ["count"]:
        print(json.dumps(count()))
    else:
        main()
