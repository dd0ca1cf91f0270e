"""The demo's learning: cohorts, live sessions and trainees with realistic progress
(demo/data/cohorts.json and people.json), on the courses of demo.courses.

Cohorts, sessions and people are looked up by title and e-mail, so a second run creates nothing.
Enrolments are created directly (the services would send e-mails), but progress goes through the
services so the completion rules decide who has finished. Progress is only recorded for an enrolment
created by this run.
"""

from datetime import UTC, datetime, time, timedelta

from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.formats import date_format

from accounts.models import User
from learning import rules, services
from learning.certificates.services import certificate_issue
from learning.models import (
    Cohort,
    Enrolment,
    LessonPage,
    LessonProgress,
    LiveSession,
    QuizAttempt,
    Reflection,
)

from . import courses as demo_courses
from .data import locales, person, read

Status = Enrolment.Status


def _cohort_titles(label: str, starts_on) -> dict:
    titles = {}
    for language, title in read("cohorts")["cohort_titles"].get(label, {}).items():
        with translation.override(language):
            titles[language] = f"{title}, {date_format(starts_on, 'F Y')}" if starts_on else title
    return titles


def _cohort(course, spec: dict, trainer) -> Cohort:
    """The cohort of `course` whose title starts with its label; a dated one is titled by its first month."""
    label = spec["label"]
    cohort = Cohort.objects.filter(course=course, title__startswith=label).first()
    if cohort is None:
        fields = {
            name: spec[name]
            for name in ("capacity", "enrolment_mode", "language", "invite_code")
            if name in spec
        }
        if "days" in spec:
            today = timezone.localdate()
            fields["starts_on"], fields["ends_on"] = (today + timedelta(days=days) for days in spec["days"])
        starts_on = fields.get("starts_on")
        title = f"{label}, {starts_on:%B %Y}" if starts_on else label
        cohort = Cohort.objects.create(course=course, title=title, **fields)
        cohort.trainers.set([trainer])
    titles = _cohort_titles(label, cohort.starts_on)
    if cohort.titles != titles:
        cohort.titles = titles
        cohort.save(update_fields=["titles"])
    return cohort


def _session(spec: dict, cohorts: dict, courses: dict) -> LiveSession:
    """A live session `days` from today at `hour` UTC, for a lesson (course key, English slug) or none."""
    day = timezone.localdate() + timedelta(days=spec["days"])
    starts_at = datetime.combine(day, time(spec.get("hour", 17)), tzinfo=UTC)
    lesson = courses[spec["lesson"][0]][1][spec["lesson"][1]] if spec["lesson"] else None
    session, _created = LiveSession.objects.get_or_create(
        cohort=cohorts[spec["cohort"]],
        title=spec["title"],
        defaults={
            "lesson_key": lesson.translation_key if lesson else None,
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(minutes=spec.get("minutes", 90)),
            "time_zone": "Europe/Brussels",
            **{name: spec[name] for name in ("location", "online_url") if name in spec},
        },
    )
    return session


def _trainees(people: dict) -> dict:
    found = {"trainee@example.org": User.objects.get(email="trainee@example.org")}
    for trainee in people["trainees"]:
        fields = {k: v for k, v in trainee.items() if k not in {"email", "name"}}
        found[trainee["email"]] = person(
            User, trainee["email"], display_name=trainee["name"], certificate_name=trainee["name"], **fields
        )
    return found


def _answers(quiz, *, right: bool) -> QueryDict:
    """A submission: every correct answer, or a plausible mistake on all questions but the last."""
    data = QueryDict(mutable=True)
    questions = quiz["questions"]
    for number, question in enumerate(questions):
        correct = [i for i, a in enumerate(question["answers"]) if a["correct"]]
        wrong = [i for i, a in enumerate(question["answers"]) if not a["correct"]]
        if right or number == len(questions) - 1:
            chosen = correct
        elif question["multiple"]:
            chosen = correct[:1]  # half right: one correct answer missed
        else:
            chosen = wrong[:1]
        data.setlist(f"q{number}", [str(index) for index in chosen])
    return data


def _learn(enrolment: Enrolment, lesson: LessonPage, trainer, people: dict, step: dict) -> None:
    """Work through a lesson: quiz attempts ("fail"/"pass"), the reflection and its review
    ("accept"/"revise"), then complete it."""
    email = enrolment.user.email
    review = step.get("review")
    for block in lesson.body:
        if block.block_type == "quiz":
            for number, outcome in enumerate(step.get("quiz", ["pass"]), start=1):
                services.quiz_submit(
                    enrolment=enrolment,
                    lesson=lesson,
                    quiz_id=block.id,
                    data=_answers(block.value, right=outcome == "pass"),
                    attempt_number=number,
                )
        elif block.block_type == "reflection":
            text = people["reflections"].get(lesson.slug, {}).get(email)
            if text is None:
                continue  # not written yet
            reflection = services.reflection_submit(
                enrolment=enrolment, lesson=lesson, prompt_id=block.id, text=text
            )
            if review is not None:
                services.reflection_review(
                    reflection=reflection,
                    reviewer=trainer,
                    accepted=review == "accept",
                    feedback=people["feedback"].get(email, people["revision_feedback"]),
                )
    if rules.activities_done(enrolment=enrolment, lesson=lesson):
        services.lesson_complete(enrolment=enrolment, lesson=lesson)


def _enrol(user, cohort: Cohort, status: str, *, days_ago: int) -> Enrolment | None:
    """A new enrolment dated `days_ago`, or None when it exists already (its progress too)."""
    if Enrolment.objects.filter(user=user, cohort=cohort).exists():
        return None
    enrolment = Enrolment.objects.create(user=user, cohort=cohort, status=status)
    when = timezone.now() - timedelta(days=days_ago)
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=when, status_changed_at=when)
    enrolment.refresh_from_db()
    return enrolment


def _backdate(enrolment: Enrolment, when: datetime) -> None:
    """Move the records of a finished cohort back to when they happened."""
    LessonProgress.objects.filter(enrolment=enrolment).update(completed_at=when)
    QuizAttempt.objects.filter(enrolment=enrolment).update(submitted_at=when)
    Reflection.objects.filter(enrolment=enrolment).update(
        submitted_at=when, reviewed_at=when + timedelta(days=2)
    )
    Enrolment.objects.filter(pk=enrolment.pk, status=Status.COMPLETED).update(
        completed_at=when, status_changed_at=when, last_activity_at=when
    )


def _people(courses: dict, cohorts: dict, sessions: dict, trainer) -> None:
    people = read("people")
    users = _trainees(people)
    for spec in people["enrolments"]:
        cohort = cohorts[spec["cohort"]]
        status = spec.get("status", Status.ACTIVE)
        enrolment = _enrol(users[spec["email"]], cohort, status, days_ago=spec["enrolled_days_ago"])
        if enrolment is None:
            continue
        for session_key, present in spec.get("attended", {}).items():
            services.attendance_record(session=sessions[session_key], enrolment=enrolment, present=present)
        lessons = next(found for course, found in courses.values() if course.pk == cohort.course_id)
        for step in spec.get("lessons", []):
            _learn(enrolment, lessons[step["slug"]], trainer, people, step)
        if "finished_days_ago" in spec:
            _backdate(enrolment, timezone.now() - timedelta(days=spec["finished_days_ago"]))


def _certificates(cohorts: dict, trainer) -> int:
    """Certificates of the demo's finished trainees, each in their own language (English, French, Arabic).

    Completion already issues them (through `course_completed`) when the demo commits; issuing here too
    makes the demo complete inside a transaction that is never committed (the tests') and is a no-op
    otherwise: a trainee's valid certificate is returned, not duplicated.
    """
    issued = 0
    for cohort in cohorts.values():
        if not cohort.course.certificate_enabled:
            continue
        for enrolment in cohort.enrolments.filter(status=Status.COMPLETED):
            certificate_issue(enrolment=enrolment, issued_by=trainer)
            issued += 1
    return issued


def load(stdout) -> None:
    english, _french = locales()
    plan = read("cohorts")
    trainer = User.objects.get(email=plan["trainer"])
    demo_courses.video_embed()
    courses = demo_courses.load(english, trainer)
    cohorts = {
        key: _cohort(courses[spec["course"]][0], spec, trainer) for key, spec in plan["cohorts"].items()
    }
    sessions = {key: _session(spec, cohorts, courses) for key, spec in plan["sessions"].items()}
    _people(courses, cohorts, sessions, trainer)
    certificates = _certificates(cohorts, trainer)
    stdout.write(
        f"  learning: {len(courses)} courses in English and French (one in Arabic and Ukrainian too), "
        f"{len(cohorts)} cohorts, "
        f"{len(sessions)} live sessions, {Enrolment.objects.filter(cohort__in=cohorts.values()).count()} "
        f"enrolments, {certificates} certificates"
    )
