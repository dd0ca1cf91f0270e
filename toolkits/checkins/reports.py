"""The admin's "Overdue check-ins" report (registered in toolkits/wagtail_hooks.py): staff only, like the
plans it names, with Wagtail's own CSV and XLSX export."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from ..selectors import sees_every_plan
from .selectors import overdue_checkins


def _checkin_url(checkin) -> str:
    return reverse("toolkits:checkin", kwargs={"public_id": checkin.plan.public_id, "months": checkin.months})


class OverdueCheckInReportView(ReportView):
    page_title = _("Overdue check-ins")
    header_icon = "warning"
    index_url_name = "toolkits_overdue_checkins_report"
    index_results_url_name = "toolkits_overdue_checkins_report_results"
    columns = [
        TitleColumn("plan", label=_("Plan"), get_url=_checkin_url),
        Column("pairing", label=_("Pairing")),
        Column("city", label=_("City"), accessor=lambda checkin: checkin.plan.organisation.name),
        Column("months", label=_("Check-in (months)")),
        DateColumn("due_on", label=_("Due on")),
        Column("days_overdue", label=_("Days overdue")),
    ]
    list_export = ["plan.title", "pairing", "plan.organisation.name", "months", "due_on", "days_overdue"]
    export_headings = {
        "plan.title": _("Plan"),
        "pairing": _("Pairing"),
        "plan.organisation.name": _("City"),
        "months": _("Check-in (months)"),
        "due_on": _("Due on"),
        "days_overdue": _("Days overdue"),
    }

    def dispatch(self, request, *args, **kwargs):
        # Which city is late with its plan is the city's business: staff only, like every plan.
        if not sees_every_plan(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return overdue_checkins()
