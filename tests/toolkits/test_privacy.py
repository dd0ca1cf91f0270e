"""A person's plan data is exported and erased with their account (in a module of its own: the demo,
loaded once per module elsewhere, would hold cities of the same names)."""

import pytest

from toolkits import privacy, services
from toolkits.models import PlanComment

pytestmark = pytest.mark.django_db


def test_export_and_erasure(team):
    plan = team["plan"]
    section = next(
        s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == "free_text"
    )
    section.plan = plan
    services.section_save(
        section=section, user=team["marta"], content={"text": "Our analysis"}, base_version=0
    )
    services.plan_share(plan=plan, organisations=[team["lisbon"]], user=team["marta"])
    services.comment_add(section=section, user=team["ana"], body="A remark from Lisbon")

    exported = privacy.export_user_data(team["ana"])
    assert exported["organisations"] == ["City of Lisbon"]
    assert exported["plan_comments"][0]["comment"] == "A remark from Lisbon"
    assert privacy.export_user_data(team["marta"])["plan_section_edits"][0]["content"] == {
        "text": "Our analysis"
    }

    privacy.erase_user_data(team["ana"])
    team["ana"].delete()
    team["marta"].delete()
    assert not PlanComment.objects.exists()
    section.refresh_from_db()
    assert section.content == {"text": "Our analysis"}  # the city's plan stays, unsigned
    assert section.updated_by is None
