"""The cities' exchange: city and partner teams ask each other on a theme, each question and answer
signed with its organisation, linked from the toolkits and plans of that theme."""

import json
import uuid

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from accounts import services as account_services
from community import services
from community.access import space_access
from community.exceptions import PostingBlocked, RateLimited
from community.models import Post, Report, Space, Thread
from tests.community.helpers import cohort_with_people
from tests.factories import UserFactory
from tests.toolkits import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    theme = f.ThemeFactory(name="Political participation", slug="political-participation")
    gdansk = f.OrganisationFactory(name="City of Gdańsk", city="Gdańsk")
    lisbon = f.OrganisationFactory(name="Lisbon City Council", city="Lisbon", country="PT")
    marta = f.member(gdansk, display_name="Marta", email="marta.k@gdansk.example")
    ines = f.member(lisbon, display_name="Inês", email="ines.c@lisbon.example")
    return theme, gdansk, lisbon, marta, ines


def _ask(theme, author, title="How did you set up a migrant council?", body="We start next year."):
    return services.thread_create(
        space=services.exchange_space(theme=theme), author=author, title=title, body=body, rate_limited=False
    )


def test_city_teams_and_staff_read_the_exchange_and_nobody_else(client, network):
    theme, _gdansk, _lisbon, marta, ines = network
    thread = _ask(theme, marta)
    space = thread.space
    pages = [
        reverse("community:exchange_index"),
        reverse("community:exchange", args=[theme.slug]),
        space.get_absolute_url(),
        thread.get_absolute_url(),
    ]
    _cohort, trainer, trainee, _louis, _cohort_space = cohort_with_people()
    editor = UserFactory(is_staff=False)
    for outsider in (trainee, trainer, editor):
        client.force_login(outsider)
        assert [client.get(url).status_code for url in pages] == [404] * 4
        response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "Sneaking in"})
        assert response.status_code == 404
    client.logout()
    assert all("/login/" in client.get(url)["Location"] for url in pages)

    staff = UserFactory(is_staff=True)
    for person in (ines, staff):
        client.force_login(person)
        codes = [client.get(url, follow=True).status_code for url in pages]
        assert codes == [200] * 4
    assert space_access(user=staff, space=space).moderate
    assert not space_access(user=ines, space=space).moderate
    assert not Post.objects.filter(body="Sneaking in").exists()
    # A theme that does not exist is a 404, and asking for it makes no space.
    client.force_login(ines)
    assert client.get(reverse("community:exchange", args=["no-such-theme"])).status_code == 404
    assert Space.objects.filter(kind=Space.Kind.CITIES).count() == 1


def test_my_action_plans_leads_a_city_team_to_the_exchange(client, network):
    _theme, _gdansk, _lisbon, marta, _ines = network
    index, my_plans = reverse("community:exchange_index"), reverse("toolkits:my_plans")
    client.force_login(marta)
    assert index in client.get(my_plans).content.decode()
    client.force_login(UserFactory())  # no organisation: the link would be a 404
    assert index not in client.get(my_plans).content.decode()


def test_a_city_team_member_cannot_moderate_another_citys_question(client, network):
    theme, _gdansk, _lisbon, marta, ines = network
    thread = _ask(theme, marta)
    question = thread.posts.get()
    client.force_login(ines)
    refused = [
        client.post(reverse("community:moderate", args=[question.pk]), {"note": "Mine now"}),
        client.post(reverse("community:pin", args=[thread.pk]), {"pinned": "1"}),
        client.post(reverse("community:block", args=[thread.space.pk]), {"user": marta.pk}),
    ]
    assert [response.status_code for response in refused] == [404, 404, 404]
    question.refresh_from_db()
    thread.refresh_from_db()
    assert question.hidden_at is None and not thread.pinned and not thread.space.blocks.exists()


def test_a_question_shows_the_city_that_asked_and_each_answer_its_city_never_an_email(client, network):
    theme, gdansk, lisbon, marta, ines = network
    client.force_login(marta)
    space_url = client.get(reverse("community:exchange", args=[theme.slug]))["Location"]
    page = client.get(space_url).content.decode()
    assert "You write for <bdi>City of Gdańsk</bdi>" in page
    response = client.post(
        space_url + "new/",
        {"title": "How did you set up a migrant council?", "body": "Who sits on it, and who chooses them?"},
    )
    thread = Thread.objects.get()
    assert response["Location"] == thread.get_absolute_url()
    assert thread.organisation == gdansk

    client.force_login(ines)
    response = client.post(
        reverse("community:reply", args=[thread.pk]),
        {"body": "Ours is elected by the migrant associations, every two years.", "quote": ""},
    )
    assert response.status_code == 302
    answer = Post.objects.get(body__startswith="Ours is elected")
    assert answer.organisation == lisbon and not answer.by_trainer

    html = client.get(thread.get_absolute_url()).content.decode()
    assert "A question from <bdi>City of Gdańsk</bdi>" in html
    assert '<span class="badge text-bg-info"><bdi>Lisbon City Council</bdi></span>' in html
    assert "Marta" in html and "Inês" in html
    assert "@gdansk.example" not in html and "@lisbon.example" not in html
    listing = client.get(thread.space.get_absolute_url()).content.decode()
    assert "asked by <bdi>City of Gdańsk</bdi>" in listing
    assert "Cities' exchange: Political participation" in listing


def test_one_space_per_theme_whatever_the_language_it_is_read_in(client, network):
    theme, _gdansk, _lisbon, marta, _ines = network
    french = f.ThemeFactory(
        name="Participation politique",
        slug=theme.slug,
        locale=Locale.objects.get(language_code="fr"),
        translation_key=theme.translation_key,
    )
    assert services.exchange_space(theme=french) == services.exchange_space(theme=theme)
    client.force_login(marta)
    space = Space.objects.get(kind=Space.Kind.CITIES)
    assert "Participation politique" in client.get(f"/fr/community/spaces/{space.pk}/").content.decode()
    # Without an Arabic name, the site's default language's (English), not another translation's.
    assert "Political participation" in client.get(f"/ar/community/spaces/{space.pk}/").content.decode()
    _ask(theme, marta)
    index = client.get("/fr/community/cities/").content.decode()
    assert "Participation politique" in index and "Political participation" not in index
    assert f'href="/fr/community/cities/{theme.slug}/"' in index
    with pytest.raises(IntegrityError), transaction.atomic():
        Space.objects.create(kind=Space.Kind.CITIES, theme_key=theme.translation_key)
    # A space of the exchange has a theme and belongs to no course.
    for keys in ({"theme_key": None}, {"theme_key": uuid.uuid4(), "course_key": uuid.uuid4()}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Space.objects.create(kind=Space.Kind.CITIES, **keys)


def test_reports_hiding_blocks_helpful_marks_and_rate_limits_work_in_the_exchange(client, network):
    theme, _gdansk, _lisbon, marta, ines = network
    thread = _ask(theme, marta)
    question = thread.posts.get()
    assert services.helpful_mark(post=question, user=ines)
    report = services.post_report(post=question, reporter=ines, reason="off_topic")
    staff = UserFactory(is_staff=True, display_name="Network team")
    client.force_login(staff)
    assert f"/posts/{question.pk}/moderate/" in client.get(reverse("community:reports")).content.decode()
    services.post_hide(post=question, moderator=staff, note="Asked twice")
    report.refresh_from_db()
    assert report.resolved_at is not None
    client.force_login(ines)
    assert "A moderator has hidden this post." in client.get(thread.get_absolute_url()).content.decode()

    services.person_block(space=thread.space, user=ines, moderator=staff)
    with pytest.raises(PostingBlocked):
        services.post_create(thread=thread, author=ines, body="Still here")
    staff_answer = services.post_create(thread=thread, author=staff, body="Please ask once.")
    assert staff_answer.by_trainer and staff_answer.organisation is None
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "The network's team" in html and "Trainer's answer" not in html
    assert Report.objects.count() == 1


@override_settings(COMMUNITY_POST_RATE="2/5m/user")
def test_a_city_team_member_is_rate_limited_like_anyone(network):
    theme, _gdansk, _lisbon, marta, _ines = network
    thread = _ask(theme, marta)
    services.post_create(thread=thread, author=marta, body="Two")
    services.post_create(thread=thread, author=marta, body="Three")
    with pytest.raises(RateLimited):
        services.post_create(thread=thread, author=marta, body="Four")


def test_search_finds_a_question_of_the_exchange(client, network):
    theme, _gdansk, _lisbon, marta, ines = network
    _ask(theme, marta, title="Migrant council", body="Who chooses its members?")
    _ask(theme, marta, title="Voting rights", body="Local elections for residents")
    client.force_login(ines)
    space = Space.objects.get(kind=Space.Kind.CITIES)
    html = client.get(space.get_absolute_url(), {"q": "chooses"}).content.decode()
    assert "Migrant council" in html and "Voting rights" not in html


def test_the_toolkit_page_links_anonymous_readers_and_lists_the_latest_questions_to_teams(client, network):
    theme, _gdansk, _lisbon, marta, ines = network
    other = f.ThemeFactory(name="Housing", slug="housing")
    kit = f.toolkit(f.library(), themes=[theme, other])
    for n in range(4):
        _ask(theme, marta, title=f"Question number {n}")
    exchange_url = reverse("community:exchange", args=[theme.slug])

    anonymous = client.get(kit.url).content.decode()
    assert exchange_url in anonymous and reverse("community:exchange", args=["housing"]) in anonymous
    assert "Question number" not in anonymous

    client.force_login(ines)
    html = client.get(kit.url).content.decode()
    assert "Questions from cities on Political participation" in html
    # The latest three, the newest first; the oldest waits behind the link.
    assert [n for n in range(4) if f"Question number {n}<" in html] == [1, 2, 3]
    assert html.index("Question number 3") < html.index("Question number 1")
    assert "Questions from cities on Housing" in html and "No question yet" in html

    _cohort, _trainer, trainee, _louis, _space = cohort_with_people()
    client.force_login(trainee)
    html = client.get(kit.url).content.decode()
    assert exchange_url not in html and "Question number" not in html


def test_the_toolkit_page_for_a_team_makes_the_same_queries_with_many_questions(client, network):
    theme, _gdansk, _lisbon, marta, ines = network
    kit = f.toolkit(f.library(), themes=[theme, f.ThemeFactory()])
    _ask(theme, marta, title="The only one")
    client.force_login(ines)
    client.get(kit.url)
    with CaptureQueriesContext(connection) as few:
        client.get(kit.url)
    for n in range(30):
        _ask(theme, marta, title=f"More {n}")
    with CaptureQueriesContext(connection) as many:
        html = client.get(kit.url).content.decode()
    assert "More 29" in html
    assert len(many) == len(few)


def test_a_plan_links_to_the_exchanges_of_its_toolkit_or_its_template_themes(client, network):
    theme, gdansk, _lisbon, marta, _ines = network
    shelf = f.library()
    template = f.template(shelf)
    kit = f.toolkit(shelf, themes=[theme])
    plan = f.plan(template, gdansk, marta)
    client.force_login(marta)
    url = reverse("toolkits:plan", kwargs={"public_id": plan.public_id})
    assert reverse("community:exchange", args=[theme.slug]) not in client.get(url).content.decode()
    f.link_template(kit, template)  # a plan from a template alone: the themes of the toolkits offering it
    assert reverse("community:exchange", args=[theme.slug]) in client.get(url).content.decode()
    housing = f.ThemeFactory(name="Housing", slug="housing")
    other_kit = f.toolkit(shelf, title="Lisbon toolkit", themes=[housing])
    plan.toolkit = other_kit
    plan.save(update_fields=["toolkit"])
    html = client.get(url).content.decode()
    assert reverse("community:exchange", args=["housing"]) in html
    assert reverse("community:exchange", args=[theme.slug]) not in html


def test_export_says_which_organisation_a_person_wrote_for_and_erasure_keeps_the_citys_answer(
    client, network, django_capture_on_commit_callbacks
):
    theme, gdansk, _lisbon, marta, ines = network
    thread = _ask(theme, marta, body="Marta's own words")
    found = account_services.user_data_export(user=marta)["community"]
    assert found["discussion_posts"][0]["written_for"] == "City of Gdańsk"
    assert found["discussion_threads"][0]["written_for"] == "City of Gdańsk"
    assert "written_for" in json.dumps(found, ensure_ascii=False)
    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=marta)
    post = Post.objects.get(body="Marta's own words")
    assert post.author is None and post.organisation == gdansk
    client.force_login(ines)
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "a former member" in html and "City of Gdańsk" in html
