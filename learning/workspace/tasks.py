"""E-mails from the workspace, sent in the background (django.tasks), each in its recipient's language."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.absolute_urls import absolute_url
from outbox.services import email_send

from .models import CohortInvitation, CohortMessage


@task()
def send_cohort_message(*, message_id: int) -> None:
    message = CohortMessage.objects.select_related("cohort", "sender").filter(pk=message_id).first()
    if message is None:
        return
    for user in message.recipients.all().only("email", "display_name", "language").iterator(chunk_size=500):
        with translation.override(user.language or settings.LANGUAGE_CODE):
            context = {
                "user": user,
                "message": message,
                "cohort": message.cohort,
                "dashboard_url": absolute_url(reverse("learning:dashboard")),
            }
            subject = render_to_string("workspace/email/message_subject.txt", context).strip()
            body = render_to_string("workspace/email/message_message.txt", context)
        email_send(
            to=user.email,
            subject=subject,
            body=body,
            kind="workspace/message",
            language=user.language or settings.LANGUAGE_CODE,
        )


@task()
def send_invitation_email(*, invitation_id: int) -> None:
    invitation = CohortInvitation.objects.select_related("cohort__course").filter(pk=invitation_id).first()
    if invitation is None or invitation.accepted_at:
        return
    with translation.override(invitation.language or settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "cohort": invitation.cohort,
            "accept_url": absolute_url(reverse("learning:workspace:invitation", args=[invitation.token])),
        }
        subject = render_to_string("workspace/email/invitation_subject.txt", context).strip()
        body = render_to_string("workspace/email/invitation_message.txt", context)
    email_send(
        to=invitation.email,
        subject=subject,
        body=body,
        kind="workspace/invitation",
        language=invitation.language or settings.LANGUAGE_CODE,
    )
