"""A translated course is taught in its own language unless an editor says otherwise.

wagtail-localize leaves `CoursePage.language` to each translation (`override_translatable_fields` on the
model: a Sync never copies it from the source again). This module gives a translation its default when
the translation is made, which happens in one of two ways:

- a copy of the source into the language (Wagtail's copy_for_translation, which wagtail-localize's
  *Translate* uses when the language has no version of the page yet): `copy_for_translation_done`;
- an alias turned into a page of its own (*Translate* of a page the language's synchronised tree holds as
  an alias, as the demo's translations are made, or the admin's *Convert alias*): both clear
  `alias_of_id` in a save of that field alone, seen here in `pre_save`.

An alias keeps its source's language: it shows its source's words. wagtail-localize 1.14 makes no
segment of a field with choices, so the translation editor cannot change the language; an editor who
wants another one stops the synced translation and edits the page, and a later Sync keeps that choice.
"""

from django.conf import settings
from django.db.models.signals import pre_save
from wagtail.models import Page, Revision
from wagtail.signals import copy_for_translation_done

from .models import CoursePage


def default_language(*, source_language: str, source_locale_code: str, target_locale_code: str) -> str:
    """The language of instruction a new translation gets: its locale's when the source is taught in the
    source's own language (an English course in English), else the source's (the English page of a
    course taught in Arabic says Arabic in French too)."""
    if source_language == source_locale_code and target_locale_code in dict(settings.LANGUAGES):
        return target_locale_code
    return source_language


def _default_for(source_id: int, target: CoursePage) -> str | None:
    source = CoursePage.objects.filter(pk=source_id).values_list("language", "locale__language_code").first()
    if source is None:
        return None
    return default_language(
        source_language=source[0],
        source_locale_code=source[1],
        target_locale_code=target.locale.language_code,
    )


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs) -> None:
    if not isinstance(target_obj, Page):  # a snippet (a topic) is copied for translation too
        return
    target = target_obj if isinstance(target_obj, CoursePage) else target_obj.specific
    if not isinstance(target, CoursePage) or target.alias_of_id:
        return
    language = _default_for(source_obj.pk, target)
    if language is None or language == target.language:
        return
    target.language = language  # the instance wagtail-localize goes on to fill and save
    CoursePage.objects.filter(pk=target.pk).update(language=language)
    # The copy's first revision said the source's language: publishing it must not bring it back.
    revision = Revision.objects.filter(pk=target.latest_revision_id).first()
    if revision is not None:
        revision.content["language"] = language
        revision.save(update_fields=["content"])


def on_alias_converted(sender, instance: CoursePage, update_fields=None, **kwargs) -> None:
    if update_fields is None or set(update_fields) != {"alias_of_id"} or instance.alias_of_id:
        return
    source_id = Page.objects.filter(pk=instance.pk).values_list("alias_of_id", flat=True).first()
    if source_id is None:  # not an alias before this save
        return
    language = _default_for(source_id, instance)
    if language is None or language == instance.language:
        return
    # Both callers save a revision of this instance next (and wagtail-localize the page itself).
    instance.language = language
    CoursePage.objects.filter(pk=instance.pk).update(language=language)


def connect() -> None:
    copy_for_translation_done.connect(on_copy_for_translation, dispatch_uid="course-language-on-copy")
    pre_save.connect(on_alias_converted, sender=CoursePage, dispatch_uid="course-language-on-alias")
