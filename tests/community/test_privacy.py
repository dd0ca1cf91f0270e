import json

import pytest

from accounts import services as account_services
from community import services
from community.models import Helpful, Post, Report, Thread
from tests.community.helpers import cohort_with_people

pytestmark = pytest.mark.django_db


def test_posts_are_exported_and_erasure_signs_them_a_former_member(
    client, django_capture_on_commit_callbacks
):
    _cohort, _trainer, amal, louis, space = cohort_with_people()
    thread = services.thread_create(space=space, author=amal, title="Amal's question", body="Where to start?")
    services.post_create(thread=thread, author=louis, body="Here!")
    services.helpful_mark(post=thread.posts.get(author=louis), user=amal)
    services.post_report(
        post=thread.posts.get(author=louis), reporter=amal, reason="other", details="Amal's note"
    )

    found = json.dumps(account_services.user_data_export(user=amal)["community"], ensure_ascii=False)
    assert "Where to start?" in found and "Amal's question" in found and "Amal's note" in found

    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=amal)

    thread = Thread.objects.get()
    assert thread.author is None and Post.objects.get(body="Where to start?").author is None
    assert not Helpful.objects.exists()
    assert Report.objects.get().details == "" and Report.objects.get().reporter is None
    client.force_login(louis)
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "a former member" in html and "Where to start?" in html and "Amal<" not in html
