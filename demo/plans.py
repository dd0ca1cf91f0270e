"""The demo's action plans (demo/data/plans.json): a draft with a mentor city, a plan shared for
feedback with comments, and a published case.

Sections are written through the toolkits' services; shares and comments are demo facts, written
directly rather than through the services that notify people (no e-mail is sent). A plan found by its
title is left as it is, so a second run changes nothing.
"""

from django.utils import timezone

from toolkits import services
from toolkits.models import ActionPlan, Pairing, PlanComment, PlanShare, Theme

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


def load(template, toolkits: dict, people: dict) -> None:
    data = read("plans")
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

    for pairing in data["pairings"]:
        Pairing.objects.get_or_create(
            mentor=people["organisations"][pairing["mentor"]],
            mentee=people["organisations"][pairing["mentee"]],
            defaults={"theme": Theme.objects.get(slug=pairing["theme"], locale__language_code="en")},
        )
