"""This app's share of a person's data: memberships, what they wrote in plans, their comments.

Plans belong to the organisation, not to one person: erasure keeps the text colleagues rely on and
removes the person's name from it (authorship fields are SET_NULL when the user row goes).
"""

from django.utils.translation import gettext_lazy as _

from .models import (
    CheckIn,
    CheckInComment,
    DownloadConsent,
    DownloadEvent,
    Membership,
    PlanComment,
    PlanRevision,
)

EXPORT_DESCRIPTION = _(
    "Your city work: the organisations you belong to, your comments on action plans, what you wrote "
    "in plan sections, the check-ins you submitted and your comments on them, and the downloads "
    "counted under your city."
)

# Every model of this app that points at a person, and what happens to it (see learning/privacy.py).
PERSONAL_DATA = {
    "toolkits.Membership": "exported; deleted with the account",
    "toolkits.DownloadConsent": "exported; deleted with the account",
    "toolkits.DownloadEvent": "exported when counted under the person's city; city and organisation blanked",
    "toolkits.PlanComment": "exported; deleted",
    "toolkits.PlanRevision": "exported; conflict copies deleted, saved versions stay with the city, unsigned",
    "toolkits.PlanSection": "stays with the city team, unsigned",
    "toolkits.ActionPlan": "stays with the city team, unsigned",
    "toolkits.PlanShare": "stays, unsigned",
    "toolkits.CheckIn": "exported when the person submitted it; stays with the city team, unsigned",
    "toolkits.CheckInComment": "exported; stays on the check-in, signed 'a former member'",
    "toolkits.ToolkitIndexPage": "page authorship only, unset",
    "toolkits.ToolkitPage": "page authorship only, unset",
    "toolkits.ActionPlanTemplatePage": "page authorship only, unset",
}


def export_user_data(user) -> dict:
    return {
        "organisations": [
            m.organisation.name for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "download_statistics_consent": DownloadConsent.objects.filter(user=user).exists(),
        "downloads_counted_under_your_city": [
            {
                "document": d.document_title,
                "downloaded": d.downloaded_at.isoformat(),
                "city": d.city,
                "organisation": d.organisation,
            }
            for d in DownloadEvent.objects.filter(counted_for=user)
        ],
        "plan_comments": [
            {"plan": c.plan.title, "comment": c.body, "written": c.created_at.isoformat()}
            for c in PlanComment.objects.filter(author=user).select_related("plan")
        ],
        "plan_section_edits": [
            {
                "plan": r.section.plan.title,
                "section": r.section.definition.get("title", ""),
                "content": r.content,
                "saved": r.created_at.isoformat(),
            }
            for r in PlanRevision.objects.filter(author=user).select_related("section__plan")
        ],
        "checkins_submitted": [
            {
                "plan": c.plan.title,
                "months": c.months,
                "submitted": c.submitted_at.isoformat() if c.submitted_at else None,
                "actions": [
                    {"action": u.action, "status": u.status, "note": u.note} for u in c.action_updates.all()
                ],
                "indicators": [
                    {"indicator": v.indicator, "value": v.value} for v in c.indicator_values.all()
                ],
            }
            for c in CheckIn.objects.filter(submitted_by=user)
            .select_related("plan")
            .prefetch_related("action_updates", "indicator_values")
        ],
        "checkin_comments": [
            {"plan": c.checkin.plan.title, "comment": c.body, "written": c.created_at.isoformat()}
            for c in CheckInComment.objects.filter(author=user).select_related("checkin__plan")
        ],
    }


def erase_user_data(user) -> None:
    """Comments on plan sections are the person's own words: they go. Plan sections and check-ins stay
    with the city, unsigned.
    Downloads stay counted, but no longer under the person's city and organisation."""
    DownloadEvent.objects.filter(counted_for=user).update(city="", organisation="", counted_for=None)
    PlanComment.objects.filter(author=user).delete()
    PlanRevision.objects.filter(author=user, conflict=True).delete()
    # Check-ins are the city's report to its mentor, and a comment on one is part of that exchange:
    # both stay for the two cities, no longer signed by the person.
    CheckIn.objects.filter(submitted_by=user).update(submitted_by=None)
    CheckInComment.objects.filter(author=user).update(author=None)
