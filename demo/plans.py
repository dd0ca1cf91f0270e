"""The demo's action plans (demo/data/plans.json): a draft with a mentor city, a final plan of the same
city with its check-in history (3 and 6 months reported, with the mentor's comments; 12 months due), a
plan shared for feedback with comments, and a published case.

Sections are written through the toolkits' services; shares and comments are demo facts, written
directly rather than through the services that notify people (no e-mail is sent). Check-ins are
scheduled and recorded through the check-in services, then dated in the past. A plan found by its
title is left as it is, so a second run changes nothing.
"""

from datetime import timedelta

from django.utils import timezone

from toolkits import services
from toolkits.checkins import services as checkin_services
from toolkits.checkins.selectors import plan_items
from toolkits.models import ActionPlan, CheckIn, CheckInComment, Pairing, PlanComment, PlanShare, Theme

from .data import read


def _section(plan: ActionPlan, kind: str):
    section = next(s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == kind)
    section.plan = plan
    return section


def _plan(template, spec: dict, toolkits: dict, people: dict) -> tuple[ActionPlan, bool]:
    organisation = people["organisations"][spec["organisation"]]
    existing = ActionPlan.objects.filter(organisation=organisation, title=spec["title"]).first()
    if existing:
        return existing, False
    plan = services.plan_create(
        template=template,
        organisation=organisation,
        user=people["officials"][spec["created_by"]],
        title=spec["title"],
        toolkit=toolkits[spec["toolkit"]],
    )
    return plan, True


def _feedback(plan: ActionPlan, spec: dict, people: dict) -> None:
    organisations, officials = people["organisations"], people["officials"]
    for key in spec.get("shared_with", []):
        PlanShare.objects.get_or_create(
            plan=plan, organisation=organisations[key], defaults={"shared_by": officials[spec["created_by"]]}
        )
    for comment in spec.get("comments", []):
        created = PlanComment.objects.create(
            plan=plan,
            section=_section(plan, comment["section"]),
            author=officials[comment["by"]],
            author_organisation=organisations[comment["organisation"]],
            body=comment["body"],
        )
        if "resolved_by" in comment:
            created.resolved_at, created.resolved_by = timezone.now(), officials[comment["resolved_by"]]
            created.save(update_fields=["resolved_at", "resolved_by"])


def _checkins(plan: ActionPlan, spec: dict, people: dict) -> None:
    """A plan finalised `final_days_ago`: its check-ins scheduled by the service, and those the demo
    reports recorded as the team did, a few days after they fell due, with the comments that followed."""
    final_on = timezone.localdate() - timedelta(days=spec["final_days_ago"])
    ActionPlan.objects.filter(pk=plan.pk).update(
        created_at=plan.created_at - timedelta(days=spec["final_days_ago"] + 60),
        updated_at=timezone.now() - timedelta(days=spec["final_days_ago"]),
    )
    checkin_services.checkins_schedule(plan=plan, final_on=final_on)
    actions, indicators = plan_items(plan=plan)
    for report in spec.get("checkins", []):
        checkin = CheckIn.objects.get(plan=plan, months=report["months"])
        checkin_services.checkin_submit(
            checkin=checkin,
            user=people["officials"][report["by"]],
            actions=[
                {"section_key": a.section_key, "row": a.row, "action": a.text, **report["actions"][a.text]}
                for a in actions
            ],
            indicators=[
                {
                    "section_key": i.section_key,
                    "row": i.row,
                    "indicator": i.text,
                    "target": i.target,
                    "value": report["indicators"].get(i.text, ""),
                }
                for i in indicators
            ],
        )
        submitted = timezone.now() - timedelta(
            days=(timezone.localdate() - checkin.due_on).days - report["submitted_days_after_due"]
        )
        CheckIn.objects.filter(pk=checkin.pk).update(submitted_at=submitted, updated_at=submitted)
        for number, comment in enumerate(report.get("comments", []), start=1):
            CheckInComment.objects.create(
                checkin=checkin,
                author=people["officials"][comment["by"]],
                author_organisation=people["organisations"][comment["organisation"]],
                body=comment["body"],
                created_at=submitted + timedelta(days=number),
            )


def _pairings(data: dict, people: dict) -> None:
    for pairing in data["pairings"]:
        Pairing.objects.get_or_create(
            mentor=people["organisations"][pairing["mentor"]],
            mentee=people["organisations"][pairing["mentee"]],
            defaults={
                "theme": Theme.objects.get(slug=pairing["theme"], locale__language_code="en"),
                "starts_on": timezone.localdate() - timedelta(days=pairing.get("started_days_ago", 0)),
            },
        )


def load(template, toolkits: dict, people: dict) -> None:
    data = read("plans")
    # First: a mentee's final plan is followed up through its running pairing.
    _pairings(data, people)
    for spec in data["plans"]:
        plan, created = _plan(template, spec, toolkits, people)
        for section_spec in spec["sections"]:
            section = _section(plan, section_spec["type"])
            if section.version == 0:
                services.section_save(
                    section=section,
                    user=people["officials"][section_spec["by"]],
                    content=section_spec["content"],
                    base_version=0,
                )
        if not created:
            continue
        _feedback(plan, spec, people)
        status = spec.get("status", ActionPlan.Status.DRAFT)
        if status != ActionPlan.Status.DRAFT:
            plan.status = status
            plan.published_at = timezone.now() if status == ActionPlan.Status.PUBLISHED else None
            plan.save(update_fields=["status", "published_at"])
        if status == ActionPlan.Status.FINAL and "final_days_ago" in spec:
            _checkins(plan, spec, people)
