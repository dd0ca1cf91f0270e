"""The admin's plan and download reports show only what the viewer may read: an editor (Editors group,
admin access, no staff flag, as the admin's own "add user" form creates them) sees neither cities' draft
plans nor people's cities, while staff see everything."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory
from tests.toolkits import factories as f
from toolkits import selectors, services
from toolkits.models import ActionPlan, DownloadEvent

pytestmark = pytest.mark.django_db


def _bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _body(response) -> str:
    return _bytes(response).decode()


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=False, display_name="Eda Editor")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@pytest.fixture
def downloads(db):
    doc = f.document("Dresden guide")
    DownloadEvent.objects.create(
        document=doc, document_title="Dresden guide", city="Radebeul", organisation=""
    )


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_an_editor_does_not_see_a_citys_draft_plan_in_the_report(client, editor, team, export):
    team["plan"].title = "Gdansk secret draft"
    team["plan"].save(update_fields=["title"])

    response = client.get(reverse("toolkits_plans_report"), {"export": export} if export else {})

    assert response.status_code == 200
    if export == "xlsx":
        import io

        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(_bytes(response))).active
        assert sheet.max_row == 1  # the header only
    else:
        assert "Gdansk secret draft" not in _body(response)
    # ...and the plan's own page is a 404 for them: the same rule.
    assert (
        client.get(reverse("toolkits:plan", kwargs={"public_id": team["plan"].public_id})).status_code == 404
    )


def _body_bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_editor_in_a_city_team_sees_their_own_plan(client, editor, team):
    from toolkits.models import Membership

    Membership.objects.create(organisation=team["gdansk"], user=editor)

    body = _body(client.get(reverse("toolkits_plans_report"), {"export": "csv"}))

    assert team["plan"].title in body


def test_staff_see_every_plan_in_the_report(client, team):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    assert team["plan"].title in _body(client.get(reverse("toolkits_plans_report")))


def test_an_editor_cannot_open_or_export_the_downloads_report(client, editor, downloads):
    page = client.get(reverse("toolkits_downloads_report"))
    export = client.get(reverse("toolkits_downloads_report"), {"export": "csv"})
    results = client.get(reverse("toolkits_downloads_report_results"))
    menu = client.get(reverse("wagtailadmin_home"))

    assert page.status_code != 200 and export.status_code != 200 and results.status_code != 200
    assert "Radebeul" not in _body(export)
    assert reverse("toolkits_downloads_report") not in menu.content.decode()


def test_staff_open_the_downloads_report(client, downloads):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    assert "Radebeul" in _body(client.get(reverse("toolkits_downloads_report"), {"export": "csv"}))


def test_the_report_rule_and_the_plan_page_rule_agree_for_every_role(team):
    """readable_plans (lists) and plan_access (one plan) decide alike, whoever asks, at every status."""
    shared = f.plan(team["template"], team["gdansk"], team["marta"], title="Shared plan")
    services.plan_share(plan=shared, organisations=[team["lisbon"]], user=team["marta"])
    people = [team["marta"], team["ana"], team["uwe"], UserFactory(), UserFactory(is_staff=True)]

    for plan in ActionPlan.objects.all():
        for person in people:
            listed = selectors.readable_plans(user=person).filter(pk=plan.pk).exists()
            assert listed == selectors.plan_access(user=person, plan=plan).read, (plan.title, person)
