"""E-mails about plans, sent in the background and written in each recipient's language."""

from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from core.absolute_urls import absolute_url
from outbox.services import email_send

from .models import ActionPlan, PlanComment


def _recipients(kind: str, plan: ActionPlan, comment: PlanComment | None, organisation_ids) -> list[User]:
    if kind == "shared":
        return list(
            User.objects.filter(toolkit_memberships__organisation__in=organisation_ids, is_active=True)
        )
    if kind in ("comment", "status"):
        return list(
            User.objects.filter(toolkit_memberships__organisation=plan.organisation_id, is_active=True)
        )
    if kind == "resolved" and comment is not None and comment.author_id:
        return list(User.objects.filter(pk=comment.author_id, is_active=True))
    return []


@task()
def send_plan_notification(
    *,
    kind: str,
    plan_id: int,
    actor_id: int | None,
    comment_id: int | None = None,
    organisation_ids: list[int] | None = None,
) -> int:
    """Tell the people concerned that a plan was shared with them, commented on, that their comment was
    resolved, or (the city team) that the plan's status changed. Returns how many e-mails were sent."""
    plan = ActionPlan.objects.select_related("organisation").filter(pk=plan_id).first()
    if plan is None:
        return 0
    comment = (
        PlanComment.objects.select_related("section").filter(pk=comment_id).first() if comment_id else None
    )
    actor = User.objects.filter(pk=actor_id).first()
    sent = 0
    for recipient in _recipients(kind, plan, comment, organisation_ids or []):
        if recipient.pk == actor_id:
            continue
        with translation.override(recipient.language):
            path = reverse("toolkits:plan", kwargs={"public_id": plan.public_id})
            context = {
                "recipient": recipient,
                "actor": actor,
                "plan": plan,
                "comment": comment,
                "url": absolute_url(path),
            }
            subject = render_to_string(f"toolkits/email/{kind}_subject.txt", context).strip()
            body = render_to_string(f"toolkits/email/{kind}.txt", context)
        email_send(
            to=recipient.email,
            subject=subject,
            body=body,
            kind=f"toolkits/{kind}",
            language=recipient.language,
        )
        sent += 1
    return sent
