"""The admin side: snippets for themes, organisations and pairings, the downloads report, and a guard
that keeps an editor's delete from destroying cities' plans."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .checkins.reports import OverdueCheckInReportView
from .models import ActionPlan, DownloadEvent, Organisation, Pairing, Theme
from .selectors import download_report_rows, readable_plans, report_toolkits, sees_every_plan


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "city", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "city"]


class PairingViewSet(SnippetViewSet):
    model = Pairing
    icon = "link"
    list_display = ["mentor", "mentee", "theme", "starts_on", "ends_on"]


class ToolkitSnippets(SnippetViewSetGroup):
    menu_label = _("Cities")
    menu_icon = "site"
    menu_order = 250
    items = (ThemeViewSet, OrganisationViewSet, PairingViewSet)


register_snippet(ToolkitSnippets)


# --- Downloads report ---------------------------------------------------------------------------------
class DownloadReportFilterSet(WagtailFilterSet):
    downloaded_at = django_filters.DateFromToRangeFilter(label=_("Downloaded"), widget=DateRangePickerWidget)
    # One choice per toolkit, matching its downloads through every language's alias or translation.
    toolkit = django_filters.ModelChoiceFilter(
        label=_("Toolkit"), queryset=lambda request: report_toolkits(), method="by_source"
    )
    city = django_filters.CharFilter(label=_("City"), lookup_expr="iexact")

    class Meta:
        model = DownloadEvent
        fields = ["downloaded_at", "toolkit", "city"]

    def by_source(self, queryset, name, value):
        return queryset.filter(toolkit__translation_key=value.translation_key) if value else queryset


def _month(value) -> str:
    return value.strftime("%Y-%m") if value else ""  # CSV: ISO text, read the same way everywhere


def _month_cell(value):
    # XLSX: a real date (the month's first day, local time), shown as a month by write_xlsx_row below.
    return timezone.make_naive(value) if value else None


class DownloadReportView(ReportView):
    page_title = _("Toolkit downloads")
    header_icon = "download"
    index_url_name = "toolkits_downloads_report"
    index_results_url_name = "toolkits_downloads_report_results"
    filterset_class = DownloadReportFilterSet
    columns = [
        Column("month", label=_("Month"), accessor=lambda row: _month(row["month"])),
        Column("toolkit_title", label=_("Toolkit")),
        Column("document_title", label=_("Document")),
        Column("city", label=_("City")),
        Column("organisation", label=_("Organisation")),
        Column("downloads", label=_("Downloads")),
    ]
    list_export = ["month", "toolkit_title", "document_title", "city", "organisation", "downloads"]
    export_headings = {
        "month": _("Month"),
        "toolkit_title": _("Toolkit"),
        "document_title": _("Document"),
        "city": _("City"),
        "organisation": _("Organisation"),
        "downloads": _("Downloads"),
    }
    custom_field_preprocess = {"month": {"csv": _month, "xlsx": _month_cell}}

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        cells = super().generate_xlsx_row(worksheet, row_dict, date_format)
        for field, cell in zip(row_dict, cells, strict=True):
            if field == "month" and cell.value:
                cell.number_format = "yyyy-mm"
            yield cell

    def dispatch(self, request, *args, **kwargs):
        # Cities and organisations come from people's profiles: staff only, like the plans they belong to.
        if not sees_every_plan(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return download_report_rows()

    def filter_queryset(self, queryset):
        # The filters narrow the events before they are grouped.
        events = super().filter_queryset(DownloadEvent.objects.all())
        return queryset.filter(pk__in=events.values("pk"))


class PlanReportView(ReportView):
    """The plans the viewer may read (staff: every plan, DESIGN §3); each title opens the plan itself."""

    page_title = _("Action plans")
    header_icon = "list-ul"
    index_url_name = "toolkits_plans_report"
    index_results_url_name = "toolkits_plans_report_results"
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            get_url=lambda plan: reverse("toolkits:plan", kwargs={"public_id": plan.public_id}),
        ),
        Column("organisation", label=_("Organisation")),
        Column("get_status_display", label=_("Status")),
        Column("updated_at", label=_("Updated")),
    ]
    list_export = ["title", "organisation.name", "status", "template_title", "created_at", "updated_at"]
    export_headings = {"organisation.name": _("Organisation"), "template_title": _("Template")}

    def get_queryset(self):
        return readable_plans(user=self.request.user).select_related("organisation").order_by("-updated_at")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/action-plans/", PlanReportView.as_view(), name="toolkits_plans_report"),
        path(
            "reports/action-plans/results/",
            PlanReportView.as_view(results_only=True),
            name="toolkits_plans_report_results",
        ),
        path("reports/toolkit-downloads/", DownloadReportView.as_view(), name="toolkits_downloads_report"),
        path(
            "reports/toolkit-downloads/results/",
            DownloadReportView.as_view(results_only=True),
            name="toolkits_downloads_report_results",
        ),
        path(
            "reports/overdue-checkins/",
            OverdueCheckInReportView.as_view(),
            name="toolkits_overdue_checkins_report",
        ),
        path(
            "reports/overdue-checkins/results/",
            OverdueCheckInReportView.as_view(results_only=True),
            name="toolkits_overdue_checkins_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_plans_menu_item():
    return MenuItem(_("Action plans"), reverse("toolkits_plans_report"), icon_name="list-ul", order=1090)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_every_plan(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return StaffMenuItem(
        _("Toolkit downloads"), reverse("toolkits_downloads_report"), icon_name="download", order=1100
    )


@hooks.register("register_reports_menu_item")
def register_overdue_checkins_menu_item():
    return StaffMenuItem(
        _("Overdue check-ins"), reverse("toolkits_overdue_checkins_report"), icon_name="warning", order=1110
    )


# --- Guard against destroying people's data -----------------------------------------------------------
@hooks.register("before_delete_page")
def refuse_deleting_used_templates(request, page):
    """A template (or a library containing one) that cities used cannot be deleted: unpublish it."""
    pages = page.get_descendants(inclusive=True)
    if ActionPlan.objects.filter(template__in=pages).exists():
        messages.error(
            request,
            _("Cities have started action plans from this template. Unpublish it instead of deleting it."),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
