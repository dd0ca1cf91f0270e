"""Demo learning content: the catalogue, three courses in English and French, cohorts, live sessions and
trainees with realistic progress.

Pages, cohorts and people are looked up by slug, title and e-mail, so a second run creates nothing.
Enrolments are created directly (the services would send e-mails), but progress goes through the
services so the completion rules decide who has finished. Progress is only recorded for an enrolment
created by this run.
"""

import json
import uuid
from datetime import UTC, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale, Page

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from home.models import HomePage

from . import rules, services
from .certificates.services import certificate_issue
from .demo_content import (
    CATALOGUE,
    COURSES,
    FEEDBACK,
    REFLECTIONS,
    TOPICS,
    TRAINEES,
    VIDEO_ID,
    VIDEO_URL,
    localise,
)
from .models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    LiveSession,
    ModulePage,
    QuizAttempt,
    Reflection,
    Topic,
)
from .quiz_format import body_with_item_ids

# Block ids derive from the course and lesson slugs: stable across runs and shared by both languages.
BLOCK_NAMESPACE = uuid.UUID("5b0c9a4e-3d1f-4c53-9a57-4f3f0e7d2b61")
TRAINER_EMAIL = "trainer@example.org"
# Printed by `make run` (manage.py demo_logins) beside the role accounts, as the README lists them.
LOGINS = [("trainee (Arabic)", "nour@example.org")]
Status = Enrolment.Status
REVISION_FEEDBACK = (
    "A strong start. Could you name the person you will meet and by when? Then send it again and I will "
    "accept it."
)


# Pages ------------------------------------------------------------------------------------------


def _block_id(*parts: str) -> str:
    return str(uuid.uuid5(BLOCK_NAMESPACE, "/".join(parts)))


def _lesson_body(course_slug: str, spec: dict, language: str) -> str:
    # Quizzes in the admin's format: wagtail-localize translates nothing in a plain-list ListBlock.
    return json.dumps(
        body_with_item_ids(
            [
                {
                    "type": kind,
                    "id": _block_id(course_slug, spec["slug"].en, str(number)),
                    "value": localise(value, language),
                }
                for number, (kind, value) in enumerate(spec["blocks"])
            ]
        )
    )


def _add_child(parent: Page, page: Page) -> Page:
    # Re-read the parent: its numchild changes with every child added through another instance.
    Page.objects.get(pk=parent.pk).add_child(instance=page)
    return page


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _fill(page: Page, spec: dict, language: str, *, course_slug: str, topics: dict, trainer) -> None:
    """Set the page's fields from its spec in `language` (the slug included)."""
    page.title = getattr(spec["title"], language)
    page.slug = getattr(spec["slug"], language)
    if isinstance(page, CourseIndexPage | ModulePage):
        page.intro = localise(spec["intro"], language)
    elif isinstance(page, CoursePage):
        page.summary = localise(spec["summary"], language)
        page.description = localise(spec["description"], language)
        page.outcomes = [("outcome", text) for text in localise(spec["outcomes"], language)]
        page.topic = topics[spec["topic"]][language]
        for name in (
            "level",
            "format",
            "hours",
            "weeks",
            "min_attendance",
            "requires_signoff",
            "certificate_enabled",
        ):
            setattr(page, name, spec[name])
        page.language = language
        page.trainers = [trainer]
    elif isinstance(page, LessonPage):
        page.intro = localise(spec["intro"], language)
        page.body = _lesson_body(course_slug, spec, language)
        page.minutes = spec["minutes"]
        page.required = spec.get("required", True)


def _page(parent: Page, model, spec: dict, **context) -> Page:
    """The English page under `parent`, created and published if missing."""
    page = model.objects.child_of(parent).filter(slug=spec["slug"].en).first()
    if page is None:
        page = model(locale=parent.locale)
        _fill(page, spec, "en", **context)
        _add_child(parent, page)
        _publish(page)
    return page


def _translate(page: Page, spec: dict, french: Locale, **context) -> Page:
    """The French version of `page`, created and published if missing (its parent must exist)."""
    existing = page.get_translation_or_none(french)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(french, copy_parents=True).specific
    _fill(translation, spec, "fr", **context)
    _publish(translation)
    return translation


def _topics(english: Locale, french: Locale) -> dict:
    topics = {}
    for key, name in TOPICS.items():
        topic = Topic.objects.filter(locale=english, name=name.en).first()
        if topic is None:
            topic = Topic.objects.create(locale=english, name=name.en)
        translated = topic.get_translation_or_none(french)
        if translated is None:
            translated = topic.copy_for_translation(french)
            translated.name = name.fr
            translated.save()
        topics[key] = {"en": topic, "fr": translated}
    return topics


def _video_embed() -> None:
    """The lesson video's embed, stored so that pages render it without fetching from YouTube."""
    Embed.objects.get_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={
            "url": VIDEO_URL,
            "type": "video",
            "html": (
                f'<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/{VIDEO_ID}" '
                'title="Leaders at the 2024 European Democracy Summit" frameborder="0" '
                'allow="encrypted-media; picture-in-picture" allowfullscreen></iframe>'
            ),
            "title": "Leaders at the 2024 European Democracy Summit",
            "provider_name": "YouTube",
            "width": 560,
            "height": 315,
        },
    )


def _courses(english: Locale, french: Locale, trainer) -> dict:
    """Create the catalogue and the courses; returns {course key: (course, {English slug: lesson})}."""
    topics = _topics(english, french)
    home = HomePage.objects.get(locale=english)
    context = {"course_slug": "", "topics": topics, "trainer": trainer}
    index = _page(home, CourseIndexPage, CATALOGUE, **context)
    _translate(index, CATALOGUE, french, **context)

    courses = {}
    for key, spec in COURSES.items():
        context = {"course_slug": spec["slug"].en, "topics": topics, "trainer": trainer}
        course = _page(index, CoursePage, spec, **context)
        _translate(course, spec, french, **context)
        groups = (
            [(None, spec["lessons"])] if "lessons" in spec else [(m, m["lessons"]) for m in spec["modules"]]
        )
        lessons = {}
        for module_spec, lesson_specs in groups:
            parent = course
            if module_spec is not None:
                parent = _page(course, ModulePage, module_spec, **context)
                _translate(parent, module_spec, french, **context)
            for lesson_spec in lesson_specs:
                lesson = _page(parent, LessonPage, lesson_spec, **context)
                _translate(lesson, lesson_spec, french, **context)
                lessons[lesson_spec["slug"].en] = lesson
        courses[key] = (CoursePage.objects.get(pk=course.pk), lessons)
    return courses


# Cohorts and sessions ---------------------------------------------------------------------------


# Cohort titles as readers of other languages see them (the demo's cohorts are named in English).
COHORT_TITLES = {
    "Brussels and online": {"fr": "Bruxelles et en ligne", "ar": "بروكسل وعبر الإنترنت"},
    "Self-paced: start any time": {
        "fr": "À votre rythme : commencez quand vous voulez",
        "ar": "بالسرعة التي تناسبك: ابدأ متى شئت",
    },
}


def _cohort_titles(label: str, starts_on) -> dict:
    titles = {}
    for language, title in COHORT_TITLES.get(label, {}).items():
        with translation.override(language):
            titles[language] = f"{title}, {date_format(starts_on, 'F Y')}" if starts_on else title
    return titles


def _cohort(course: CoursePage, label: str, trainer, **fields) -> Cohort:
    """The cohort of `course` whose title starts with `label`; a dated one is titled by its first month."""
    cohort = Cohort.objects.filter(course=course, title__startswith=label).first()
    starts_on = fields.get("starts_on")
    if cohort is None:
        title = f"{label}, {starts_on:%B %Y}" if starts_on else label
        cohort = Cohort.objects.create(course=course, title=title, **fields)
        cohort.trainers.set([trainer])
    titles = _cohort_titles(label, cohort.starts_on)
    if cohort.titles != titles:
        cohort.titles = titles
        cohort.save(update_fields=["titles"])
    return cohort


def _dates(start: int, end: int) -> dict:
    today = timezone.localdate()
    return {"starts_on": today + timedelta(days=start), "ends_on": today + timedelta(days=end)}


def _cohorts(courses: dict, trainer) -> dict:
    summit, voter, speak_up = courses["summit"][0], courses["voter"][0], courses["speak_up"][0]
    open_, approval, invite = Cohort.Mode.OPEN, Cohort.Mode.APPROVAL, Cohort.Mode.INVITE
    return {
        "summit_open": _cohort(
            summit, "Brussels and online", trainer, capacity=30, enrolment_mode=open_, **_dates(-21, 35)
        ),
        "summit_approval": _cohort(
            summit, "Online evening cohort", trainer, capacity=20, enrolment_mode=approval, **_dates(70, 112)
        ),
        "summit_full": _cohort(
            summit, "Lisbon summit week", trainer, capacity=3, enrolment_mode=open_, **_dates(100, 106)
        ),
        "voter_past": _cohort(
            voter,
            "Online cohort",
            trainer,
            capacity=25,
            enrolment_mode=Cohort.Mode.CLOSED,
            language="fr",
            **_dates(-110, -40),
        ),
        "voter_open": _cohort(
            voter, "Brussels", trainer, capacity=25, enrolment_mode=open_, language="fr", **_dates(-14, 21)
        ),
        "voter_invite": _cohort(
            voter,
            "Liège partner associations",
            trainer,
            capacity=15,
            enrolment_mode=invite,
            invite_code="VOTE-2027",
            language="fr",
            **_dates(84, 112),
        ),
        "speak_up_self": _cohort(speak_up, "Self-paced: start any time", trainer, enrolment_mode=open_),
        # A second cohort with requests waiting, so the trainer's workspace has two to answer.
        "voter_approval": _cohort(
            voter,
            "Namur evening cohort",
            trainer,
            capacity=10,
            enrolment_mode=approval,
            language="fr",
            **_dates(60, 100),
        ),
    }


def _at(days: int, hour: int) -> datetime:
    """`days` from today at `hour` UTC."""
    return datetime.combine(timezone.localdate() + timedelta(days=days), time(hour), tzinfo=UTC)


def _session(cohort: Cohort, title: str, lesson: LessonPage | None, days: int, **fields) -> LiveSession:
    starts_at = _at(days, fields.pop("hour", 17))
    session, _created = LiveSession.objects.get_or_create(
        cohort=cohort,
        title=title,
        defaults={
            "lesson_key": lesson.translation_key if lesson else None,
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(minutes=fields.pop("minutes", 90)),
            "time_zone": "Europe/Brussels",
            **fields,
        },
    )
    return session


def _sessions(cohorts: dict, courses: dict) -> dict:
    meeting = courses["summit"][1]["meeting-decision-makers"]
    clinic = courses["voter"][1]["live-clinic-plan-your-campaign"]
    online = "https://meet.jit.si/mutual-learning-"
    office = "Migration Policy Group, Rue Belliard 205, 1040 Brussels"
    return {
        "summit_past": _session(
            cohorts["summit_open"], "Kick-off: who decides what", None, -10, online_url=online + "kickoff"
        ),
        "summit_next": _session(
            cohorts["summit_open"],
            "Practice session: three minutes to convince",
            meeting,
            8,
            minutes=120,
            location=office,
            online_url=online + "practice",
        ),
        "voter_past": _session(
            cohorts["voter_open"], "Campaign clinic", clinic, -4, online_url=online + "clinic-winter"
        ),
        "voter_next": _session(
            cohorts["voter_open"], "Sharing first results", None, 12, hour=11, location=office
        ),
        "voter_old_clinic": _session(
            cohorts["voter_past"], "Campaign clinic", clinic, -80, online_url=online + "clinic-autumn"
        ),
        "voter_old_results": _session(
            cohorts["voter_past"], "Sharing results", None, -50, online_url=online + "results-autumn"
        ),
    }


# People -----------------------------------------------------------------------------------------


def _trainees() -> dict:
    people = {"trainee@example.org": User.objects.get(email="trainee@example.org")}
    password = None  # hashed once: the hasher is deliberately slow
    for email, name, language, city, country, nationality, organisation in TRAINEES:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "certificate_name": name,
                "language": language,
                "city": city,
                "country": country,
                "nationality": nationality,
                "organisation": organisation,
            },
        )
        if created:
            password = password or make_password(DEMO_PASSWORD)
            user.password = password
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        people[email] = user
    return people


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


def _learn(enrolment: Enrolment, lesson: LessonPage, trainer, *, quiz=("pass",), review=None) -> None:
    """Work through a lesson: quiz attempts ("fail"/"pass"), the reflection, then complete it."""
    email = enrolment.user.email
    for block in lesson.body:
        if block.block_type == "quiz":
            for number, outcome in enumerate(quiz, start=1):
                services.quiz_submit(
                    enrolment=enrolment,
                    lesson=lesson,
                    quiz_id=block.id,
                    data=_answers(block.value, right=outcome == "pass"),
                    attempt_number=number,
                )
        elif block.block_type == "reflection":
            text = REFLECTIONS.get(lesson.slug, {}).get(email)
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
                    feedback=FEEDBACK.get(email, REVISION_FEEDBACK),
                )
    if rules.activities_done(enrolment=enrolment, lesson=lesson):
        services.lesson_complete(enrolment=enrolment, lesson=lesson)


# Who is where and how far they got. Lessons are English slugs, with the quiz attempts ("fail", "pass")
# and the trainer's review of the reflection ("accept", "revise"); attended is per past live session.
SUMMIT_OPEN = [
    (
        "trainee@example.org",
        [
            ("who-decides-what", {}),
            ("political-rights-of-residents", {"quiz": ("fail", "pass")}),
            ("telling-your-communitys-story", {}),
        ],
        True,
    ),
    ("yusuf@example.org", [("who-decides-what", {})], False),
    ("olena@example.org", [("who-decides-what", {}), ("political-rights-of-residents", {})], True),
    (
        "karim@example.org",
        [
            ("who-decides-what", {}),
            ("political-rights-of-residents", {"quiz": ("fail", "pass")}),
            ("telling-your-communitys-story", {}),
        ],
        True,
    ),
    (
        "ngozi@example.org",
        [
            ("who-decides-what", {}),
            ("political-rights-of-residents", {}),
            ("telling-your-communitys-story", {"review": "revise"}),
            ("meeting-decision-makers", {}),
        ],
        True,
    ),
]
VOTER_PAST = [
    ("trainee@example.org", {"measuring-results": {"review": "accept"}}, (True, True)),
    ("grace@example.org", {"measuring-results": {"review": "accept"}}, (True, True)),
    ("nour@example.org", {"measuring-results": {"review": "accept"}}, (True, True)),
    (
        "leila@example.org",
        {"rules-and-deadlines-quiz": {"quiz": ("fail", "pass")}, "measuring-results": {"review": "accept"}},
        (True, False),
    ),
]
VOTER_OPEN = [
    ("fatima@example.org", ["who-can-register", "reaching-diverse-voters"], True),
    ("yusuf@example.org", ["who-can-register"], False),
    (
        "olena@example.org",
        ["who-can-register", "reaching-diverse-voters", "rules-and-deadlines-quiz:fail"],
        False,
    ),
    (
        "samuel@example.org",
        [
            "who-can-register",
            "reaching-diverse-voters",
            "rules-and-deadlines-quiz",
            "live-clinic-plan-your-campaign",
        ],
        True,
    ),
]
WAITING = [
    ("summit_approval", "fatima@example.org", Status.PENDING),
    ("summit_approval", "reza@example.org", Status.PENDING),
    ("summit_full", "samuel@example.org", Status.ACTIVE),
    ("summit_full", "leila@example.org", Status.ACTIVE),
    ("summit_full", "aissatou@example.org", Status.ACTIVE),
    ("summit_full", "grace@example.org", Status.WAITLISTED),
    ("summit_full", "hamid@example.org", Status.WAITLISTED),
    ("voter_invite", "hamid@example.org", Status.ACTIVE),
    ("voter_invite", "aissatou@example.org", Status.ACTIVE),
    ("voter_approval", "karim@example.org", Status.PENDING),
    ("voter_approval", "ngozi@example.org", Status.PENDING),
]
SELF_PACED = [
    (
        "karim@example.org",
        ["what-is-discrimination", "where-to-turn", "speaking-up-safely"],
        "accept",
    ),
    ("reza@example.org", ["what-is-discrimination"], None),
    ("aissatou@example.org", ["what-is-discrimination", "where-to-turn"], None),
]


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


def _attend(sessions, enrolment: Enrolment, attended) -> None:
    for session, present in zip(sessions, attended, strict=True):
        services.attendance_record(session=session, enrolment=enrolment, present=present)


def _people(courses: dict, cohorts: dict, sessions: dict, trainer) -> None:
    people = _trainees()
    summit_lessons, voter_lessons, speak_up_lessons = (courses[key][1] for key in COURSES)

    for offset, (email, lessons, attended) in enumerate(SUMMIT_OPEN):
        enrolment = _enrol(people[email], cohorts["summit_open"], Status.ACTIVE, days_ago=28 - offset)
        if enrolment is None:
            continue
        _attend([sessions["summit_past"]], enrolment, [attended])
        for slug, options in lessons:
            _learn(enrolment, summit_lessons[slug], trainer, **options)

    for offset, (email, options, attended) in enumerate(VOTER_PAST):
        enrolment = _enrol(people[email], cohorts["voter_past"], Status.ACTIVE, days_ago=118 - offset)
        if enrolment is None:
            continue
        _attend([sessions["voter_old_clinic"], sessions["voter_old_results"]], enrolment, attended)
        for slug, lesson in voter_lessons.items():
            _learn(enrolment, lesson, trainer, **options.get(slug, {}))
        _backdate(enrolment, timezone.now() - timedelta(days=45 + offset))

    for offset, (email, steps, attended) in enumerate(VOTER_OPEN):
        enrolment = _enrol(people[email], cohorts["voter_open"], Status.ACTIVE, days_ago=20 - offset)
        if enrolment is None:
            continue
        _attend([sessions["voter_past"]], enrolment, [attended])
        for step in steps:
            slug, _sep, outcome = step.partition(":")
            _learn(enrolment, voter_lessons[slug], trainer, quiz=(outcome or "pass",))

    for offset, (cohort_key, email, status) in enumerate(WAITING):
        _enrol(people[email], cohorts[cohort_key], status, days_ago=15 - offset)

    for offset, (email, slugs, review) in enumerate(SELF_PACED):
        enrolment = _enrol(people[email], cohorts["speak_up_self"], Status.ACTIVE, days_ago=60 - 10 * offset)
        if enrolment is None:
            continue
        for slug in slugs:
            _learn(enrolment, speak_up_lessons[slug], trainer, review=review)


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    french, _created = Locale.objects.get_or_create(language_code="fr")
    trainer = User.objects.get(email=TRAINER_EMAIL)
    _video_embed()
    courses = _courses(english, french, trainer)
    cohorts = _cohorts(courses, trainer)
    sessions = _sessions(cohorts, courses)
    _people(courses, cohorts, sessions, trainer)
    certificates = _certificates(cohorts, trainer)
    stdout.write(
        f"  learning: {len(courses)} courses in English and French, {len(cohorts)} cohorts, "
        f"{len(sessions)} live sessions, {Enrolment.objects.filter(cohort__in=cohorts.values()).count()} "
        f"enrolments, {certificates} certificates"
    )


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
