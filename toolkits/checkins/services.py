"""Writes of check-ins: scheduling them when a plan becomes final, recording one, commenting on it."""

import calendar
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.models import Kind
from notifications.services import notification_send

from ..models import ActionPlan, CheckIn, CheckInActionUpdate, CheckInComment, CheckInIndicatorValue, Pairing
from ..models.checkins import MILESTONES
from ..models.organisations import Membership


class CheckInNotOpen(Exception):
    """The check-in is too far in the future to be filled in yet."""


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day (31 Aug → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@transaction.atomic
def checkins_schedule(*, plan: ActionPlan, final_on: date) -> list[CheckIn]:
    """Schedule the 3-, 6- and 12-month check-ins of a final plan whose city is a mentee in a running
    pairing; returns the ones created.

    plan_transition calls it each time a plan becomes final, and plans finalised before check-ins
    existed get theirs through it too (`manage.py schedule_checkins`, the demo). A milestone a plan
    already has is never scheduled again: reopening and finalising keeps the first dates and what was
    reported.
    """
    if plan.status not in {ActionPlan.Status.FINAL, ActionPlan.Status.PUBLISHED}:
        return []
    pairing = (
        Pairing.objects.active().filter(mentee=plan.organisation_id).order_by("-starts_on", "-pk").first()
    )
    if pairing is None:
        return []
    existing = set(CheckIn.objects.filter(plan=plan).values_list("months", flat=True))
    new = [
        CheckIn(plan=plan, pairing=pairing, months=months, due_on=add_months(final_on, months))
        for months in MILESTONES
        if months not in existing
    ]
    # ignore_conflicts: two doors finalising the same plan at once still make one set.
    CheckIn.objects.bulk_create(new, ignore_conflicts=True)
    return new


@transaction.atomic
def checkin_submit(*, checkin: CheckIn, user, actions: list[dict], indicators: list[dict]) -> CheckIn:
    """Record (or correct) what the team reports: one row per action and per indicator.

    `actions` items carry section_key, row, action, status and note; `indicators` items section_key,
    row, indicator, target and value. The check-in row is locked and its rows replaced as one, so a
    double click, or two colleagues at once, leave exactly one consistent report (the last one).
    """
    locked = CheckIn.objects.select_for_update().select_related("plan").get(pk=checkin.pk)
    if not Membership.objects.filter(organisation=locked.plan.organisation_id, user=user).exists():
        raise PermissionDenied
    if not locked.is_open():
        raise CheckInNotOpen
    CheckInActionUpdate.objects.filter(checkin=locked).delete()
    CheckInIndicatorValue.objects.filter(checkin=locked).delete()
    CheckInActionUpdate.objects.bulk_create(CheckInActionUpdate(checkin=locked, **item) for item in actions)
    CheckInIndicatorValue.objects.bulk_create(
        CheckInIndicatorValue(checkin=locked, **item) for item in indicators
    )
    now = timezone.now()
    first_time = locked.submitted_at is None
    if first_time:
        locked.submitted_at, locked.submitted_by = now, user
    locked.updated_at = now
    locked.save(update_fields=["submitted_at", "submitted_by", "updated_at"])
    # The mentor city hears of the report once; a correction of it later is read on the page.
    if first_time and locked.pairing_id:
        _notify(locked, actor=user, kind=Kind.CHECKIN_SUBMITTED, organisations=[locked.pairing.mentor_id])
    return locked


@transaction.atomic
def checkin_comment_add(*, checkin: CheckIn, user, body: str) -> CheckInComment:
    """A comment on a submitted check-in, signed with the writer's side: the mentor city or the team."""
    sides = [checkin.plan.organisation_id]
    if checkin.pairing_id:
        sides.append(checkin.pairing.mentor_id)
    mine = set(
        Membership.objects.filter(user=user, organisation__in=sides).values_list("organisation", flat=True)
    )
    if not mine or not checkin.is_submitted:
        raise PermissionDenied
    # Someone in both cities writes as the team: the team's own report is what they know first-hand.
    side = next(pk for pk in sides if pk in mine)
    comment = CheckInComment.objects.create(
        checkin=checkin, author=user, author_organisation_id=side, body=body
    )
    _notify(checkin, actor=user, kind=Kind.CHECKIN_COMMENT, organisations=[pk for pk in sides if pk != side])
    return comment


def _notify(checkin: CheckIn, *, actor, kind: str, organisations: list) -> None:
    """Tell the members of `organisations` (the other side of the pairing) about `checkin`, once the
    transaction commits; never the actor, even when they belong to both cities."""
    members = (
        Membership.objects.filter(organisation__in=organisations, user__is_active=True)
        .exclude(user=actor)
        .select_related("user")
    )
    people = {membership.user_id: membership.user for membership in members}
    address = reverse("toolkits:checkin", args=[checkin.plan.public_id, checkin.months])
    for person in people.values():
        notification_send(
            recipient=person, kind=kind, actor=actor, target=address, snapshot=checkin.plan.title
        )
