"""The CSV export, byte for byte, against the straightforward way of writing it.

The export converts and formats its moments the fast way (issue 13: 100,000 dates per export); this
builds the same file the plain way, cell by cell with Django's own localtime() and strftime(), from
records read through the ORM, and compares the bytes: quoting, formula escaping, control characters,
the reader's language and time zone (across both daylight-saving changes), minutes cut, not rounded.
"""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation

from learning.models import Attendance, Enrolment, LessonProgress, QuizAttempt
from tests.factories import LiveSessionFactory, lessons_of

from .conftest import Status, enrol, url

pytestmark = pytest.mark.django_db

NAMES = [
    '=HYPERLINK("http://x")',
    "@Reza",
    "-1+2",
    'Amina, "the" organiser\nsecond line',
    "Zoë\x0bWith\x07control",  # not NUL: PostgreSQL text cannot hold it (the sign-up form refuses it too)
    "مريم",
    "\tTabbed",
]
# UTC moments around Berlin's changes of 2026 (29 March, 26 October) and a last second of a minute.
MOMENTS = [
    datetime(2026, 3, 29, 0, 59, 59, 999999, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 59, 30, tzinfo=UTC),
]


@pytest.fixture
def varied(cohort):
    cohort.capacity = None
    cohort.save()
    lessons = lessons_of(cohort.course)
    session = LiveSessionFactory(cohort=cohort, starts_at=timezone.now() - timedelta(days=1))
    for number, name in enumerate(NAMES):
        status = [Status.ACTIVE, Status.PENDING, Status.COMPLETED][number % 3]
        enrolment = enrol(cohort, status, display_name=name, email=f"p{number}@example.org")
        LessonProgress.objects.bulk_create(
            LessonProgress(
                enrolment=enrolment,
                lesson=lesson,
                lesson_key=lesson.translation_key,
                completed_at=MOMENTS[(number + lesson_number) % len(MOMENTS)],
            )
            for lesson_number, lesson in enumerate(lessons[: number % (len(lessons) + 1)])
        )
        Attendance.objects.create(session=session, enrolment=enrolment, present=bool(number % 2))
        Enrolment.objects.filter(pk=enrolment.pk).update(
            created_at=MOMENTS[number % len(MOMENTS)],
            last_activity_at=None if number == 1 else MOMENTS[(number + 1) % len(MOMENTS)],
        )
    passed = Enrolment.objects.filter(cohort=cohort).order_by("pk").first()
    QuizAttempt.objects.create(
        enrolment=passed,
        lesson=lessons[0],
        lesson_key=lessons[0].translation_key,
        quiz_id="q",
        number=1,
        score=100,
        passed=True,
    )
    return cohort


def plain_csv(cohort) -> bytes:
    """The export as it was written before issue 13: every cell through localtime() and strftime()."""

    def moment(value):
        return timezone.make_naive(timezone.localtime(value)).strftime("%Y-%m-%d %H:%M") if value else ""

    def text(value):
        value = "".join(c for c in value if c in "\t\n\r" or ord(c) >= 32)
        return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value

    lessons = lessons_of(cohort.course)
    keys = [lesson.translation_key for lesson in lessons]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            text(str(cell))
            for cell in [
                translation.gettext("Name"),
                translation.gettext("E-mail"),
                translation.gettext("Status"),
                translation.gettext("Requested"),
                translation.gettext("Last activity"),
                translation.gettext("Lessons done"),
                translation.gettext("Progress (%)"),
                translation.gettext("Quizzes passed"),
                translation.gettext("Sessions attended"),
                *[lesson.title for lesson in lessons],
            ]
        ]
    )
    for enrolment in Enrolment.objects.filter(cohort=cohort).select_related("user").order_by("pk"):
        done = {p.lesson_key: p.completed_at for p in LessonProgress.objects.filter(enrolment=enrolment)}
        count = sum(key in done for key in keys)
        writer.writerow(
            [
                text(enrolment.user.display_name),
                text(enrolment.user.email),
                str(enrolment.get_status_display()),
                moment(enrolment.created_at),
                moment(enrolment.last_activity_at),
                count,
                round(100 * count / len(keys)),
                QuizAttempt.objects.filter(enrolment=enrolment, passed=True).count(),
                Attendance.objects.filter(enrolment=enrolment, present=True).count(),
                *[moment(done.get(key)) for key in keys],
            ]
        )
    return ("\ufeff" + out.getvalue()).encode()


@pytest.mark.parametrize(
    ("language", "zone"), [("en", "UTC"), ("fr", "Europe/Berlin"), ("ar", "Asia/Kolkata")]
)
def test_csv_is_byte_for_byte_the_plain_export(client, trainer, varied, language, zone):
    trainer.language, trainer.time_zone = language, zone
    trainer.save()
    client.force_login(trainer)
    with translation.override(language):
        response = client.get(url("export_csv", varied.pk))
        body = b"".join(response.streaming_content)
        # The reader's zone, as the middleware left it active for the stream.
        with timezone.override(zone):
            expected = plain_csv(varied)

    assert response.status_code == 200
    assert body == expected
    if zone == "Europe/Berlin":  # the oracle itself: 00:59:59.999 UTC is 01:59 in Berlin, 01:00 UTC is 03:00
        assert "2026-03-29 01:59" in body.decode() and "2026-03-29 03:00" in body.decode()
