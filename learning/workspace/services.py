"""Workspace writes that touch several rows. Enrolment state changes go through learning.services, one
enrolment at a time, each in its own transaction: a bulk approval that runs out of seats keeps the
approvals that fitted and reports the rest, and capacity stays guarded by the same cohort-row lock."""

from dataclasses import dataclass
from functools import partial

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import exceptions, notices, services
from ..certificates.services import certificate_issue
from ..models import Attendance, Cohort, Enrolment, LiveSession
from ..signals import session_scheduled
from . import selectors
from .forms import parse_invite_row
from .models import CohortInvitation, CohortMessage
from .tasks import send_cohort_message, send_invitation_email

Status = Enrolment.Status


@dataclass
class ActionResult:
    enrolment: Enrolment
    done: bool
    message: str


def _apply(action: str, enrolment: Enrolment, actor) -> str:
    """Carry out `action` on one enrolment; what happened, in words, or a LearningError."""
    if action in ("approve", "promote"):
        if action == "promote" and enrolment.status != Status.WAITLISTED:
            raise exceptions.InvalidTransition
        return services.enrolment_approve(enrolment=enrolment).get_status_display()
    if action == "reject":
        return services.enrolment_reject(enrolment=enrolment).get_status_display()
    if action == "withdraw":
        return services.enrolment_withdraw(enrolment=enrolment).get_status_display()
    if action == "certificate_issue":
        certificate_issue(enrolment=enrolment, issued_by=actor)
        return _("Certificate issued")
    raise exceptions.InvalidTransition


def enrolments_act(*, cohort: Cohort, enrolments: list[Enrolment], action: str, actor) -> list[ActionResult]:
    """Apply `action` to each enrolment (all of `cohort`, checked by the caller) and say what happened.

    Each enrolment is its own transaction: a bulk action keeps what succeeded and names the refusals.
    """
    results = []
    for enrolment in enrolments:
        if enrolment.cohort_id != cohort.pk:  # defence in depth: the view has refused this already
            raise exceptions.InvalidTransition
        try:
            message = _apply(action, enrolment, actor)
        except exceptions.LearningError as error:
            results.append(ActionResult(enrolment, False, str(error.message)))
        else:
            results.append(ActionResult(enrolment, True, str(message)))
    return results


@transaction.atomic
def cohort_create(*, creator, data: dict, co_trainers=()) -> Cohort:
    """A new cohort run by its creator and the co-trainers they chose."""
    cohort = Cohort.objects.create(**data)
    cohort.trainers.add(creator, *co_trainers)
    return cohort


# Invitations ------------------------------------------------------------------------------------

INVITED, ALREADY, INVALID, REFUSED = ("invited", "already", "invalid", "refused")
OUTCOMES = {
    INVITED: _("Invitation on its way"),
    ALREADY: _("Already in the cohort"),
    INVALID: _("Not a valid e-mail address"),
    REFUSED: _("Not enrolled: their earlier request was refused"),
}


@dataclass
class InviteReport:
    line: int | None
    address: str
    outcome: str

    @property
    def label(self) -> str:
        return str(OUTCOMES[self.outcome])

    @property
    def ok(self) -> bool:
        return self.outcome in (INVITED, ALREADY)


def cohort_invite(*, cohort: Cohort, rows: list[dict], invited_by) -> list[InviteReport]:
    """E-mail an invitation to every address; one report per row.

    Nobody is put into a cohort without their consent: a person with an account joins by opening the
    link and saying yes, exactly like a new address. The report says the same for both, so it never
    tells a trainer who has an account. Each row is handled on its own: one bad address never stops
    the others, and nothing is dropped without a line in the report.
    """
    parsed = [(row, parse_invite_row(row, cohort.language)) for row in rows]
    addresses = {found[0] for _row, found in parsed if found}
    # People already in this cohort are on the trainer's own roster: saying so reveals nothing new.
    in_cohort = dict(
        Enrolment.objects.filter(cohort=cohort, user__email__in=addresses)
        .exclude(status=Status.WITHDRAWN)
        .values_list("user__email", "status")
    )
    in_cohort = {email.lower(): status for email, status in in_cohort.items()}
    report = []
    seen = set()
    for row, found in parsed:
        line = row.get("line")
        if found is None:
            report.append(InviteReport(line, row["email"], INVALID))
            continue
        email, name, language = found
        if email in seen:
            report.append(InviteReport(line, email, ALREADY))
            continue
        seen.add(email)
        if email in in_cohort:
            outcome = REFUSED if in_cohort[email] == Status.REJECTED else ALREADY
            report.append(InviteReport(line, email, outcome))
            continue
        report.append(InviteReport(line, email, _invite(cohort, email, name, language, invited_by)))
    return report


@transaction.atomic
def _invite(cohort, email, name, language, invited_by) -> str:
    invitation, created = CohortInvitation.objects.get_or_create(
        cohort=cohort, email=email, defaults={"name": name, "language": language, "invited_by": invited_by}
    )
    if not created and invitation.accepted_at:
        return ALREADY
    transaction.on_commit(partial(send_invitation_email.enqueue, invitation_id=invitation.pk))
    invitee = _account_of(email)
    if invitee is not None:
        # Told on the site too; the trainer's report stays the same whether or not there is an account.
        notices.invitation_sent(invitation, invited_by, invitee)
    return INVITED


def _account_of(email: str):
    """The active account whose address (its main one, or another it verified) is `email`, if any."""
    verified = EmailAddress.objects.filter(email__iexact=email, verified=True).values("user_id")
    return (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(pk__in=verified), is_active=True)
        .order_by("pk")
        .first()
    )


class InvitationInvalid(exceptions.LearningError):
    message = _("This invitation link is not valid or was already used.")
    status = 404


class InvitationForSomeoneElse(exceptions.LearningError):
    message = _(
        "This invitation was sent to another e-mail address. Log in with the address it was sent to, "
        "or ask your trainer to invite the address you use here."
    )
    status = 403


def _is_invited_address(user, email: str) -> bool:
    return user.email.lower() == email.lower() or (
        EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
    )


def invitation_for(*, token: str, user) -> CohortInvitation:
    """The open invitation behind `token`, if it was sent to one of `user`'s addresses."""
    invitation = (
        CohortInvitation.objects.select_related("cohort__course")
        .filter(token=token, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        raise InvitationInvalid
    if not _is_invited_address(user, invitation.email):
        raise InvitationForSomeoneElse
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user) -> Enrolment:
    """Enrol `user` through the invitation, once they said yes to it; the link works once, and only for
    the address it was sent to (a forwarded link must not hand someone else a seat the trainer gave to
    a named person). The course's one-place rule holds: a trainee of another cohort is refused."""
    invitation = invitation_for(token=token, user=user)
    invitation = CohortInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise InvitationInvalid
    enrolment = services.enrolment_create(user=user, cohort=invitation.cohort, by_trainer=True)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return enrolment


# Messages, sessions and attendance --------------------------------------------------------------


@transaction.atomic
def message_send(*, cohort: Cohort, sender, audience: str, subject: str, body: str) -> CohortMessage:
    """Log the message with who it went to, then e-mail each recipient in their language (background)."""
    user_ids = list(selectors.audience_enrolments(cohort, audience).values_list("user_id", flat=True))
    message = CohortMessage.objects.create(
        cohort=cohort,
        sender=sender,
        audience=audience,
        subject=subject,
        body=body,
        recipient_count=len(user_ids),
    )
    message.recipients.add(*user_ids)
    transaction.on_commit(partial(send_cohort_message.enqueue, message_id=message.pk))
    return message


def _scheduled(session: LiveSession) -> None:
    # Reminders are planned for the times that committed; a task planned for an older time re-reads the
    # session when it runs, so nothing needs unplanning (reminders/tasks.py).
    transaction.on_commit(partial(session_scheduled.send, sender=LiveSession, session=session))


@transaction.atomic
def session_create(*, cohort: Cohort, data: dict) -> LiveSession:
    session = LiveSession.objects.create(cohort=cohort, **data)
    _scheduled(session)
    return session


@transaction.atomic
def session_update(*, session: LiveSession, data: dict) -> LiveSession:
    """Change a session's settings; its times arrive already read in its own zone (SessionTimesMixin)."""
    # Read from the table: a model form has already set the new values on the instance it was given.
    planned = LiveSession.objects.filter(pk=session.pk).values_list("starts_at", "cohort_id").first()
    for name, value in data.items():
        setattr(session, name, value)
    session.save(update_fields=list(data))
    if planned != (session.starts_at, session.cohort_id):
        _scheduled(session)
    return session


@transaction.atomic
def attendance_sheet_save(*, session: LiveSession, present_ids: set[int]) -> int:
    """Record present/absent for every learning trainee of the session's cohort; returns how many present.

    Goes through learning.services.attendance_record for each trainee, because attendance can complete
    a course (minimum attendance) and that rule lives there.
    """
    enrolments = Enrolment.objects.filter(cohort_id=session.cohort_id, status__in=Enrolment.LEARNING)
    existing = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "present"))
    for enrolment in enrolments.select_related("cohort__course"):
        present = enrolment.pk in present_ids
        if existing.get(enrolment.pk) is present:
            continue
        services.attendance_record(session=session, enrolment=enrolment, present=present)
    return len(present_ids)
