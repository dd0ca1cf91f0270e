"""Loading the demo over itself changes nothing, in any app.

One second load for the whole project: it takes about half a minute on PostgreSQL, and each app's demo
tests used to make one of their own for its own checks. Each section below is what one app's demo tests
compared before and after.
"""

import io

import pytest
from django.core.management import call_command

from learning.certificates.models import Certificate
from network.models import Conversation, DirectoryProfile
from tests.home.test_demo import snapshot as site_snapshot
from tests.learning.test_demo import counts as learning_counts
from tests.learning.test_demo_translations import translated_pages, translation_of, translations_state
from toolkits.models import ActionPlan, Organisation, Pairing, PlanComment, ToolkitPage

pytestmark = pytest.mark.django_db

SECTIONS = {
    "site": site_snapshot,
    "learning": learning_counts,
    "translations": translations_state,
    "certificates": lambda: Certificate.objects.count(),
    "network": lambda: (DirectoryProfile.objects.count(), Conversation.objects.get().messages.count()),
    "toolkits": lambda: {
        "en": ToolkitPage.objects.filter(locale__language_code="en").count(),
        "fr": ToolkitPage.objects.filter(locale__language_code="fr").count(),
        "organisations": Organisation.objects.count(),
        "pairings": Pairing.objects.count(),
        "plans": sorted(ActionPlan.objects.values_list("status", flat=True)),
        "comments": PlanComment.objects.count(),
    },
}


@pytest.fixture(scope="module")
def loaded_twice(_demo_for_module, django_db_blocker):
    """(before, after) of every section, around a second load inside the module's transaction."""
    with django_db_blocker.unblock():
        before = {name: state() for name, state in SECTIONS.items()}
        call_command("load_demo", stdout=io.StringIO())
        return before, {name: state() for name, state in SECTIONS.items()}


@pytest.mark.parametrize("section", SECTIONS)
def test_a_second_load_changes_nothing(loaded_twice, section):
    before, after = loaded_twice
    assert after[section] == before[section]


def test_after_a_second_load_every_translation_is_still_complete(loaded_twice, db):
    for code in ("fr", "ar", "uk"):
        for page in translated_pages(code):
            total, translated = translation_of(page).get_progress()
            assert translated == total, page.url_path
