"""Two colleagues editing the same section: the second save is not applied silently; nothing is lost."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from tests.conftest import requires_postgres
from toolkits import services
from toolkits.models import PlanRevision, PlanSection

pytestmark = pytest.mark.django_db


def free_text(plan):
    return next(s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == "free_text")


def test_second_save_from_the_same_version_is_shown_as_a_conflict(client, team):
    plan = team["plan"]
    section = free_text(plan)
    url = reverse("toolkits:section", kwargs={"public_id": plan.public_id, "key": section.key})
    client.force_login(team["marta"])
    assert client.post(url, {"version": 0, "text": "Marta's analysis of housing."}).status_code == 302

    client.force_login(team["piotr"])
    response = client.post(url, {"version": 0, "text": "Piotr's analysis of schools."})

    assert response.status_code == 422
    page = response.content.decode()
    assert "Someone else saved this section" in page
    assert "Marta&#x27;s analysis of housing." in page or "Marta's analysis of housing." in page
    assert "Piotr&#x27;s analysis of schools." in page or "Piotr's analysis of schools." in page
    assert 'name="version" value="1"' in page  # saving again, after merging, goes through
    section.refresh_from_db()
    assert section.content == {"text": "Marta's analysis of housing."}
    kept = PlanRevision.objects.get(section=section, conflict=True)
    assert kept.content == {"text": "Piotr's analysis of schools."} and kept.author == team["piotr"]

    merged = client.post(url, {"version": 1, "text": "Housing and schools."})
    assert merged.status_code == 302
    section.refresh_from_db()
    assert section.content == {"text": "Housing and schools."} and section.version == 2


def test_conflict_during_autosave_swaps_the_form_with_both_texts(client, team):
    plan = team["plan"]
    section = free_text(plan)
    services.section_save(section=section, user=team["marta"], content={"text": "First"}, base_version=0)
    client.force_login(team["piotr"])
    url = reverse("toolkits:section", kwargs={"public_id": plan.public_id, "key": section.key})

    response = client.post(url, {"version": 0, "text": "Second"}, headers={"HX-Request": "true"})

    assert response.status_code == 422
    assert response["HX-Retarget"] == "#section-form"
    assert "First" in response.content.decode() and "Second" in response.content.decode()


@pytest.mark.postgres
@requires_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_saves_on_postgresql_keep_exactly_one_and_the_other_as_conflict(team):
    section = free_text(team["plan"])
    barrier = threading.Barrier(2)
    outcomes = []

    def save(user, text):
        barrier.wait()
        try:
            services.section_save(section=section, user=user, content={"text": text}, base_version=0)
            outcomes.append("saved")
        except services.SectionConflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(team[name], name)) for name in ("marta", "piotr")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict", "saved"]
    assert PlanSection.objects.get(pk=section.pk).version == 1
    assert PlanRevision.objects.filter(section=section).count() == 2
