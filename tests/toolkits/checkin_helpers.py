"""A final plan with actions and indicators under a running pairing, and the check-in form's data."""

from datetime import timedelta

from django.utils import timezone

from toolkits import services
from toolkits.checkins.selectors import plan_items
from toolkits.models import CheckIn


def section_of(plan, kind: str):
    section = next(s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == kind)
    section.plan = plan
    return section


def fill(plan, user, *, actions: int = 3, goals: int = 1) -> None:
    """Rows in the plan's tables: every action and goal with an indicator and a target."""
    services.section_save(
        section=section_of(plan, "actions"),
        user=user,
        content={
            "rows": [
                {"action": f"Action {n}", "owner": "Team", "indicator": f"Measure {n}", "target": f"{n * 10}"}
                for n in range(actions)
            ]
        },
        base_version=0,
    )
    services.section_save(
        section=section_of(plan, "goals"),
        user=user,
        content={
            "rows": [
                {"goal": f"Goal {n}", "indicator": f"Goal indicator {n}", "target": "All"}
                for n in range(goals)
            ]
        },
        base_version=0,
    )


def finalise(plan, user, *, open_first: bool = True) -> CheckIn:
    """Finalise the plan (scheduling its check-ins) and, by default, make the 3-month one due two days
    ago, so the team can record it now. Returns it."""
    services.plan_transition(plan=plan, action="finalise", user=user)
    if open_first:
        CheckIn.objects.filter(plan=plan, months=3).update(due_on=timezone.localdate() - timedelta(days=2))
    return CheckIn.objects.get(plan=plan, months=3)


def form_data(plan, *, statuses=None, notes=None, values=None) -> dict:
    actions, indicators = plan_items(plan=plan)
    data = {}
    for prefix, items in (("actions", actions), ("indicators", indicators)):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(items)),
                f"{prefix}-INITIAL_FORMS": str(len(items)),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    for n, item in enumerate(actions):
        data[f"actions-{n}-ref"] = item.ref
        data[f"actions-{n}-status"] = (statuses or {}).get(n, "in_progress")
        data[f"actions-{n}-note"] = (notes or {}).get(n, "")
    for n, item in enumerate(indicators):
        data[f"indicators-{n}-ref"] = item.ref
        data[f"indicators-{n}-value"] = (values or {}).get(n, f"value {n}")
    return data
