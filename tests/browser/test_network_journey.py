"""An alumnus opts into the directory (English interface) and chooses what it shows; Karim, in the Arabic
interface, finds him with the directory's filters and writes to him; he answers. The directory and the
conversation pass axe-core's WCAG 2.1 A/AA checks in both languages."""

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from network.models import Conversation, DirectoryProfile
from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path("/work/shots/network")


def shot(page, name):
    path = screenshot(page, name)
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        shutil.copy(path, SHOTS / path.name)
    assert accessibility_violations(page) == []


def test_an_alumnus_opts_in_is_found_by_a_filter_and_answers_a_message(browser, site):
    hamid = open_page(browser, site, DESKTOP, "hamid@example.org")
    hamid.goto("/en/learning/")
    hamid.get_by_role("link", name="My directory settings").click()
    expect(hamid.locator("main")).to_contain_text("You are not in the directory")
    hamid.locator("#id_listed").check()
    hamid.locator("#id_show_city").check()
    hamid.locator("#id_show_languages").check()
    hamid.locator("#id_show_bio").check()
    for code in ("fr", "ar", "en"):
        hamid.locator(f"input[name=languages][value={code}]").check()
    hamid.locator("#id_bio").fill("Vote & Voix: I help newcomers register to vote in the communal elections.")
    hamid.get_by_role("button", name="Save").click()
    preview = hamid.locator("article.network-card")
    expect(preview).to_contain_text("Hamid Nouri")
    expect(preview).to_contain_text("Brussels")
    expect(preview).not_to_contain_text("Vote & Voix Bruxelles")  # his organisation: not chosen
    shot(hamid, "network-01-settings-preview-en")
    profile = DirectoryProfile.objects.get(user__email="hamid@example.org")
    assert profile.listed and not profile.show_organisation

    karim = open_page(browser, site, DESKTOP, "karim@example.org")
    karim.goto("/ar/network/")
    assert karim.locator("html").get_attribute("dir") == "rtl"
    karim.locator("#id_language").select_option("fr")
    karim.locator("#id_city").fill("Brussels")
    karim.locator("form.network-filters button[type=submit]").click()
    expect(karim).to_have_url(re.compile(r"language=fr&city=Brussels"))
    card = karim.locator("article.network-card", has_text="Hamid Nouri")
    expect(card).to_be_visible()
    expect(karim.locator("article.network-card", has_text="Yusuf")).to_have_count(0)  # Antwerp
    assert "hamid@example.org" not in karim.content()
    shot(karim, "network-02-directory-filtered-ar")
    card.locator("a").first.click()
    karim.locator("#id_body").fill("مرحباً حميد! كيف تساعدون القادمين الجدد على التسجيل للتصويت؟ Merci !")
    karim.locator("form[action$='/message/'] button[type=submit]").click()
    expect(karim.locator("article.post .post-body")).to_have_attribute("dir", "auto")
    expect(karim.locator("main")).to_contain_text("كيف تساعدون")

    hamid.goto("/en/network/messages/")
    expect(hamid.locator(".conversation-list")).to_contain_text("New")
    shot(hamid, "network-03-inbox-en")
    hamid.locator(".conversation-list a").first.click()
    hamid.locator("#id_body").fill(
        "Hello Karim! We hold a stand at the market every Saturday, with the forms."
    )
    hamid.locator("form[action$='/reply/'] button[type=submit]").click()
    expect(hamid.locator("article.post").last).to_contain_text("every Saturday")
    shot(hamid, "network-04-conversation-en")

    karim.reload()
    expect(karim.locator("article.post").last).to_contain_text("every Saturday")
    shot(karim, "network-05-conversation-ar")
    conversation = Conversation.objects.get(messages__body__contains="every Saturday")
    assert conversation.messages.count() == 2
    for page in (hamid, karim):
        page.context.close()
