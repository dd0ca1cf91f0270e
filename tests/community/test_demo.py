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


def test_the_demo_cities_ask_each_other_on_two_themes(demo, client):
    spaces = Space.objects.filter(kind="cities")
    assert spaces.count() == 2
    posts = Post.objects.filter(thread__space__in=spaces)
    cities = set(posts.values_list("organisation__city", flat=True))
    assert cities == {"Gdańsk", "Lisbon", "Dresden", "Brighton"}
    council = Thread.objects.get(title="How did you set up a migrant council?")
    assert council.organisation.city == "Lisbon" and council.reply_count == 5
    assert posts.filter(helpful_count__gt=0).exists() and posts.filter(quote__isnull=False).exists()
    client.force_login(User.objects.get(email="brighton@example.org"))
    html = client.get(council.get_absolute_url()).content.decode()
    assert "A question from <bdi>Lisbon City Council</bdi>" in html and "City of Gdańsk" in html
    toolkit = client.get("/en/toolkits/gdansk/").content.decode()
    assert "How did you set up a migrant council?" in toolkit
