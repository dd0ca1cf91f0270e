"""Who may read, record and comment on a check-in: the plan's team records, the mentor reads and comments,
staff read; another city, a peer reviewer, a trainee and an anonymous visitor get 404 and change nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill, finalise, form_data
from toolkits import services
from toolkits.checkins import services as checkin_services
from toolkits.models import ActionPlan, CheckIn, CheckInActionUpdate, CheckInComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(team):
    f.pairing(team["lisbon"], team["gdansk"])
    fill(team["plan"], team["marta"])
    checkin = finalise(team["plan"], team["marta"])
    # A peer city reviews the plan (shared with it) without being its mentor.
    brighton = f.OrganisationFactory(name="City of Brighton")
    peer = f.member(brighton)
    ActionPlan.objects.filter(pk=team["plan"].pk).update(status=ActionPlan.Status.SHARED)
    services.plan_share(plan=team["plan"], organisations=[brighton], user=team["marta"])
    ActionPlan.objects.filter(pk=team["plan"].pk).update(status=ActionPlan.Status.FINAL)
    # Its 6-month check-in is submitted, so there is something to read and comment on.
    submitted = CheckIn.objects.get(plan=team["plan"], months=6)
    CheckIn.objects.filter(pk=submitted.pk).update(due_on=checkin.due_on)
    submitted.refresh_from_db()
    checkin_services.checkin_submit(checkin=submitted, user=team["marta"], actions=[], indicators=[])
    return {
        **team,
        "open": checkin,
        "submitted": submitted,
        "people": {
            "another city's official": team["uwe"],
            "a peer reviewer": peer,
            "a trainee": UserFactory(),
            "anonymous": None,
            "staff": UserFactory(is_staff=True, is_superuser=True),
            "the mentor": team["ana"],
        },
    }


def url(checkin, name="checkin"):
    return reverse(f"toolkits:{name}", kwargs={"public_id": checkin.plan.public_id, "months": checkin.months})


def state():
    return (
        sorted(CheckIn.objects.values_list("pk", "submitted_at", "updated_at", "submitted_by")),
        sorted(CheckInActionUpdate.objects.values_list("pk", "status")),
        sorted(CheckInComment.objects.values_list("pk", flat=True)),
    )


OUTSIDERS = ["another city's official", "a peer reviewer", "a trainee", "anonymous"]


@pytest.mark.parametrize("who", OUTSIDERS)
@pytest.mark.parametrize("what", ["read", "record", "comment"])
def test_outsiders_get_404_and_change_nothing(client, world, who, what):
    if world["people"][who] is not None:
        client.force_login(world["people"][who])
    before = state()
    if what == "read":
        response = client.get(url(world["submitted"]))
    elif what == "record":
        response = client.post(url(world["open"]), form_data(world["plan"]))
    else:
        response = client.post(url(world["submitted"], "checkin_comment"), {"body": "Taken over"})

    assert response.status_code == 404
    assert state() == before


@pytest.mark.parametrize("who", ["the mentor", "staff"])
def test_the_mentor_and_staff_read_but_do_not_record(client, world, who):
    client.force_login(world["people"][who])
    before = state()

    assert client.get(url(world["open"])).status_code == 200
    assert client.get(url(world["submitted"])).status_code == 200
    assert 'name="actions-0-status"' not in client.get(url(world["open"])).content.decode()
    assert client.post(url(world["open"]), form_data(world["plan"])).status_code == 404
    assert state() == before


def test_staff_do_not_comment_the_mentor_does(client, world):
    client.force_login(world["people"]["staff"])
    assert client.post(url(world["submitted"], "checkin_comment"), {"body": "x"}).status_code == 404
    client.force_login(world["people"]["the mentor"])
    assert client.post(url(world["submitted"], "checkin_comment"), {"body": "x"}).status_code == 302
    assert CheckInComment.objects.count() == 1


def test_the_mentor_loses_access_when_the_pairing_ends(client, world):
    pairing = world["open"].pairing
    pairing.ends_on = timezone.localdate() - timedelta(days=1)
    pairing.starts_on = pairing.ends_on - timedelta(days=100)
    pairing.save()
    client.force_login(world["people"]["the mentor"])

    assert client.get(url(world["submitted"])).status_code == 404


@pytest.mark.parametrize("months", ["4", "0", "99999999999999999999"])
def test_a_check_in_that_cannot_exist_is_404(client, world, months):
    client.force_login(world["marta"])
    address = f"/en/plans/{world['plan'].public_id}/checkins/{months}/"
    assert client.get(address).status_code == 404
    assert client.post(address, {}).status_code == 404


def test_a_broken_management_form_is_a_400_not_a_500(client, world):
    client.force_login(world["marta"])
    response = client.post(url(world["open"]), {"actions-TOTAL_FORMS": "x"})
    assert response.status_code == 400
    assert not CheckInActionUpdate.objects.filter(checkin=world["open"]).exists()
