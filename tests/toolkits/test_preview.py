"""An editor previews a toolkit as it would be published: its documents are the editor's unsaved links
(a revision's, not the database's), shown with the download counts the published page has."""

import pytest

from tests.factories import UserFactory
from tests.toolkits import factories as f
from toolkits.models import DownloadEvent

pytestmark = pytest.mark.django_db


def test_the_preview_of_a_toolkit_lists_its_documents_with_their_downloads(client):
    editor = UserFactory(is_staff=True, is_superuser=True)
    model = f.document("Integration model")
    toolkit = f.toolkit(f.library(), documents=[(model, "en")])
    DownloadEvent.objects.create(document=model, toolkit=toolkit, document_title=model.title)
    revision = toolkit.save_revision(user=editor)

    client.force_login(editor)
    response = client.get(f"/admin/pages/{toolkit.pk}/revisions/{revision.pk}/view/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Integration model" in page
