"""This app's share of a person's data: memberships, what they wrote in plans, their comments.

Plans belong to the organisation, not to one person: erasure keeps the text colleagues rely on and
removes the person's name from it (authorship fields are SET_NULL when the user row goes).
"""

from .models import DownloadConsent, Membership, PlanComment, PlanRevision


def export_user_data(user) -> dict:
    return {
        "organisations": [
            m.organisation.name for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "download_statistics_consent": DownloadConsent.objects.filter(user=user).exists(),
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
    """Comments are the person's own words: they go. Plan sections stay with the city, unsigned."""
    PlanComment.objects.filter(author=user).delete()
    PlanRevision.objects.filter(author=user, conflict=True).delete()
