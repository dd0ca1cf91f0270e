"""The cohort as CSV or XLSX: roster, progress per lesson and attendance, one row per trainee.

Memory stays bounded whatever the cohort's size: trainees are read in keyset pages (`values()`, no model
instances, their quizzes passed and sessions attended counted in the same query) of about CHUNK_CELLS
progress cells, each page's progress records in one more query, and rows are yielded as they are made.
The CSV streams straight to the client. The XLSX is written by openpyxl in write-only mode, which
flushes rows to a temporary file as they come; the finished file (a few MB for 10,000 trainees) is then
streamed from disk, so only one chunk of rows is ever held in memory.

Every text cell goes through core.spreadsheets.neutralise, the platform's one export path: formulas stay
text and control characters that XLSX cannot hold are dropped, in both formats.

Moments are the reader's local time. The XLSX holds them as real date cells (sortable, shown in the
spreadsheet's own locale); the CSV, which has no types, writes them as ISO text (2027-03-11 14:30), which
no locale reads the wrong way round.
"""

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterator

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.middleware import resolve_zone
from core.spreadsheets import neutralise

from ..models import Attendance, Enrolment, LessonProgress, LiveSession, QuizAttempt
from .selectors import lesson_entries

# Progress records held at once: a chunk is as many trainees as make about this many (trainee, lesson)
# cells, so memory stays flat whether the course has 5 lessons or 80.
CHUNK_CELLS = 5000


# ISO order, unambiguous in every language; the spreadsheet program may show it its own way.
XLSX_MOMENT_FORMAT = "yyyy-mm-dd hh:mm"


def _local_zone() -> datetime.tzinfo:
    # The reader's zone, looked up once per export rather than once per cell (a context-local read each
    # time), and resolved: the middleware's RequestTimeZone converts in Python, the zone itself in C.
    return resolve_zone(timezone.get_current_timezone())


def _naive_moments() -> Callable[[datetime.datetime | None], datetime.datetime | None]:
    """For the XLSX: spreadsheets have no time zones, so a moment is the local time the reader lives in."""
    zone = _local_zone()

    def naive(value):
        return value.astimezone(zone).replace(tzinfo=None) if value else None

    return naive


def _text_moments() -> Callable[[datetime.datetime | None], str]:
    """For the CSV: the local time as ISO text, "" for none. isoformat() is what strftime("%Y-%m-%d %H:%M")
    gives (years of four digits) at a fraction of its cost; the slice drops the UTC offset."""
    zone = _local_zone()

    def text(value):
        return value.astimezone(zone).isoformat(" ", "minutes")[:16] if value else ""

    return text


def header(lessons) -> list[str]:
    return [
        _("Name"),
        _("E-mail"),
        _("Status"),
        _("Requested"),
        _("Last activity"),
        _("Lessons done"),
        _("Progress (%)"),
        _("Quizzes passed"),
        _("Sessions attended"),
        *[lesson.title for lesson in lessons],
    ]


def rows(cohort, *, lessons=None, moment=None) -> Iterator[list]:
    """The header, then one row per trainee, read CHUNK trainees at a time (keyset on the primary key).

    Each moment goes through `moment` (by default, the reader's local time as a naive datetime). Like
    the default, made on the first row, the caller's must be made once the stream starts, so that it
    sees the zone active while the response streams.
    """
    lessons = lesson_entries(cohort) if lessons is None else lessons
    yield [neutralise(str(cell)) for cell in header(lessons)]
    moment = _naive_moments() if moment is None else moment
    keys = [lesson.key for lesson in lessons]
    known = set(keys)
    statuses = {value: str(label) for value, label in Enrolment.Status.choices}
    held = LiveSession.objects.filter(cohort=cohort, starts_at__lte=timezone.now())
    # Counted in the trainees' own query (an indexed subquery per trainee): one round trip, not three.
    passed = _count_of(QuizAttempt.objects.filter(passed=True))
    attended = _count_of(Attendance.objects.filter(present=True, session__in=held))
    chunk_size = max(1, CHUNK_CELLS // max(1, len(keys)))
    last = 0
    while True:
        chunk = list(
            Enrolment.objects.filter(cohort=cohort, pk__gt=last)
            .order_by("pk")
            .values(
                "pk",
                "user__display_name",
                "user__email",
                "status",
                "created_at",
                "last_activity_at",
                passed=passed,
                attended=attended,
            )[:chunk_size]
        )
        if not chunk:
            return
        last = chunk[-1]["pk"]
        ids = [row["pk"] for row in chunk]
        done: dict[int, dict[str, object]] = {}
        for enrolment_id, key, completed in LessonProgress.objects.filter(enrolment_id__in=ids).values_list(
            "enrolment_id", "lesson_key", "completed_at"
        ):
            done.setdefault(enrolment_id, {})[str(key)] = completed
        for row in chunk:
            mine = done.get(row["pk"], {})
            count = len(known.intersection(mine))
            yield [
                neutralise(row["user__display_name"]),
                neutralise(row["user__email"]),
                statuses.get(row["status"], row["status"]),
                moment(row["created_at"]),
                moment(row["last_activity_at"]),
                count,
                round(100 * count / len(keys)) if keys else 0,
                row["passed"],
                row["attended"],
                *[moment(mine.get(key)) for key in keys],
            ]


def _count_of(queryset) -> Coalesce:
    """How many of these records the trainee of the outer row has, 0 for none."""
    per_trainee = queryset.filter(enrolment=OuterRef("pk")).order_by().values("enrolment_id")
    return Coalesce(Subquery(per_trainee.annotate(n=Count("pk")).values("n")), 0)


class _Echo:
    """csv.writer writes to this and gets the line back, so each row can be yielded as it is made."""

    def write(self, value):
        return value


def csv_lines(cohort, request=None) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a BOM, so that spreadsheet programs read UTF-8 (names in any script) correctly
    # With the request, the outline comes from the site cache in one read; without it, it is built
    # afresh, each lesson's URL costing a cache read of Wagtail's site root paths.
    lessons = lesson_entries(cohort, request)
    # Moments arrive as text and every other cell is text or a number: the rows go to the writer as made.
    for row in rows(cohort, lessons=lessons, moment=_text_moments()):
        yield writer.writerow(row)


def _filename(cohort, extension: str) -> str:
    return f"{slugify(cohort.title) or 'cohort'}-{timezone.localdate():%Y-%m-%d}.{extension}"


def csv_response(cohort, request=None) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(cohort, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(cohort, "csv")}"'
    return response


def write_xlsx(cohort, output) -> None:
    # Not a cycle: openpyxl is heavy to import, and only the XLSX export needs it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Trainees")[:31])

    def cell(value):
        if not isinstance(value, datetime.datetime):
            return value
        moment = WriteOnlyCell(sheet, value)
        moment.number_format = XLSX_MOMENT_FORMAT
        return moment

    for row in rows(cohort, moment=_naive_moments()):
        sheet.append([cell(value) for value in row])
    workbook.save(output)


def xlsx_response(cohort) -> FileResponse:
    output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    write_xlsx(cohort, output)
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=_filename(cohort, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
