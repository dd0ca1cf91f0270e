"""What stops a translation (wagtail-localize's editor → Publish) from being published, in words.

wagtail-localize publishes a translation by saving the page built from its segments. When that page
fails the model's checks (a slug already taken by a sibling, a title too long) it says only "New
validation errors were found", and puts the error on a segment only when the field is one plain
segment, never for the untranslated slug of wagtail-localize issue #196. StreamField blocks are not
checked at all: a translated answer longer than its block allows, or a block that fails its own
clean(), was published as it was (issue #305). The admin's own editor refuses both.

`translation_errors` runs both checks on the page as it would be published, and names each problem
by the field and block path an editor sees ("Body / Quiz / Questions 1 / Answer"); the error is also
set on the segment it comes from, so the editor's segment shows it as wagtail-localize's own do.
"""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail_localize.models import StringSegment, StringTranslation, Translation

SEPARATOR = " / "


def publishing_translation(page) -> Translation | None:
    """The translation wagtail-localize's editor publishes when `page` is published, as it finds it."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def translation_errors(translation: Translation) -> list[str]:
    """Every reason the page built from `translation` cannot be published, each with where it is."""
    instance = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    found = []  # (label path, content path, message)
    try:
        instance.full_clean()
    except ValidationError as error:
        for name, errors in error.message_dict.items():
            where = [] if name == NON_FIELD_ERRORS else [_field_label(instance, name)]
            found += [(where, name, message) for message in errors]
    for field in type(instance)._meta.get_fields():
        if isinstance(field, StreamField):
            try:
                field.stream_block.clean(getattr(instance, field.name))
            except ValidationError as error:
                found += _block_errors(
                    field.stream_block,
                    getattr(instance, field.name),
                    error,
                    [str(capfirst(field.verbose_name))],
                    field.name,
                )
    _mark_segments(translation, found)
    return [
        _("%(where)s: %(error)s") % {"where": SEPARATOR.join(where), "error": message} if where else message
        for where, _path, message in found
    ]


def _field_label(instance, name: str) -> str:
    try:
        return str(capfirst(instance._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:  # a name the model's clean() made up
        return name


def _block_errors(block, value, error, where: list[str], path: str) -> list:
    """(label path, content path, message) for each message in a block's error, however deep."""
    found = []
    for non_block in getattr(error, "non_block_errors", None) or []:
        found += [(where, path, message) for message in ValidationError(non_block).messages]
    children = getattr(error, "block_errors", None)
    if children is None:
        return found + [(where, path, message) for message in error.messages]
    for key, child_error in children.items():
        if isinstance(child_error, list):  # a StructBlock's errors per field may come as a list
            child_error = child_error[0]
        child_block, child_value, label, step = _child(block, value, key)
        # A list's item is numbered after the list's own label: "Questions 2", not "Questions / 2".
        child_where = (
            [*where[:-1], f"{where[-1]} {label}"] if isinstance(block, blocks.ListBlock) else [*where, label]
        )
        found += _block_errors(child_block, child_value, child_error, child_where, f"{path}.{step}")
    return found


def _child(block, value, key):
    """The child block and value `key` names in an error, its label and its step in the content path
    (wagtail-localize's segment paths: block and list item ids, struct field names)."""
    if isinstance(block, blocks.StreamBlock):
        child = value[key]
        return child.block, child.value, str(capfirst(child.block.label)), child.id
    if isinstance(block, blocks.ListBlock):
        item = value.bound_blocks[key]
        return block.child_block, item.value, str(key + 1), item.id
    child_block = block.child_blocks[key]
    return child_block, value.get(key), str(capfirst(child_block.label)), key


def _mark_segments(translation: Translation, found: list) -> None:
    """Set each error on the translated segment at its path, where there is one."""
    strings = StringSegment.objects.filter(source=translation.source).values_list("string_id", flat=True)
    for _where, path, message in found:
        for string_translation in StringTranslation.objects.filter(
            translation_of_id__in=strings,
            context__object_id=translation.source.object_id,
            context__path=path,
            locale=translation.target_locale,
        ):
            string_translation.set_field_error([ValidationError(message)])
