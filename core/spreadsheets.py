"""The platform's one path for text that goes into a CSV or XLSX cell.

Spreadsheet programs run a cell that starts with =, +, -, @, tab or carriage return as a formula
(`=HYPERLINK(...)` sends the reader's data elsewhere): such text is prefixed with a single quote, so it
is shown as typed. XML 1.0 forbids most C0 control characters, and openpyxl refuses to write a cell
holding one (a U+000B typed into a cohort title broke the whole export): they are dropped.

Every export uses this: the trainer's workspace (learning.workspace.exports) calls `neutralise` on each
cell, and every Wagtail admin listing or report with `list_export` does through
`neutralise_wagtail_exports`, installed by CoreConfig.ready.
tests/core/test_spreadsheet_exports.py discovers every export view and feeds it a formula.
"""

import re

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The characters XML 1.0 cannot hold (tab, line feed and carriage return are allowed).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value):
    """Text a spreadsheet would run as a formula becomes plain text; other values pass unchanged."""
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_wagtail_exports() -> None:
    """Make every Wagtail export (our viewsets and reports, and Wagtail's own: locked pages, site history,
    workflows, redirects...) write its cells through `neutralise`, in both formats.

    Wagtail has no setting for this, and subclassing would leave its own reports and every future
    `list_export` unprotected until someone remembers; so the one method every cell and heading passes
    through, after Wagtail has turned it into text (a related object becomes its title only there), is
    wrapped once, at start-up.
    """
    if getattr(SpreadsheetExportMixin, "_cells_neutralised", False):
        return
    preprocess, heading = SpreadsheetExportMixin.preprocess_field_value, SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(preprocess(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return neutralise(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin._cells_neutralised = True
