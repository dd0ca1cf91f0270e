"""The one large data set `make bench` and `make load` run against, and the sessions that drive it.

    python -m bench.dataset seed      # (Django set up) people, cohorts and progress on top of
                                      # bench.learning's catalogue; prints what it made as JSON
    python -m bench.dataset prepare   # puts the write targets back as seeded, signs people in; JSON

What the seed holds (bench/suite.py checks SEED_VERSION before seeding again):
- bench.learning's catalogue: 1,000 courses with a cohort each; course 1 has 50 lessons and the bench
  trainee enrolled with 20 done; toolkits: bench.toolkits' 500;
- 20,000 trainees (bulk_create), of whom
  - 2,000 in "Bench 2000", a cohort of course 1 run by the bench trainer, every one of its 50 lessons
    done: 100,000 progress rows (the trainer's pages and the 100k CSV export);
  - 200 in "Bench 10k" (200 x 50 = 10,000 rows), the export's point of comparison;
  - 1,000 in "Bench writes" (course 1, no progress): the lesson completions and quiz submissions;
  - 2,000 not yet enrolled anywhere, who enrol into "Bench enrol" (course 3, open, no capacity).
"""

import json
import sys
import time
from datetime import timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

SEED_VERSION = "bench-seed-1"  # raise when the data set below changes: the next run seeds afresh
TRAINEES = 20_000
COHORT_2000, COHORT_10K, WRITERS, ENROLLERS = 2000, 200, 1000, 2000
TRAINER = "trainer@bench.example.org"
BIG_COURSE, ENROL_COURSE = "bench-course-0001", "bench-course-0003"


def _email(number: int) -> str:
    return f"bt-{number:05d}@bench.example.org"


def _people() -> dict:
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from accounts.models import User
    from learning.models import Cohort, CoursePage, Enrolment, LessonPage, LessonProgress

    started = time.monotonic()
    User.objects.bulk_create(
        [
            User(email=_email(n), display_name=f"Trainee {n:05d}", language="en", password="!")  # noqa: S106 - unusable
            for n in range(TRAINEES)
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    users = list(User.objects.filter(email__startswith="bt-").order_by("email"))
    trainer, _ = User.objects.get_or_create(email=TRAINER, defaults={"display_name": "Bench Trainer"})
    trainers = Group.objects.filter(name="Trainers").first()
    if trainers:
        trainer.groups.add(trainers)
    big = CoursePage.objects.get(slug=BIG_COURSE)
    lessons = list(LessonPage.objects.child_of(big).order_by("path"))
    now = timezone.now()

    def cohort(title, course, members, *, progress):
        made = Cohort.objects.create(
            course=course, title=title, capacity=None, enrolment_mode=Cohort.Mode.OPEN, waitlist=False
        )
        made.trainers.add(trainer)
        Enrolment.objects.bulk_create(
            [
                Enrolment(
                    user=user,
                    cohort=made,
                    course_key=course.translation_key,  # bulk_create skips save(), which derives it
                    status=Enrolment.Status.ACTIVE,
                    last_activity_at=now - timedelta(days=n % 40),
                )
                for n, user in enumerate(members)
            ],
            batch_size=2000,
        )
        if progress:
            enrolments = Enrolment.objects.filter(cohort=made).values_list("pk", flat=True)
            LessonProgress.objects.bulk_create(
                (
                    LessonProgress(
                        enrolment_id=pk, lesson=lesson, lesson_key=lesson.translation_key, completed_at=now
                    )
                    for pk in enrolments
                    for lesson in lessons
                ),
                batch_size=5000,
            )
        return made

    first = 0
    for title, course, size, progress in (
        ("Bench 2000", big, COHORT_2000, True),
        ("Bench 10k", big, COHORT_10K, True),
        ("Bench writes", big, WRITERS, False),
    ):
        cohort(title, course, users[first : first + size], progress=progress)
        first += size
    enrol = CoursePage.objects.get(slug=ENROL_COURSE)
    Cohort.objects.create(
        course=enrol, title="Bench enrol", capacity=None, enrolment_mode=Cohort.Mode.OPEN, waitlist=False
    )
    return {
        "trainees": len(users),
        "progress_rows": LessonProgress.objects.count(),
        "seconds": round(time.monotonic() - started, 1),
    }


def _sessions(users) -> list[str]:
    """Session keys for `users`, written in bulk (the cached_db engine reads the database on a miss)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from accounts.consent import current_versions
    from accounts.services import legal_accept_for_data

    Session.objects.all().delete()  # the bench database's own: earlier runs' would pile up, 3,000 a run
    store = SessionStore()
    expiry = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    rows = [
        Session(
            session_key=store._get_new_session_key(),
            session_data=store.encode(
                {
                    SESSION_KEY: str(user.pk),
                    BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
                    HASH_SESSION_KEY: user.get_session_auth_hash(),
                }
            ),
            expire_date=expiry,
        )
        for user in users
    ]
    Session.objects.bulk_create(rows, batch_size=2000)
    # Signed-in people have accepted the demo's privacy notice and terms: their pages are measured, not
    # the acceptance page (accounts.consent).
    legal_accept_for_data(users=users, versions=current_versions())
    return [row.session_key for row in rows]


def prepare() -> dict:
    """Undo the previous run's writes, sign the people in, and name every URL the runs need."""
    from django.conf import settings
    from django.db import transaction
    from django.urls import reverse

    from accounts.models import User
    from core.site_cache import CONTENT, SEATS, retire
    from learning.models import (
        Cohort,
        CourseIndexPage,
        CoursePage,
        Enrolment,
        LessonPage,
        LessonProgress,
        QuizAttempt,
    )
    from toolkits.models import ToolkitPage

    with transaction.atomic():
        writes = Cohort.objects.get(title="Bench writes")
        QuizAttempt.objects.filter(enrolment__cohort=writes).delete()
        LessonProgress.objects.filter(enrolment__cohort=writes).delete()
        enrol = Cohort.objects.get(title="Bench enrol")
        Enrolment.objects.filter(cohort=enrol).delete()
        retire(CONTENT, SEATS)  # seat counts and outlines cached before these deletes are stale
    big = CoursePage.objects.get(slug=BIG_COURSE)
    lessons = list(LessonPage.objects.child_of(big).order_by("path"))
    # Lessons of text alone complete with one press; lessons with a quiz and no reflection complete when
    # it is passed. A lesson with a reflection is never touched, so no write trainee completes the course.
    texts, quizzes = [], []
    for lesson in lessons:
        kinds = [block.block_type for block in lesson.body]
        if kinds == ["text", "text"]:
            texts.append(lesson.pk)
        elif "quiz" in kinds and "reflection" not in kinds:
            quiz = next(block for block in lesson.body if block.block_type == "quiz")
            quizzes.append({"pk": lesson.pk, "block": quiz.id, "url": lesson.get_url()})
    users = list(User.objects.filter(email__startswith="bt-").order_by("email"))
    writers = users[COHORT_2000 + COHORT_10K : COHORT_2000 + COHORT_10K + WRITERS]
    enrollers = users[COHORT_2000 + COHORT_10K + WRITERS :][:ENROLLERS]
    trainee = User.objects.get(email="trainee@bench.example.org")
    trainer = User.objects.get(email=TRAINER)
    sessions = _sessions([trainee, trainer, *writers, *enrollers])
    big_cohort = Cohort.objects.get(title="Bench 2000")
    index = CourseIndexPage.objects.filter(locale__language_code="en").first()
    toolkit = ToolkitPage.objects.filter(locale__language_code="en", live=True).order_by("path").first()
    return {
        "cookie_name": settings.SESSION_COOKIE_NAME,
        "trainee": sessions[0],
        "trainer": sessions[1],
        "writers": sessions[2 : 2 + len(writers)],
        "enrollers": sessions[2 + len(writers) :],
        "catalogue": index.get_url(),
        "course": big.get_url(),
        "lesson": f"{big.get_url()}lesson-20/",
        "toolkit": toolkit.get_url(),
        "text_lessons": [reverse("learning:lesson_complete", args=[pk]) for pk in texts],
        "quizzes": [
            {**quiz, "submit": reverse("learning:quiz_submit", args=[quiz["pk"], quiz["block"]])}
            for quiz in quizzes
        ],
        "enrol": reverse("learning:enrol", args=[enrol.pk]),
        "cohort": reverse("learning:workspace:cohort", args=[big_cohort.pk]),
        "matrix": reverse("learning:workspace:matrix", args=[big_cohort.pk]),
        "export": reverse("learning:workspace:export_csv", args=[big_cohort.pk]),
        "workspace": reverse("learning:workspace:cohorts"),
    }


def seed() -> dict:
    from bench.learning import seed as catalogue_seed

    started = time.monotonic()
    catalogue = catalogue_seed()
    people = _people()
    return {"catalogue_s": catalogue["seconds"], "people": people, "seconds": time.monotonic() - started}


def main() -> None:
    import django

    django.setup()
    mode = sys.argv[1]
    print(json.dumps({"seed": seed, "prepare": prepare}[mode]()))


if __name__ == "__main__":
    main()
