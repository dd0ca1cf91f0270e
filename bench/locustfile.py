"""Load on the bench server: people browsing, reading, completing lessons, answering quizzes, training.

    make load        # bench/load.py: the bench data set and server, then this file, 50 users for 60 s

Reads what bench.dataset's `prepare` wrote to BENCH_LOAD_DATA (sessions, URLs). Every write is a real one
(each lesson completion and quiz answer comes from a trainee who has not done it yet, see bench.writes),
so every answer has one right status: 200 for a page, the 302 a browser follows for a write. Anything
else is a failure, and `make load` must end with none.
"""

import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, task

from bench.writes import CSRF, plain_body, quiz_body, write_pairs

RUN = json.loads(Path(os.environ.get("BENCH_LOAD_DATA", "bench/.work/load.json")).read_text())
PAIRS = write_pairs(RUN)
# Shared by every simulated user (locust runs them as greenlets of one process): each write once.
LESSONS, QUIZZES = iter(PAIRS["complete a lesson"]), iter(PAIRS["submit a quiz"])
SESSION = RUN["cookie_name"]
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class Browsing(HttpUser):
    """A cookie is sent by hand: production marks cookies Secure, and the bench serves loopback HTTP."""

    abstract = True
    wait_time = between(1, 3)
    cookie = ""

    def page(self, url: str, name: str | None = None) -> None:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        with self.client.get(
            url, headers=headers, allow_redirects=False, name=name or url, catch_response=True
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code} {answer.headers.get('Location', '')}")

    def write(self, url: str, cookie: str, body: str, name: str) -> None:
        headers = {**FORM, "Cookie": cookie}
        with self.client.post(
            url, data=body, headers=headers, allow_redirects=False, name=name, catch_response=True
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"{answer.status_code}")


class Visitor(Browsing):
    """Someone looking at the catalogue without an account."""

    weight = 3

    @task(4)
    def catalogue(self):
        page = random.randint(1, 40)
        self.page(f"{RUN['catalogue']}?page={page}", name="catalogue ?page=N")

    @task(2)
    def catalogue_search(self):
        self.page(f"{RUN['catalogue']}?q=voting", name="catalogue ?q=voting")

    @task(2)
    def course(self):
        self.page(RUN["course"], name="course page")

    @task(1)
    def home(self):
        self.page("/en/")


class Trainee(Browsing):
    """A trainee of "Bench writes": reads lessons, completes them, answers quizzes."""

    weight = 6

    def on_start(self):
        self.cookie = f"{SESSION}={random.choice(RUN['writers'])}; {CSRF}"

    @task(4)
    def lesson(self):
        number = random.randint(1, 50)
        self.page(f"{RUN['course']}lesson-{number}/", name="lesson page")

    @task(1)
    def catalogue(self):
        self.page(RUN["catalogue"], name="catalogue, signed in")

    @task(2)
    def complete_lesson(self):
        cookie, url, _body = next(LESSONS)
        self.write(url, cookie, plain_body(), "complete a lesson")

    @task(2)
    def submit_quiz(self):
        cookie, url, _body = next(QUIZZES)
        self.write(url, cookie, quiz_body(), "submit a quiz")


class Trainer(Browsing):
    """The trainer of the 2,000-trainee cohort."""

    weight = 1

    def on_start(self):
        self.cookie = f"{SESSION}={RUN['trainer']}; {CSRF}"

    @task(2)
    def cohorts(self):
        self.page(RUN["workspace"], name="trainer: my cohorts")

    @task(3)
    def cohort(self):
        self.page(RUN["cohort"], name="trainer: cohort of 2,000")

    @task(1)
    def matrix(self):
        self.page(RUN["matrix"], name="trainer: matrix 2,000 x 50")
