"""Stored XSS in what people write to each other, without a browser: the payloads of tests/xss.py written
into every free-text field of the discussions, the directory, direct messages, the cities' exchange and
the mentor check-ins, and every page and e-mail that shows them to someone else rendered and searched.

Fields: thread titles and posts (with quotes), exchange questions and answers and the organisations that
sign them, a directory entry's display name, organisation, city, topics and bio, messages, a check-in's
actions, notes, indicators, values and comments, and the notifications made from them. Pages: the thread
and space pages, the toolkit and plan pages that list exchange questions, the directory, a person's page,
the inbox and a conversation, the check-in and plan pages (both cities), the notifications centre; the
e-mails' HTML parts (their text parts are plain text, where nothing is markup).

The payloads are written through the services (which take text as it is typed) or straight into the
rows; what is tested is the output. A page passes when it shows payloads (so a page that stopped showing
them cannot pass unnoticed) and its parsed HTML holds nothing a payload could have made
(tests.xss.html_traces). tests/browser/test_xss_payloads.py does the same for the learning and plan
pages in a real browser.
"""

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from community import services as community
from learning.models import Topic
from network import services as network
from notifications.digest import digests_send
from notifications.models import Delivery, Kind
from notifications.services import preferences_save
from tests.community.helpers import cohort_with_people
from tests.factories import UserFactory
from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import finalise, section_of
from tests.xss import ALL, PAYLOADS, html_traces, payloads_shown
from toolkits import services as toolkits
from toolkits.checkins import services as checkins
from toolkits.checkins.selectors import plan_items
from toolkits.models import CheckInActionUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _run_on_commit(monkeypatch):
    # The test's transaction is rolled back, never committed: run after-commit work (notifications, their
    # e-mails) at once, as a commit would.
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def shows_payloads_safely(client, url: str, *, status: int = 200) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == status, (url, response.status_code)
    html = response.content.decode()
    assert payloads_shown(html), f"{url} shows none of the payloads"
    assert html_traces(html) == [], url
    return html


def emails_are_safe(recipient) -> int:
    """Every e-mail to `recipient`: its HTML part holds nothing a payload made. How many there were."""
    messages = [m for m in mail.outbox if recipient.email in m.to]
    for message in messages:
        (html, mimetype), *_others = message.alternatives
        assert mimetype == "text/html" and payloads_shown(html), message.subject
        assert html_traces(html) == [], (message.subject, html)
    return len(messages)


def immediately(*people) -> None:
    for person in people:
        preferences_save(user=person, deliveries=dict.fromkeys(Kind.values, Delivery.IMMEDIATE))


def test_the_detector_finds_payloads_that_are_not_escaped():
    """html_traces is live: the payloads put into a page as markup leave traces it finds."""
    assert len(html_traces(f"<html><body>{ALL}</body></html>")) >= 5
    assert html_traces("<p>&lt;script&gt;__xss(1)&lt;/script&gt;</p>") == []


def test_discussion_titles_posts_and_names_are_escaped_where_members_read_them(client):
    _cohort, trainer, amal, louis, space = cohort_with_people()
    for person, payload in ((amal, PAYLOADS[1]), (louis, PAYLOADS[6]), (trainer, PAYLOADS[24])):
        person.display_name = payload
        person.save(update_fields=["display_name"])
    immediately(amal, louis, trainer)
    threads = [
        community.thread_create(space=space, author=amal, title=payload[:150], body=ALL, rate_limited=False)
        for payload in PAYLOADS[:10]
    ]
    first = threads[0].posts.get()
    reply = community.post_create(thread=threads[0], author=louis, body=ALL, quote=first, rate_limited=False)
    community.post_create(thread=threads[0], author=trainer, body=ALL, quote=reply, rate_limited=False)
    community.post_report(post=reply, reporter=amal, reason="spam", details=PAYLOADS[13])

    for reader in (amal, louis, trainer):
        client.force_login(reader)
        shows_payloads_safely(client, space.get_absolute_url())
        shows_payloads_safely(client, threads[0].get_absolute_url())
        if reader != trainer:  # the trainer is told of nothing here: they wrote last
            shows_payloads_safely(client, reverse("notifications:centre"))
    shows_payloads_safely(client, reverse("community:reports"))
    shows_payloads_safely(client, reverse("community:moderate", args=[reply.pk]))
    client.force_login(louis)
    shows_payloads_safely(client, reverse("community:report", args=[first.pk]))

    # Amal was replied to and answered; Louis was answered after his reply: each at once by e-mail.
    assert emails_are_safe(amal) >= 2 and emails_are_safe(louis) >= 1


def test_exchange_questions_answers_and_their_organisations_are_escaped(client):
    theme = f.ThemeFactory()
    gdansk = f.OrganisationFactory(name=PAYLOADS[3], city=PAYLOADS[4])
    lisbon = f.OrganisationFactory(name=PAYLOADS[5])
    marta = f.member(gdansk, display_name=PAYLOADS[7])
    ines = f.member(lisbon, display_name=PAYLOADS[8])
    immediately(marta, ines)
    space = community.exchange_space(theme=theme)
    question = community.thread_create(
        space=space, author=marta, title=PAYLOADS[0], body=ALL, rate_limited=False
    )
    community.post_create(thread=question, author=ines, body=ALL, rate_limited=False)
    kit = f.toolkit(f.library(), themes=[theme])
    plan = f.plan(organisation=gdansk, user=marta, title=PAYLOADS[2])
    f.link_template(kit, plan.template)  # the plan page links to its themes' exchange

    for reader in (marta, ines):
        client.force_login(reader)
        shows_payloads_safely(client, question.get_absolute_url())
        shows_payloads_safely(client, space.get_absolute_url())
        shows_payloads_safely(client, kit.url)
    client.force_login(marta)
    shows_payloads_safely(client, reverse("toolkits:plan", args=[plan.public_id]))
    shows_payloads_safely(client, reverse("notifications:centre"))
    assert emails_are_safe(marta) >= 1


def test_directory_entries_and_messages_are_escaped(client):
    topic = Topic.objects.create(name=PAYLOADS[9][:80])
    amal = UserFactory(display_name=PAYLOADS[10], organisation=PAYLOADS[11], city=PAYLOADS[12][:100])
    network.profile_update(
        user=amal,
        listed=True,
        shown={
            f"show_{name}": True
            for name in ("name", "languages", "city", "organisation", "topics", "bio", "courses")
        },
        languages=["ar", "fr"],
        topics=[topic],
        themes=[],
        bio=ALL[:1000],
    )
    louis = UserFactory(display_name=PAYLOADS[14])
    immediately(amal, louis)
    message = network.conversation_start(sender=louis, recipient=amal, body=ALL, rate_limited=False)
    network.message_send(conversation=message.conversation, sender=amal, body=ALL, rate_limited=False)

    client.force_login(louis)
    shows_payloads_safely(client, reverse("network:directory"))
    shows_payloads_safely(client, reverse("network:directory") + f"?topic={topic.pk}")
    shows_payloads_safely(client, amal.directory_profile.get_absolute_url())
    for reader in (louis, amal):
        client.force_login(reader)
        shows_payloads_safely(client, reverse("network:inbox"))
        shows_payloads_safely(client, message.conversation.get_absolute_url())
        shows_payloads_safely(client, reverse("notifications:centre"))
    client.force_login(amal)
    shows_payloads_safely(client, reverse("network:settings"))
    assert emails_are_safe(amal) >= 1 and emails_are_safe(louis) >= 1


def test_check_in_updates_values_and_comments_are_escaped_for_both_cities(client):
    gdansk = f.OrganisationFactory(name=PAYLOADS[15])
    lisbon = f.OrganisationFactory(name=PAYLOADS[16])
    marta = f.member(gdansk, display_name=PAYLOADS[17])
    ana = f.member(lisbon, display_name=PAYLOADS[18])
    immediately(marta, ana)
    f.pairing(lisbon, gdansk)
    plan = f.plan(organisation=gdansk, user=marta, title=PAYLOADS[19])
    toolkits.section_save(
        section=section_of(plan, "actions"),
        user=marta,
        content={
            "rows": [
                {"action": p[:300], "owner": p, "indicator": PAYLOADS[-1 - n], "target": PAYLOADS[n - 1]}
                for n, p in enumerate(PAYLOADS[:8])
            ]
        },
        base_version=0,
    )
    checkin = finalise(plan, marta)
    actions, indicators = plan_items(plan=plan)
    statuses = CheckInActionUpdate.Status.values
    checkin = checkins.checkin_submit(
        checkin=checkin,
        user=marta,
        actions=[
            {
                "section_key": item.section_key,
                "row": item.row,
                "action": item.text[:300],
                "status": statuses[n % len(statuses)],
                "note": PAYLOADS[n + 20],
            }
            for n, item in enumerate(actions)
        ],
        indicators=[
            {
                "section_key": item.section_key,
                "row": item.row,
                "indicator": item.text[:300],
                "target": item.target[:300],
                "value": PAYLOADS[n + 30],
            }
            for n, item in enumerate(indicators)
        ],
    )
    checkins.checkin_comment_add(checkin=checkin, user=ana, body=ALL[:2000])
    checkins.checkin_comment_add(checkin=checkin, user=marta, body=ALL[:2000])
    checkin_url = reverse("toolkits:checkin", kwargs={"public_id": plan.public_id, "months": checkin.months})

    for reader in (marta, ana):
        client.force_login(reader)
        shows_payloads_safely(client, checkin_url)
        shows_payloads_safely(client, reverse("toolkits:plan", args=[plan.public_id]))
        # The report told the mentor, each comment the other city: named by the payloads.
        shows_payloads_safely(client, reverse("notifications:centre"))
    assert emails_are_safe(marta) >= 1 and emails_are_safe(ana) >= 2


def test_the_daily_digest_of_payload_notifications_is_escaped(client):
    _cohort, _trainer, amal, louis, space = cohort_with_people()
    louis.display_name = PAYLOADS[2]
    louis.save(update_fields=["display_name"])
    preferences_save(user=amal, deliveries={Kind.REPLY: Delivery.DIGEST})
    for payload in PAYLOADS[:5]:
        thread = community.thread_create(
            space=space, author=amal, title=payload, body="Hi", rate_limited=False
        )
        community.post_create(thread=thread, author=louis, body=ALL, rate_limited=False)
    mail.outbox.clear()

    assert digests_send() == 1

    assert emails_are_safe(amal) == 1
    client.force_login(amal)
    shows_payloads_safely(client, reverse("notifications:centre"))
