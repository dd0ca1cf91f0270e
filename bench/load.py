"""`make load`: bench/locustfile.py against the bench server, headless, on loopback.

    make load                               # or: .venv/bin/python -m bench.load
    BENCH_USERS=50 BENCH_LOAD_TIME=60s ...  # simulated users (spawned 10 a second) and how long

The data set, its database and the server are `make bench`'s (bench/suite.py: seeded once, reused);
the previous run's writes are undone first. Prints locust's p50 and p95 per request kind and the failures,
and exits non-zero if any request failed.
"""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.learning import gunicorn
from bench.pages import PORT, ROOT
from bench.suite import WORK, _django, database_ready, environment


def main() -> None:
    os.environ.update(environment())
    print(database_ready(), file=sys.stderr)
    data = WORK / "load.json"
    data.write_text(json.dumps(_django("bench.dataset", "prepare", "bench.production")))
    users, duration = os.environ.get("BENCH_USERS", "50"), os.environ.get("BENCH_LOAD_TIME", "60s")
    stats = WORK / "load"
    command = [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless"]
    command += ["-u", users, "-r", "10", "-t", duration, "--host", f"http://127.0.0.1:{PORT}"]
    command += ["--csv", str(stats), "--only-summary", "--loglevel", "WARNING"]
    env = {**os.environ, "BENCH_LOAD_DATA": str(data), "PYTHONPATH": str(ROOT)}
    with gunicorn("bench.production"):
        locust = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    with open(f"{stats}_stats.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    print(f"\nlocust: {users} users for {duration}, gunicorn (2 sync workers) on loopback, a shared machine")
    print(f"{'request':<34}{'count':>7}{'failed':>7}{'req/s':>7}{'p50 ms':>8}{'p95 ms':>8}")
    for row in rows:
        print(
            f"{row['Name'][:33]:<34}{row['Request Count']:>7}{row['Failure Count']:>7}"
            f"{float(row['Requests/s']):>7.1f}{row['50%']:>8}{row['95%']:>8}"
        )
    failed = int(rows[-1]["Failure Count"])  # the last row is the aggregate
    if failed or locust.returncode:
        print(locust.stderr[-4000:], file=sys.stderr)
        failures = Path(f"{stats}_failures.csv")
        if failures.exists():
            print(failures.read_text()[:4000], file=sys.stderr)
        raise SystemExit(f"{failed} failed requests (locust exit status {locust.returncode})")
    print("0 failed requests")


if __name__ == "__main__":
    main()
