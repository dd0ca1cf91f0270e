"""A toolkit is one toolkit in every language: its downloads are counted once per source page (its
translation key), whichever language's alias or translation the reader downloaded through."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from tests.factories import UserFactory
from tests.toolkits import factories as f
from toolkits import library, selectors
from toolkits.models import DownloadEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def dresden(django_capture_on_commit_callbacks):
    guide = f.document("Dresden anti-discrimination guide", name="guide.pdf")
    page = f.toolkit(
        f.library(), title="Dresden toolkit", city="Dresden", country="DE", documents=[(guide, "de")]
    )
    f.toolkit(f.library(), title="Lisbon toolkit", city="Lisbon", country="PT")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_locale_trees", stdout=io.StringIO())
    return page, guide


def version(page, language):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=language)


def download_from(client, page, language):
    """Download the guide with the link the toolkit's page shows in `language`."""
    html = client.get(version(page, language).url).content.decode()
    link = next(part.split('"')[0] for part in html.split('href="')[1:] if part.startswith("/documents/"))
    assert f"?toolkit={version(page, language).pk}" in link
    assert client.get(link).status_code == 200


def report_rows():
    return [
        (row["toolkit_title"], row["document_title"], row["downloads"])
        for row in selectors.download_report_rows()
    ]


def test_downloads_through_aliases_count_once_for_the_toolkit(client, dresden):
    page, _guide = dresden
    assert version(page, "ar").alias_of_id == page.pk

    for language in ("en", "ar", "de", "fa"):
        download_from(client, page, language)

    assert DownloadEvent.objects.count() == 4
    assert report_rows() == [("Dresden toolkit", "Dresden anti-discrimination guide", 4)]


def test_a_real_translation_counts_under_the_same_toolkit_with_its_source_title(
    client, dresden, django_capture_on_commit_callbacks
):
    page, _guide = dresden
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, [Locale.objects.get(language_code="fr")])
    french = version(page, "fr")
    french.title = "Boîte à outils de Dresde"
    french.save_revision().publish()

    download_from(client, page, "fr")
    download_from(client, page, "de")

    assert report_rows() == [("Dresden toolkit", "Dresden anti-discrimination guide", 2)]


def test_two_toolkits_with_the_same_title_stay_apart(client, dresden):
    page, guide = dresden
    other = f.toolkit(f.library(), title="Dresden toolkit", slug="dresden-2", documents=[(guide, "de")])
    client.get(f"{guide.url}?toolkit={page.pk}")
    client.get(f"{guide.url}?toolkit={other.pk}")

    assert sorted(report_rows()) == [
        ("Dresden toolkit", "Dresden anti-discrimination guide", 1),
        ("Dresden toolkit", "Dresden anti-discrimination guide", 1),
    ]


def test_the_report_filtered_by_toolkit_counts_its_aliases_and_offers_each_toolkit_once(client, dresden):
    page, _guide = dresden
    download_from(client, page, "ar")
    download_from(client, page, "en")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(reverse("toolkits_downloads_report"), {"toolkit": page.pk, "export": "csv"})

    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Dresden toolkit" in body and ",2" in body
    choices = client.get(reverse("toolkits_downloads_report")).context["filters"].form.fields["toolkit"]
    assert [str(choice) for choice in choices.queryset] == ["Dresden toolkit", "Lisbon toolkit"]


def test_the_library_and_the_toolkit_page_show_the_same_total_in_every_language(client, dresden):
    page, _guide = dresden
    for language in ("en", "ar", "ar"):
        download_from(client, page, language)

    for language in ("en", "ar", "uk"):
        details = selectors.toolkit_details(toolkit=version(page, language))
        assert details["download_total"] == 3
        assert [link.download_count for link in details["documents"]] == [3]
    with translation.override("de"):
        german_library = library.library_page(
            index_page=version(f.library(), "de"), filters={}, page_number=1
        )
    assert {toolkit.title: toolkit.download_count for toolkit in german_library.object_list} == {
        "Dresden toolkit": 3,
        "Lisbon toolkit": 0,
    }
