"""Every page the site, the demo and the test factories write can be translated with wagtail-localize
(admin → Translate): its lists are stored in the admin's format, so their texts are offered as
segments, and a translation source can be made from it and translated round trip.

Two ways this broke: code that wrote a ListBlock as a plain list (the format before Wagtail 2.16) hid
its texts from wagtail-localize (learning/quiz_format.py); and a StructBlock stored without one of its
text fields (the demo's home-page cards have no link) read that field as None, on which wagtail-localize's
segment extraction raised a TypeError (wagtail-localize issue #298), so the home page could not be
translated at all."""

import uuid

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.segments.extract import extract_segments

from home.models import HomePage
from learning.models import LessonPage
from tests.factories import UserFactory, lessons_of, make_course, quiz_block, reflection_block, text_block

pytestmark = pytest.mark.django_db


def page_models() -> list[type[Page]]:
    return [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]


def stream_fields(model) -> list[StreamField]:
    return [field for field in model._meta.get_fields() if isinstance(field, StreamField)]


def plain_lists(block, raw, path="") -> list[str]:
    """Where `raw` (stored StreamField data for `block`) holds a ListBlock in the plain-list format."""
    found = []
    if isinstance(block, blocks.StreamBlock):
        for child in raw or []:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                found += plain_lists(child_block, child.get("value"), f"{path}/{child['type']}")
    elif isinstance(block, blocks.ListBlock):
        for position, item in enumerate(raw or []):
            if not block._item_is_in_block_format(item):
                found.append(f"{path}[{position}]")
            else:
                found += plain_lists(block.child_block, item["value"], f"{path}[{position}]")
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child_block in block.child_blocks.items():
            found += plain_lists(child_block, raw.get(name), f"{path}.{name}")
    return found


def plain_lists_of(page) -> list[str]:
    page = page.specific
    return [
        f"{type(page).__name__} {page.pk} {field.name}{where}"
        for field in stream_fields(type(page))
        for where in plain_lists(field.stream_block, list(getattr(page, field.name).raw_data))
    ]


def test_every_page_of_the_demo_stores_its_lists_in_the_admins_format(demo):
    assert [where for page in Page.objects.all() for where in plain_lists_of(page)] == []


def test_the_factories_store_lists_in_the_admins_format():
    from tests.toolkits import factories as toolkit_factories

    questions = [{"text": "Which?", "multiple": False, "answers": [{"text": "This", "correct": True}]}]
    course = make_course(
        bodies=[[text_block(), quiz_block(), quiz_block(questions=questions)], [reflection_block()]]
    )
    template = toolkit_factories.template(toolkit_factories.library())

    pages = [*lessons_of(course), template]
    assert [where for page in pages for where in plain_lists_of(page)] == []


# A value as code writes it when it leaves text fields out: every StructBlock without its texts.
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def sparse(block):
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": sparse(child), "id": str(uuid.uuid4())}
            for name, child in block.child_blocks.items()
        ]
    if isinstance(block, blocks.ListBlock):
        return [{"type": "item", "value": sparse(block.child_block), "id": str(uuid.uuid4())}]
    if isinstance(block, blocks.StructBlock) and not isinstance(block, ImageBlock):
        return {
            name: sparse(child)
            for name, child in block.child_blocks.items()
            if not isinstance(child, (*TEXT_BLOCKS, ImageBlock))
        }
    if isinstance(block, EmbedBlock):
        return "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    if isinstance(block, blocks.RichTextBlock):
        return "<p>Text</p>"
    if isinstance(block, TEXT_BLOCKS):
        return "Text"
    return None


@pytest.mark.parametrize(
    "model", [model for model in page_models() if stream_fields(model)], ids=lambda model: model.__name__
)
def test_a_struct_stored_without_its_text_fields_can_still_be_translated(model):
    fields = {field.name: sparse(field.stream_block) for field in stream_fields(model)}
    page = model(title="A page", slug="a-page", **fields)

    segments = extract_segments(page)  # raised TypeError on a text field read as None

    assert segments


def test_the_admins_translate_action_on_the_demo_home_page(demo, client):
    home = HomePage.objects.get(locale__language_code="en")
    german = Locale.objects.get(language_code="de")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[home.pk]), {"locales": [german.pk]}
    )

    assert response.status_code == 302  # was a 500: TypeError from the cards' missing link label
    assert Translation.objects.filter(source__object_id=home.translation_key, target_locale=german).exists()


def one_page_of_each_type() -> list[Page]:
    english = Locale.objects.get(language_code="en")
    pages = {}
    for page in Page.objects.filter(locale=english, alias_of__isnull=True, depth__gt=1).order_by("path"):
        page = page.specific
        if isinstance(page, LessonPage) and not any(block.block_type == "quiz" for block in page.body):
            continue  # the lesson is one with a quiz: its questions and answers are translated too
        pages.setdefault(type(page), page)
    return list(pages.values())


def test_every_page_type_of_the_demo_translates_round_trip(demo):
    german = Locale.objects.get(language_code="de")
    pages = one_page_of_each_type()
    assert {type(page).__name__ for page in pages} >= {
        "HomePage",
        "StandardPage",
        "CoursePage",
        "LessonPage",
        "ToolkitPage",
        "ActionPlanTemplatePage",
    }

    for page in pages:
        translate_object(page, [german])  # what the admin's Translate action does
        source = TranslationSource.objects.get_for_instance(page)
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        assert segments.exists(), type(page).__name__
        for segment in segments:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=german,
                context=segment.context,
                defaults={"data": f"DE {segment.string.data}"},
            )
        Translation.objects.get(source=source, target_locale=german).save_target(publish=True)

        translated = page.get_translation(german).specific
        assert translated.title == f"DE {page.title}", type(page).__name__
        assert translated.alias_of_id is None
        assert plain_lists_of(translated) == []
        if isinstance(translated, LessonPage):
            quiz = next(block.value for block in translated.body if block.block_type == "quiz")
            assert quiz["questions"][0]["text"].startswith("DE ")
            assert quiz["questions"][0]["answers"][0]["text"].startswith("DE ")
