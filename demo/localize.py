"""The demo's translations, made the way an editor's are: through wagtail-localize.

A page (or snippet) translated here is linked to its English source: a `TranslationSource` of the English
page, a `Translation` into the language, and each text a `StringTranslation` of one of the source's
segments. An editor opening *Translate* sees every segment translated, and *Sync translated pages*
carries the demo's texts along instead of losing them.

The demo writes its texts per language in demo/data/*.json, not per segment. They are matched to the
source's segments by building the object in the target language in memory, with the same fill as the
English one from the same data, and extracting its segments: both have the same structure, so the n-th
string of the translated object translates the n-th string of the source. Paths are compared with their
block ids left out (ids differ between two objects built apart) so that a text written in a different
shape (a paragraph more in one language) fails loudly here rather than publishing a misaligned page.
Images, links and other overridable segments are left as the source's, as the editor's defaults are.
"""

import re

from django.db.models import Model
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# A block id (a UUID) inside a segment's path: "body.<id>.value" → "body.*.value".
BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class DemoTranslationMismatch(Exception):
    """The demo data's text in a language does not have the shape of its English text."""


def _shape(path: str) -> str:
    return BLOCK_ID.sub("*", path)


def _strings(instance: Model) -> list[StringSegmentValue]:
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            # Blocks built in memory have no ids until saved, and a segment's path needs one.
            value = field.get_prep_value(getattr(instance, field.name))
            setattr(instance, field.name, field.to_python(value))
    return [segment for segment in extract_segments(instance) if isinstance(segment, StringSegmentValue)]


def _string_translations_save(source: TranslationSource, translated: Model, locale: Locale) -> bool:
    """Save the strings of `translated` as the translations of the source's segments into `locale`;
    True when any was new or changed."""
    segments = list(
        StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    )
    texts = _strings(translated)
    if len(texts) != len(segments):
        raise DemoTranslationMismatch(
            f"{source.object_repr}: {len(texts)} texts in {locale.language_code}, {len(segments)} in English"
        )
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale, context_id__in=[segment.context_id for segment in segments]
        )
    }
    new, changed = {}, []
    for segment, text in zip(segments, texts, strict=True):
        if _shape(segment.context.path) != _shape(text.path):
            raise DemoTranslationMismatch(
                f"{source.object_repr}: {text.path} in {locale.language_code} where English has "
                f"{segment.context.path} ({segment.string.data!r})"
            )
        key = (segment.string_id, segment.context_id)
        row = existing.get(key)
        if row is None:
            new[key] = StringTranslation(
                translation_of_id=segment.string_id,
                context_id=segment.context_id,
                locale=locale,
                data=text.string.data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
        elif row.data != text.string.data:
            row.data = text.string.data
            changed.append(row)
    StringTranslation.objects.bulk_create(new.values())
    StringTranslation.objects.bulk_update(changed, ["data"])
    return bool(new or changed)


def translation_save(*, source_instance: Model, translated: Model, locale: Locale) -> Model:
    """The translation of `source_instance` into `locale`, linked to it in wagtail-localize, with the
    texts of `translated` (built in memory, never saved); created, or updated when it exists.

    A page not yet in `locale` first becomes an alias there (with aliases of its untranslated parents),
    as wagtail-localize's synchronised trees make it; the translation then turns the alias into the
    translated page, as the editor's *Translate* on an alias does. A page translated by hand before
    (an older demo) is taken over in place: its translation key already links it.
    """
    existing = source_instance.get_translation_or_none(locale)
    if isinstance(source_instance, Page) and existing is None:
        existing = source_instance.copy_for_translation(locale, copy_parents=True, alias=True)
    previous = TranslationSource.objects.filter(
        object_id=source_instance.translation_key, locale_id=source_instance.locale_id
    ).first()
    source, _created = TranslationSource.update_or_create_from_instance(source_instance)
    strings_changed = _string_translations_save(source, translated, locale)
    translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
    unchanged = previous is not None and previous.last_updated_at == source.last_updated_at
    up_to_date = existing is not None and getattr(existing, "alias_of_id", None) is None
    if unchanged and up_to_date and not strings_changed and not created:
        # A second `load_demo` over the same data: the translation is there and up to date.
        return existing.specific if isinstance(existing, Page) else existing
    if isinstance(source_instance, Page):
        # save_target(publish=True) publishes on commit, which a demo loaded inside a transaction that
        # is rolled back (the tests') never reaches: the revision it saves is published here instead.
        translation.save_target(publish=False)
        page = source_instance.get_translation(locale).specific
        page.get_latest_revision().publish()
        return page
    translation.save_target(publish=True)
    return source_instance.get_translation(locale)
