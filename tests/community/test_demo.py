import pytest
from django.urls import reverse

from accounts.models import User
from community.models import Post, Space, Thread

pytestmark = pytest.mark.django_db


def test_the_demo_cohort_discusses_in_three_languages(demo, client):
    space = Space.objects.get(kind="cohort", cohort__title__startswith="Brussels and online")
    threads = Thread.objects.filter(space=space)
    assert threads.count() == 2 and threads.filter(pinned=True).count() == 1
    posts = Post.objects.filter(thread__space=space)
    assert posts.filter(by_trainer=True).exists() and posts.filter(hidden_at__isnull=False).count() == 1
    assert posts.filter(body__contains="مرحباً").exists() and posts.filter(body__startswith="Bonjour").exists()
    assert Space.objects.filter(kind="lesson", cohort=space.cohort).exists()
    client.force_login(User.objects.get(email="karim@example.org"))
    html = client.get(reverse("community:space", args=[space.pk])).content.decode()
    assert "Welcome: introduce yourself" in html
