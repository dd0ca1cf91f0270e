"""Quizzes stored as the Wagtail admin stores them, so wagtail-localize can translate them.

A ListBlock's items can be stored as plain values (the format before Wagtail 2.16, which code that
writes a body as JSON produces) or as {"type": "item", "value": …, "id": …}, which the admin writes.
wagtail-localize extracts no segment from a ListBlock in the plain format: a quiz's questions, answers
and feedback were then not offered for translation at all, and once an editor saved the English lesson
(in the new format) they appeared as new, untranslated strings ("Published … with missing translations").

Item ids are derived from the quiz block's id and the item's position, so the same quiz gets the same
ids in its source, its aliases and its translations, and converting twice changes nothing.
"""

import uuid

ITEM_NAMESPACE = uuid.UUID("2f7d0f49-8a59-4d3c-9b0e-6a1c3e5b7d21")


def _items(values, prefix: str, convert_item=None) -> list:
    items = []
    for position, value in enumerate(values):
        item_id, inner = str(uuid.uuid5(ITEM_NAMESPACE, f"{prefix}/{position}")), value
        if isinstance(value, dict) and value.get("type") == "item" and "value" in value:
            item_id, inner = value.get("id") or item_id, value["value"]  # the admin's format: keep its id
        items.append(
            {"type": "item", "value": convert_item(inner, item_id) if convert_item else inner, "id": item_id}
        )
    return items


def quiz_with_item_ids(value: dict, block_id: str) -> dict:
    """A QuizBlock's value with its questions and each question's answers in the admin's format."""

    def question(question_value: dict, question_id: str) -> dict:
        return {**question_value, "answers": _items(question_value.get("answers", []), question_id)}

    return {**value, "questions": _items(value.get("questions", []), block_id, question)}


def body_with_item_ids(body: list) -> list:
    """A lesson body (StreamField JSON) with every quiz in the admin's format."""
    return [
        {**block, "value": quiz_with_item_ids(block["value"], str(block.get("id")))}
        if block.get("type") == "quiz" and isinstance(block.get("value"), dict)
        else block
        for block in body
    ]
