"""Reads of check-ins: who may see one, what a plan asks to report, progress over time, what is due.

Every read here takes a fixed number of queries, however many actions, indicators or check-ins a plan
has (tests/toolkits/test_checkin_queries.py).
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from ..models import ActionPlan, CheckIn, CheckInActionUpdate, CheckInIndicatorValue
from ..models.checkins import MILESTONES
from ..models.organisations import Membership
from ..selectors import PlanAccess, plan_for, sees_every_plan


# --- What a plan asks to report ---------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    """An action or an indicator of the plan, found by where it sits: its section and row."""

    section_key: str
    row: int
    text: str
    context: str = ""  # for an indicator: the goal or action it measures
    target: str = ""

    @property
    def ref(self) -> str:
        return f"{self.section_key}:{self.row}"


def plan_items(*, plan: ActionPlan, sections=None) -> tuple[list[Item], list[Item]]:
    """The plan's actions (every row of its tables of actions) and its indicators (the measurable
    indicator of each SMART goal, and the indicator column of each action that has one), in the
    plan's order. `sections` are the plan's PlanSection rows when the caller has them already."""
    sections = list(plan.sections.all()) if sections is None else sections
    actions, indicators = [], []
    for section in sorted(sections, key=lambda s: s.position):
        kind = plan.template_snapshot[section.position]["type"]
        rows = (section.content or {}).get("rows", [])
        for number, row in enumerate(rows):
            if kind == "actions" and row.get("action"):
                actions.append(Item(section.key, number, row["action"], target=row.get("target", "")))
            measured = (
                row.get("action") if kind == "actions" else row.get("goal") if kind == "goals" else None
            )
            if measured is not None and row.get("indicator"):
                indicators.append(
                    Item(
                        section.key, number, row["indicator"], context=measured, target=row.get("target", "")
                    )
                )
    return actions, indicators


# --- Who sees what ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckInAccess:
    read: bool = False
    submit: bool = False
    comment: bool = False
    role: str = ""


def _mentor_of(user, pairing_mentor_ids) -> set:
    ids = {pk for pk in pairing_mentor_ids if pk}
    if not ids or not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, organisation__in=ids).values_list("organisation", flat=True)
    )


def checkin_access(*, user, checkin: CheckIn, plan_access: PlanAccess) -> CheckInAccess:
    """The plan's team reports and comments; the mentor of the pairing that asked for the check-in
    (while it may read the plan) reads and comments; staff read. Other reviewers of the plan (peer
    cities it was shared with) do not see check-ins."""
    if plan_access.role == "team":
        return CheckInAccess(read=True, submit=True, comment=checkin.is_submitted, role="team")
    mentor_id = checkin.pairing.mentor_id if checkin.pairing_id else None
    if plan_access.role == "reviewer" and _mentor_of(user, [mentor_id]):
        return CheckInAccess(read=True, comment=checkin.is_submitted, role="mentor")
    if sees_every_plan(user):
        return CheckInAccess(read=True, role="staff")
    return CheckInAccess()


def checkin_for(*, user, public_id, months: int, need: str = "read"):
    """(plan, check-in, access), or 404 for anyone without `need`, like plan_for."""
    if months not in MILESTONES:
        raise Http404
    plan, plan_access = plan_for(user=user, public_id=public_id)
    checkin = (
        CheckIn.objects.select_related("pairing__mentor", "submitted_by")
        .filter(plan=plan, months=months)
        .first()
    )
    if checkin is None:
        raise Http404
    checkin.plan = plan
    access = checkin_access(user=user, checkin=checkin, plan_access=plan_access)
    if not access.read or not getattr(access, need):
        raise Http404
    return plan, checkin, access


# --- One check-in -----------------------------------------------------------------------------------
def checkin_report(*, checkin: CheckIn) -> dict:
    """What was reported at `checkin`, by item ref; for one not yet submitted, the statuses and values
    of the latest submitted check-in before it, so the team only changes what moved (notes start
    empty: they are about this check-in)."""
    source, carried = checkin, False
    if not checkin.is_submitted:
        source = (
            CheckIn.objects.filter(
                plan=checkin.plan_id, submitted_at__isnull=False, due_on__lt=checkin.due_on
            )
            .order_by("-due_on")
            .first()
        )
        carried = True
    if source is None:
        return {"actions": {}, "indicators": {}}
    return {
        "actions": {
            f"{u.section_key}:{u.row}": {"status": u.status, "note": "" if carried else u.note, "row": u}
            for u in CheckInActionUpdate.objects.filter(checkin=source)
        },
        "indicators": {
            f"{v.section_key}:{v.row}": {"value": v.value, "row": v}
            for v in CheckInIndicatorValue.objects.filter(checkin=source)
        },
    }


def checkin_comments(*, checkin: CheckIn) -> list:
    return list(checkin.comments.select_related("author", "author_organisation"))


# --- Progress over time (the plan page) -------------------------------------------------------------
def plan_progress(*, user, plan: ActionPlan, access: PlanAccess, sections) -> dict | None:
    """The plan's check-ins the user may see, each with its counts of actions by status, and each
    indicator's values across them; None when there is nothing for this user to see."""
    checkins = list(
        plan.checkins.select_related("pairing")
        .annotate(
            actions_total=Count("action_updates"),
            actions_done=Count("action_updates", filter=Q(action_updates__status="done")),
            actions_in_progress=Count("action_updates", filter=Q(action_updates__status="in_progress")),
        )
        .prefetch_related(Prefetch("indicator_values", queryset=CheckInIndicatorValue.objects.order_by("pk")))
        .order_by("due_on")
    )
    if not checkins:
        return None
    if access.role not in {"team", "staff"} and not sees_every_plan(user):
        mentors = _mentor_of(user, [c.pairing.mentor_id for c in checkins if c.pairing_id])
        checkins = [c for c in checkins if c.pairing_id and c.pairing.mentor_id in mentors]
        if not checkins:
            return None
    today = timezone.localdate()
    for checkin in checkins:
        checkin.plan = plan
        checkin.overdue_days = checkin.days_overdue(today)
        checkin.open_now = checkin.is_open(today)
    _actions, indicators = plan_items(plan=plan, sections=sections)
    submitted = [c for c in checkins if c.is_submitted]
    rows = {item.ref: {"item": item, "values": {}} for item in indicators}
    for checkin in submitted:
        for value in checkin.indicator_values.all():
            ref = f"{value.section_key}:{value.row}"
            # An indicator reported earlier and since removed from the plan keeps its history.
            row = rows.setdefault(ref, {"item": _reported_item(value), "values": {}})
            row["values"][checkin.pk] = value.value
    return {
        "checkins": checkins,
        "submitted": submitted,
        "indicators": [
            {"item": row["item"], "values": [row["values"].get(c.pk, "") for c in submitted]}
            for row in rows.values()
        ],
        "can_report": access.role == "team",
    }


def export_progress(*, user, plan: ActionPlan, access: PlanAccess, sections) -> dict | None:
    """What the PDF and DOCX exports print of the plan's implementation: the plan page's progress (for
    the same people) and, for each action, where it stood at each submitted check-in (one more query)."""
    progress = plan_progress(user=user, plan=plan, access=access, sections=sections)
    if progress is None or not progress["submitted"]:
        return progress
    submitted = progress["submitted"]
    actions, _indicators = plan_items(plan=plan, sections=sections)
    rows = {item.ref: {"text": item.text, "statuses": {}} for item in actions}
    for update in CheckInActionUpdate.objects.filter(checkin__in=submitted).order_by("pk"):
        # An action reported earlier and since removed from the plan keeps its history, as indicators do.
        row = rows.setdefault(f"{update.section_key}:{update.row}", {"text": update.action, "statuses": {}})
        row["statuses"][update.checkin_id] = update.get_status_display()
    progress["actions"] = [
        {"text": row["text"], "statuses": [row["statuses"].get(c.pk, "") for c in submitted]}
        for row in rows.values()
    ]
    return progress


def _reported_item(value: CheckInIndicatorValue) -> Item:
    return Item(value.section_key, value.row, value.indicator, target=value.target)


# --- Lists for staff and the reminders --------------------------------------------------------------
def overdue_checkins():
    """Check-ins past their due date and not submitted, the longest overdue first."""
    return (
        CheckIn.objects.overdue()
        .select_related("plan__organisation", "pairing__mentor", "pairing__mentee")
        .order_by("due_on", "pk")
    )
