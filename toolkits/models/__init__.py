"""Toolkits: content (Wagtail pages and documents) and the people's data built on it (plans, downloads).

Split by concept: who (organisations), what editors publish (pages), what cities write (plans), and
what the library counts (downloads).
"""

from .checkins import CheckIn, CheckInActionUpdate, CheckInComment, CheckInIndicatorValue
from .downloads import DownloadConsent, DownloadEvent
from .organisations import Membership, Organisation, Pairing, Theme
from .pages import (
    ActionPlanTemplatePage,
    ToolkitDocument,
    ToolkitIndexPage,
    ToolkitPage,
    ToolkitRelatedPage,
)
from .plans import ActionPlan, PlanComment, PlanRevision, PlanSection, PlanShare

__all__ = [
    "ActionPlan",
    "ActionPlanTemplatePage",
    "CheckIn",
    "CheckInActionUpdate",
    "CheckInComment",
    "CheckInIndicatorValue",
    "DownloadConsent",
    "DownloadEvent",
    "Membership",
    "Organisation",
    "Pairing",
    "PlanComment",
    "PlanRevision",
    "PlanSection",
    "PlanShare",
    "Theme",
    "ToolkitDocument",
    "ToolkitIndexPage",
    "ToolkitPage",
    "ToolkitRelatedPage",
]
