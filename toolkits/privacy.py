"""This app's share of a person's data: memberships, what they wrote in plans, their comments.

Plans belong to the organisation, not to one person: erasure keeps the text colleagues rely on and
removes the person's name from it (authorship fields are SET_NULL when the user row goes).
"""

from django.utils.translation import gettext_lazy as _

from .models import DownloadConsent, DownloadEvent, Membership, PlanComment, PlanRevision

EXPORT_DESCRIPTION = _(
    "Your city work: the organisations you belong to, your comments on action plans, what you wrote "
    "in plan sections, and the downloads counted under your city."
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
    }


def erase_user_data(user) -> None:
    """Comments are the person's own words: they go. Plan sections stay with the city, unsigned.
    Downloads stay counted, but no longer under the person's city and organisation."""
    DownloadEvent.objects.filter(counted_for=user).update(city="", organisation="", counted_for=None)
    PlanComment.objects.filter(author=user).delete()
    PlanRevision.objects.filter(author=user, conflict=True).delete()
