"""Reads for the learning pages. Each page's data comes in a fixed number of queries, however many
lessons, cohorts or enrolments there are; the course outline, the same for everyone, is cached. The
catalogue's reads are in catalogue.py, the course page's in course_page.py, *My learning*'s in
my_learning.py, the completion page's in completion.py."""

import hashlib
import uuid
from dataclasses import dataclass, field

from django.db.models import CharField, F, OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Cast
from wagtail.models import Page

from accounts.roles import TRAINERS
from core.compiled_query import CompiledQuery, Param
from core.site_cache import cached_per_site

from . import grading, rules
from .models import (
    Cohort,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    LiveSession,
    ModulePage,
    QuizAttempt,
    Reflection,
)

Status = Enrolment.Status


# The course outline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutlineEntry:
    kind: str  # "module" or "lesson"
    pk: int
    title: str
    url: str
    key: str  # translation_key, shared by every language version
    required: bool
    minutes: int | None


OUTLINE_FIELDS = ("title", "url_path", "path", "depth", "translation_key", "content_type_id", "locale_id")


def course_outline(course: CoursePage, request=None) -> list[OutlineEntry]:
    """Modules and lessons of a live course in tree order (one query, then cached with the content)."""
    return _outline_and_prerequisite_pks(course, request)[0]


def course_outline_and_prerequisites(
    course: CoursePage, request=None
) -> tuple[list[OutlineEntry], list[Page]]:
    """The course outline and the course's prerequisite courses (live or not, in tree order, as
    `course.prerequisites.all()`): in the same query when the outline is not cached. When it is, the
    prerequisites' ids come with it (they are the course's content, published with it), so that a
    course without any (most of them) makes no query for them."""
    read_along: list[list[Page]] = []
    entries, prerequisite_pks = _outline_and_prerequisite_pks(course, request, read_along)
    if read_along:
        return entries, read_along[0]
    if not prerequisite_pks:
        return entries, []
    return entries, list(Page.objects.filter(pk__in=prerequisite_pks).order_by("path"))


def _outline_and_prerequisite_pks(course: CoursePage, request=None, read_along=None):
    """(outline entries, prerequisite page ids), cached with the content; a fresh read appends the
    prerequisite pages themselves to `read_along`."""

    def compute():
        links = CoursePage.prerequisites.through.objects.filter(from_coursepage=course)
        outline = (
            Page.objects.live_q()
            & Page.objects.descendant_of_q(course)
            & Page.objects.type_q(LessonPage, *_module_types())
        )
        pages = (
            Page.objects.filter(outline | Q(pk__in=links.values("to_coursepage")))
            .order_by("path")
            .annotate(lesson_required=F("lessonpage__required"), lesson_minutes=F("lessonpage__minutes"))
            .only(*OUTLINE_FIELDS, "live")
        )
        entries, others = [], []
        for page in pages:
            # A prerequisite is another course: never one of this course's lessons or modules.
            if page.path.startswith(course.path) and page.depth > course.depth:
                entries.append(_outline_entry(page, request))
            else:
                others.append(page)
        if read_along is not None:
            read_along.append(others)
        return entries, [page.pk for page in others]

    if request is None:
        return compute()
    return cached_per_site(request, f"course-outline-and-prerequisites:{course.pk}", compute)


def _outline_entry(page: Page, request) -> OutlineEntry:
    return OutlineEntry(
        kind="lesson" if page.lesson_required is not None else "module",
        pk=page.pk,
        title=page.title,
        url=page.get_url(request),
        key=str(page.translation_key),
        required=bool(page.lesson_required),
        minutes=page.lesson_minutes,
    )


def _module_types():
    return (ModulePage,)


def progress_percent(done_keys: set[str], outline: list[OutlineEntry]) -> int:
    lessons = [entry for entry in outline if entry.kind == "lesson"]
    if not lessons:
        return 0
    return round(100 * sum(entry.key in done_keys for entry in lessons) / len(lessons))


def next_lesson(done_keys: set[str], outline: list[OutlineEntry]) -> OutlineEntry | None:
    lessons = [entry for entry in outline if entry.kind == "lesson"]
    return next((entry for entry in lessons if entry.key not in done_keys), lessons[0] if lessons else None)


def with_done_keys(enrolments):
    """Enrolments carrying the translation keys of their finished lessons, read in the same query (a
    subquery) rather than in one of their own: see `enrolment_done_keys`."""
    return enrolments.annotate(done_lesson_keys=_DONE_KEYS)


# Built once: the subquery is the same for every enrolment (OuterRef), and annotate() resolves a copy of
# it, so the course and lesson pages do not rebuild its queryset on every request.
_DONE_KEYS = Subquery(
    LessonProgress.objects.filter(enrolment=OuterRef("pk"))
    .values("enrolment")
    .annotate(keys=StringAgg(Cast("lesson_key", CharField()), delimiter=Value(",")))
    .values("keys")
)


def enrolment_done_keys(enrolment: Enrolment | None) -> set[str]:
    if enrolment is None:
        return set()
    if hasattr(enrolment, "done_lesson_keys"):  # read along (with_done_keys)
        # The database's text for a UUID (hex on SQLite, hyphenated on PostgreSQL), as str(UUID).
        return {str(uuid.UUID(key)) for key in (enrolment.done_lesson_keys or "").split(",") if key}
    return {
        str(key)
        for key in LessonProgress.objects.filter(enrolment=enrolment).values_list("lesson_key", flat=True)
    }


# Lesson access ----------------------------------------------------------------------------------


@dataclass
class LessonAccess:
    allowed: bool
    course: CoursePage | None = None
    enrolment: Enrolment | None = None
    done_keys: frozenset[str] = frozenset()
    attempts: dict[str, list[QuizAttempt]] = field(default_factory=dict)
    reflections: dict[str, Reflection] = field(default_factory=dict)


def learning_enrolment(*, user, course: CoursePage, with_cohort: bool = True) -> Enrolment | None:
    """The trainee's active or completed enrolment in the course, in any language: the one place the
    database lets a person hold in a course (`one_current_enrolment_per_course`), never "the newest".
    `with_cohort=False` for the lesson page, which needs only its cohort's id: the join and its columns
    were a third of the cost of building and reading this query."""
    if not user.is_authenticated:
        return None
    read = _learning_enrolment_with_cohort if with_cohort else _learning_enrolment
    found = read(user=user.pk, course=course.translation_key)
    return found[0] if found else None


def _learning_enrolment_query(with_cohort: bool) -> CompiledQuery:
    # Every course and lesson page a trainee opens runs it: compiled once (core.compiled_query).
    def build():
        enrolments = with_done_keys(
            Enrolment.objects.filter(
                user=Param("user", Enrolment._meta.get_field("user").target_field),
                status__in=Enrolment.LEARNING,
                course_key=Param("course", Enrolment._meta.get_field("course_key")),
            )
        )
        return (enrolments.select_related("cohort") if with_cohort else enrolments).order_by(
            *Enrolment._meta.ordering
        )[:1]

    return CompiledQuery(Enrolment, build)


_learning_enrolment = _learning_enrolment_query(with_cohort=False)
_learning_enrolment_with_cohort = _learning_enrolment_query(with_cohort=True)


def can_view_all_lessons(*, user, course: CoursePage) -> bool:
    """Editors, trainers and the course's cohort trainers read lessons without being enrolled."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.has_perm("wagtailadmin.access_admin")
        or user.groups.filter(name=TRAINERS).exists()
        or Cohort.objects.filter(course__translation_key=course.translation_key, trainers=user).exists()
    )


def lesson_course(lesson: LessonPage, request=None) -> CoursePage | None:
    """The course a lesson belongs to (cached with the content: lessons do not move between requests)."""

    def compute():
        return CoursePage.objects.ancestor_of(lesson).first()

    if request is None or getattr(request, "is_preview", False):
        return compute()
    return cached_per_site(request, f"lesson-course:{lesson.pk}", compute)


def lesson_access(*, lesson: LessonPage, user, request=None) -> LessonAccess:
    """Whether `user` may read `lesson`, with their enrolment and records in its course: read fresh, in a
    fixed few indexed queries (the enrolment, the finished lessons, one per kind of activity)."""
    if not user.is_authenticated:
        return LessonAccess(allowed=False)
    course = lesson_course(lesson, request)
    if course is None:  # a lesson being previewed before it has a place in a course
        return LessonAccess(allowed=user.has_perm("wagtailadmin.access_admin"))
    enrolment, done = _course_records(user, course)
    attempts, reflections = _lesson_records(enrolment, lesson)
    allowed = enrolment is not None or can_view_all_lessons(user=user, course=course)
    return LessonAccess(
        allowed=allowed,
        course=course,
        enrolment=enrolment,
        done_keys=done,
        attempts=attempts,
        reflections=reflections,
    )


def _course_records(user, course: CoursePage) -> tuple[Enrolment | None, frozenset[str]]:
    enrolment = learning_enrolment(user=user, course=course, with_cohort=False)
    return enrolment, frozenset(enrolment_done_keys(enrolment))


def _lesson_records(
    enrolment: Enrolment | None, lesson: LessonPage
) -> tuple[dict[str, list[QuizAttempt]], dict[str, Reflection]]:
    """The trainee's attempts per quiz and reflections per prompt in `lesson` (a query only per kind
    of activity the lesson has)."""
    attempts: dict[str, list[QuizAttempt]] = {}
    reflections: dict[str, Reflection] = {}
    if enrolment is None:
        return attempts, reflections
    quizzes, prompts = rules.activity_ids(lesson)
    if quizzes:
        for attempt in _lesson_attempts(enrolment=enrolment.pk, lesson=lesson.translation_key):
            attempts.setdefault(attempt.quiz_id, []).append(attempt)
    if prompts:
        reflections = {
            reflection.prompt_id: reflection
            for reflection in _lesson_reflections(enrolment=enrolment.pk, lesson=lesson.translation_key)
        }
    return attempts, reflections


def _records_in_lesson(model) -> CompiledQuery:
    """The trainee's rows of `model` in one lesson, in the model's order (compiled once: every lesson page
    with an activity reads them)."""
    return CompiledQuery(
        model,
        lambda: model.objects.filter(
            enrolment=Param("enrolment", model._meta.get_field("enrolment").target_field),
            lesson_key=Param("lesson", model._meta.get_field("lesson_key")),
        ),
    )


_lesson_attempts = _records_in_lesson(QuizAttempt)
_lesson_reflections = _records_in_lesson(Reflection)


# The lesson page --------------------------------------------------------------------------------


@dataclass
class QuizState:
    attempts: list[QuizAttempt]
    max_attempts: int
    result: grading.QuizResult | None = None

    @property
    def passed(self) -> bool:
        return any(attempt.passed for attempt in self.attempts)

    @property
    def next_number(self) -> int:
        return len(self.attempts) + 1

    @property
    def attempts_left(self) -> int | None:
        if not self.max_attempts:
            return None
        return max(self.max_attempts - len(self.attempts), 0)

    @property
    def can_attempt(self) -> bool:
        return not self.passed and self.attempts_left != 0


@dataclass
class BodyItem:
    block: object
    quiz: QuizState | None = None
    reflection: Reflection | None = None
    sessions: list = field(default_factory=list)


def lesson_detail(*, lesson: LessonPage, access: LessonAccess, request=None) -> dict:
    enrolment = access.enrolment
    outline = course_outline(access.course, request) if access.course else []
    done = access.done_keys
    lessons = [entry for entry in outline if entry.kind == "lesson"]
    position = next((i for i, entry in enumerate(lessons) if entry.pk == lesson.pk), None)
    quizzes, prompts = rules.activity_ids(lesson)
    attempts, reflections = access.attempts, access.reflections

    # Sessions are the cohort's, changed by its trainers: read each time, and only for lessons showing one.
    sessions: list[LiveSession] = []
    if enrolment is not None and any(block.block_type == "live_session" for block in lesson.body):
        sessions = list(
            LiveSession.objects.filter(cohort_id=enrolment.cohort_id).filter(
                Q(lesson_key=lesson.translation_key) | Q(lesson_key__isnull=True)
            )
        )

    items = []
    for block in lesson.body:
        item = BodyItem(block=block)
        if block.block_type == "quiz":
            tried = attempts.get(block.id, [])
            item.quiz = QuizState(attempts=tried, max_attempts=block.value["max_attempts"])
            if tried:
                item.quiz.result = grading.grade(block.value, _chosen(tried[-1]))
        elif block.block_type == "reflection":
            item.reflection = reflections.get(block.id)
        elif block.block_type == "live_session":
            item.sessions = sessions
        items.append(item)

    return {
        "course": access.course,
        "enrolment": enrolment,
        "outline": outline,
        "done_keys": done,
        "done_digest": _digest(done),
        "lesson_done": str(lesson.translation_key) in done,
        "has_activities": bool(quizzes or prompts),
        "has_quiz": bool(quizzes),
        "has_reflection": bool(prompts),
        "percent": progress_percent(done, outline),
        "previous_lesson": lessons[position - 1] if position else None,
        "next_lesson": lessons[position + 1]
        if position is not None and position + 1 < len(lessons)
        else None,
        "body_items": items,
    }


def _digest(keys: set[str]) -> str:
    """A short name for a set of completed lessons: the rendered outline is cached per progress state."""
    return hashlib.sha256(",".join(sorted(keys)).encode()).hexdigest()[:16]


def _chosen(attempt: QuizAttempt) -> dict[int, tuple[int, ...]]:
    return {int(number): tuple(indexes) for number, indexes in attempt.answers.items()}
