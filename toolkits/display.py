"""A plan's sections as plain values for people to read: the same view feeds the web page, the public
case, the PDF and the DOCX export, so all four always show the same thing."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.template.defaultfilters import date as format_date
from django.utils.formats import number_format

from .forms import ROW_FORMS


def _format_cell(name: str, value: str) -> str:
    """Dates and amounts as the reader's language writes them (11 Mar 2027, 11/03/2027; 5,000 or 5 000)."""
    if value and name in {"start", "end", "deadline"}:
        try:
            return format_date(date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    if value and name == "budget":
        try:
            return number_format(Decimal(value), force_grouping=True)
        except InvalidOperation:
            return value
    return value or ""


def section_view(section) -> dict:
    definition = section.definition
    content = section.content or {}
    kind = definition["type"]
    view = {
        "section": section,
        "key": section.key,
        "type": kind,
        "title": definition["title"],
        "guidance": definition.get("guidance", ""),
        "answerable": kind != "guidance",
        "is_empty": True,
    }
    if kind == "free_text":
        view["text"] = content.get("text", "")
        view["is_empty"] = not view["text"]
    elif kind == "questions":
        answers = content.get("answers", [])
        questions = definition.get("questions", [])
        view["answers"] = [(q, answers[n] if n < len(answers) else "") for n, q in enumerate(questions)]
        view["is_empty"] = not any(a for _q, a in view["answers"])
    elif kind == "assessment":
        scores = content.get("scores", [])
        statements = definition.get("statements", [])
        view["scores"] = [(s, scores[n] if n < len(scores) else None) for n, s in enumerate(statements)]
        view["comment"] = content.get("comment", "")
        view["low_label"], view["high_label"] = (
            definition.get("low_label", ""),
            definition.get("high_label", ""),
        )
        view["is_empty"] = not any(score for _s, score in view["scores"]) and not view["comment"]
    elif kind in ROW_FORMS:
        fields = ROW_FORMS[kind].base_fields
        view["columns"] = [str(field.label) for field in fields.values()]
        view["rows"] = [
            [_format_cell(name, row.get(name, "")) for name in fields] for row in content.get("rows", [])
        ]
        # Each cell beside its column's name: on a narrow page the table reads as one card per row.
        view["labelled_rows"] = [list(zip(view["columns"], row, strict=True)) for row in view["rows"]]
        view["is_empty"] = not view["rows"]
    return view


def plan_view(sections) -> list[dict]:
    return [section_view(section) for section in sections]


def published_view(sections) -> list[dict]:
    """What the public reads of a published plan: guidance and answered sections, not the empty ones."""
    return [view for view in plan_view(sections) if not (view["answerable"] and view["is_empty"])]
