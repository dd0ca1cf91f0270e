"""The toolkit demo loads (twice) into the journey's starting point."""

import io

import pytest
from django.core.management import call_command

from toolkits.models import ActionPlan, Organisation, Pairing, PlanComment, ToolkitPage

pytestmark = pytest.mark.django_db


def test_demo_has_the_four_cities_in_two_languages_and_three_plans(client, demo):
    call_command("load_demo", stdout=io.StringIO())  # twice: no duplicates

    assert ToolkitPage.objects.filter(locale__language_code="en").count() == 4
    assert ToolkitPage.objects.filter(locale__language_code="fr").count() == 4
    assert Organisation.objects.count() == 4
    assert Pairing.objects.count() == 1
    statuses = sorted(ActionPlan.objects.values_list("status", flat=True))
    assert statuses == ["draft", "published", "shared"]
    assert PlanComment.objects.count() == 2
    library = client.get("/fr/toolkits/").content.decode()
    assert "Lisbonne" in library and "Dresde" in library
    toolkit = ToolkitPage.objects.get(locale__language_code="en", slug="gdansk")
    document = toolkit.document_links.first().document
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    case = ActionPlan.objects.get(status="published")
    assert client.get(f"/en/cases/{case.public_id}/").status_code == 200
