"""Production's static storage works each name's URL out once, and anew after `collectstatic`."""

from unittest import mock

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage, staticfiles_storage
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

# config/settings/base.py's; the test settings serve files from the app folders as they are.
PRODUCTION = {"BACKEND": "core.static_storage.StaticStorage"}


@pytest.fixture
def collected(tmp_path):
    source, root = tmp_path / "source", tmp_path / "static"
    source.mkdir()
    (source / "site.css").write_text("body { color: black; }")
    with override_settings(
        STATIC_ROOT=root,
        STATICFILES_DIRS=[source],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STORAGES={**settings.STORAGES, "staticfiles": PRODUCTION},
        DEBUG=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield source


def test_a_url_is_the_manifests_and_is_worked_out_once(collected):
    first = static("site.css")
    assert first == "/static/" + ManifestStaticFilesStorage().stored_name("site.css")
    assert first != "/static/site.css"
    with mock.patch.object(ManifestStaticFilesStorage, "stored_name") as stored_name:
        assert static("site.css") == first
    stored_name.assert_not_called()


def test_collectstatic_forgets_the_urls_of_the_old_manifest(collected):
    before = static("site.css")
    (collected / "site.css").write_text("body { color: navy; }")
    call_command("collectstatic", interactive=False, verbosity=0)
    after = static("site.css")
    assert after != before
    assert after == "/static/" + staticfiles_storage.stored_name("site.css")


def test_with_debug_every_url_is_looked_up(collected):
    hashed = static("site.css")
    with override_settings(DEBUG=True):
        # Django's manifest storage names the file itself under DEBUG: the memo is not asked.
        assert static("site.css") == "/static/site.css" != hashed
