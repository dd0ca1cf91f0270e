"""The trainee's writes as a browser sends them, for `make bench` (writes per second) and bench/locustfile.py.

Each write is done by a different trainee (bench.dataset's "Bench writes" and enrolling people), so that
it is a real write each time, never a refusal: completing a lesson of text, passing a quiz at the first
attempt, enrolling into an open cohort. Every answer must be the redirect a browser follows.
"""

import http.client
import statistics
import threading
import time
from collections import Counter
from itertools import product
from urllib.parse import urlencode

# The CSRF secret a browser would have been given as its cookie; the form field carries the same value.
CSRF_TOKEN = "benchbenchbenchbenchbenchbench42"  # noqa: S105 - 32 characters, Django's secret length
CSRF = f"csrftoken={CSRF_TOKEN}"
# bench.learning's quizzes: question 0 has one right answer (the second), question 1 two (the first two).
PASSING = [("q0", "1"), ("q1", "0"), ("q1", "1")]


def quiz_body(attempt: int = 1) -> str:
    return urlencode([("csrfmiddlewaretoken", CSRF_TOKEN), ("attempt", str(attempt)), *PASSING])


def plain_body() -> str:
    return urlencode({"csrfmiddlewaretoken": CSRF_TOKEN})


def write_pairs(run: dict) -> dict[str, list[tuple[str, str, str]]]:
    """Every (cookie, URL, body) write the data set allows once, by kind, spread over the trainees."""
    name = run["cookie_name"]
    writers = [f"{name}={key}; {CSRF}" for key in run["writers"]]
    enrollers = [f"{name}={key}; {CSRF}" for key in run["enrollers"]]
    # Trainee first, then lesson: consecutive writes come from different people, as on a real site.
    lessons = [(cookie, url, plain_body()) for url, cookie in product(run["text_lessons"], writers)]
    quizzes = [(cookie, quiz["submit"], quiz_body()) for quiz, cookie in product(run["quizzes"], writers)]
    enrolments = [(cookie, run["enrol"], plain_body()) for cookie in enrollers]
    return {"complete a lesson": lessons, "submit a quiz": quizzes, "enrol": enrolments}


def write_jobs(run: dict, count: int) -> dict[str, list[tuple[str, str, str]]]:
    return {kind: pairs[:count] for kind, pairs in write_pairs(run).items()}


def settle(port: int) -> None:
    """Wait until both workers are idle: a slow page's requests outlive the wrk run that sent them."""
    fast = 0
    while fast < 4:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        started = time.perf_counter()
        connection.request("GET", "/bench/bare/")
        connection.getresponse().read()
        connection.close()
        fast = fast + 1 if time.perf_counter() - started < 0.05 else 0


def post(port: int, url: str, cookie: str, body: str) -> tuple[int, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    started = time.perf_counter()
    connection.request("POST", url, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, elapsed


def run_writes(port: int, jobs: list[tuple[str, str, str]], threads: int = 8) -> dict:
    """Send `jobs` from `threads` threads; refuse the figure if any answer is not a redirect."""
    lock = threading.Lock()
    pending = iter(jobs)
    statuses, seconds = Counter(), []

    def worker():
        while True:
            with lock:
                job = next(pending, None)
            if job is None:
                return
            cookie, url, body = job
            try:
                status, elapsed = post(port, url, cookie, body)
            except OSError as error:  # no answer in time: reported with the statuses below
                status, elapsed = type(error).__name__, 0.0
            with lock:
                statuses[status] += 1
                seconds.append(elapsed)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    if set(statuses) != {302}:
        raise SystemExit(f"writes answered {dict(statuses)} (each should be a 302 redirect)")
    cuts = statistics.quantiles(seconds, n=20)
    return {
        "count": len(seconds),
        "rate": len(seconds) / elapsed,
        "p50_ms": statistics.median(seconds) * 1000,
        "p95_ms": cuts[18] * 1000,
    }
