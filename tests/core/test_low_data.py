"""Low-data mode (core/low_data.py): the browser's data saver (Save-Data: on) or the profile's setting
gives small images and videos as links with their transcripts; the whole-page cache never hands one
kind of reader the other's page."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import HomePage, StandardPage
from tests.factories import EnrolmentFactory, UserFactory, make_course

pytestmark = pytest.mark.django_db

SAVE_DATA = {"HTTP_SAVE_DATA": "on"}
VIDEO_URL = "https://www.youtube.com/watch?v=Qm4vE8kR2tA"


def page_with_an_image() -> StandardPage:
    image = get_image_model().objects.create(
        title="Map", file=get_test_image_file(filename="map.png", size=(1600, 900))
    )
    body = [{"type": "image", "value": {"image": image.pk, "alt_text": "Map of Europe", "decorative": False}}]
    home = HomePage.objects.get(locale__language_code="en")
    return home.add_child(
        instance=StandardPage(title="Where we work", slug="where", intro="Cities.", body=json.dumps(body))
    )


def _img(response) -> str:
    assert response.status_code == 200
    return re.search(r"<img [^>]*>", response.content.decode()).group(0)


def _is_light(img: str) -> bool:
    return "srcset" not in img and ".width-480." in img and 'alt="Map of Europe"' in img


def _is_full(img: str) -> bool:
    return "srcset" in img and ".width-1440." in img and 'alt="Map of Europe"' in img


@pytest.mark.parametrize("first", ["full", "light"])
def test_a_save_data_reader_never_gets_the_full_page_from_the_cache_nor_the_other_way_round(first):
    url = page_with_an_image().url
    asks = {"full": {}, "light": SAVE_DATA}
    order = [first, "light" if first == "full" else "full"] * 2  # built, then from the cache

    for kind in order:
        response = Client().get(url, **asks[kind])
        assert "save-data" in response["Vary"].lower()
        assert (_is_light if kind == "light" else _is_full)(_img(response)), (kind, _img(response))


def test_the_profile_setting_gives_a_signed_in_reader_the_light_page_without_the_header(client):
    url = page_with_an_image().url
    reader = UserFactory(low_data=True)
    client.force_login(reader)
    assert _is_light(_img(client.get(url)))

    reader.low_data = False
    reader.save()
    assert _is_full(_img(client.get(url)))


def _lesson_with_a_video():
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/Qm4vE8kR2tA" title="Voting"></iframe>',
        title="Voting",
    )
    video = {"video": VIDEO_URL, "title": "How a city council votes", "transcript": "First, the mayor..."}
    course = make_course(bodies=[[{"type": "video", "value": video}]])
    enrolment = EnrolmentFactory(cohort__course=course)
    return course.get_children().first(), enrolment.user


@pytest.mark.parametrize("asked_by", ["profile", "header"])
def test_in_low_data_mode_a_lesson_video_is_a_link_with_its_transcript_open(client, asked_by):
    lesson, trainee = _lesson_with_a_video()
    trainee.low_data = asked_by == "profile"
    trainee.save()
    client.force_login(trainee)

    html = client.get(lesson.url, **(SAVE_DATA if asked_by == "header" else {})).content.decode()

    assert "<iframe" not in html
    assert f'href="{VIDEO_URL}"' in html
    assert re.search(r"<details[^>]* open><summary>Transcript</summary>First, the mayor", html)


def test_otherwise_the_lesson_video_plays_in_the_page_once_asked_and_the_transcript_waits(client):
    lesson, trainee = _lesson_with_a_video()
    client.force_login(trainee)

    html = client.get(lesson.url).content.decode()

    assert '<iframe src="https://www.youtube-nocookie.com/embed/Qm4vE8kR2tA"' in html
    assert "autoplay" not in html
    assert re.search(r'<details class="mt-2"><summary>Transcript</summary>', html)


def test_the_profile_page_offers_low_data_mode_and_keeps_it(client):
    reader = UserFactory()
    client.force_login(reader)
    assert 'name="low_data"' in client.get(reverse("accounts:profile")).content.decode()

    client.post(reverse("accounts:profile"), {"display_name": "Amina", "language": "en", "low_data": "on"})

    reader.refresh_from_db()
    assert reader.low_data
