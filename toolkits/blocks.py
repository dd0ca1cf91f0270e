"""StreamField blocks: a toolkit's body, and the sections an editor assembles into an action-plan template.

Template sections describe what a city will fill in; their values are frozen into each plan at creation
(see `snapshot_sections`), so the plan never depends on the template page again.

Every text field of a StructBlock defaults to "", what the admin stores for an empty one: a value that
code wrote without one of them (the demo's cards have no link) then reads as "" instead of None, which
wagtail-localize cannot turn into a segment (making a translation source raised a TypeError).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


# --- Toolkit body -------------------------------------------------------------------------------------
class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=150, default="")
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        template = "toolkits/blocks/section.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=150, default="")
    text = blocks.RichTextBlock(label=_("What to do"), features=RICH_TEXT_FEATURES)


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=150, default="")
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "toolkits/blocks/steps.html"


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150, default="")
    city = blocks.CharBlock(label=_("City"), max_length=100, required=False, default="")
    text = blocks.RichTextBlock(label=_("Story"), features=RICH_TEXT_FEATURES)
    lesson = blocks.TextBlock(label=_("What others can learn"), required=False, max_length=600, default="")

    class Meta:
        icon = "openquote"
        template = "toolkits/blocks/case_study.html"


class BenchmarkTableBlock(blocks.StructBlock):
    """A small comparison table (indicators by city); cells are plain text."""

    caption = blocks.CharBlock(label=_("Caption"), max_length=200, default="")
    columns = blocks.ListBlock(blocks.CharBlock(max_length=80), label=_("Column headings"), min_num=1)
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(max_length=200, required=False), label=_("Cells")),
        label=_("Rows"),
        min_num=1,
    )

    class Meta:
        icon = "table"
        template = "toolkits/blocks/benchmark_table.html"


class QuestionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=150, default="")
    questions = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "toolkits/blocks/questions.html"


class ToolkitBodyBlock(blocks.StreamBlock):
    section = SectionBlock(label=_("Section"))
    steps = StepsBlock(label=_("Step-by-step guidance"))
    case_study = CaseStudyBlock(label=_("Case study"))
    benchmark = BenchmarkTableBlock(label=_("Benchmark table"))
    questions = QuestionsBlock(label=_("Guiding questions"))


# --- Action-plan template sections --------------------------------------------------------------------
class TemplateSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150, default="")
    guidance = blocks.RichTextBlock(label=_("Guidance"), features=RICH_TEXT_FEATURES, required=False)


class GuidanceSection(TemplateSectionBlock):
    """Text to read; nothing to fill in."""

    class Meta:
        icon = "info-circle"


class FreeTextSection(TemplateSectionBlock):
    max_length = blocks.IntegerBlock(label=_("Maximum length"), default=5000, min_value=100, max_value=20000)

    class Meta:
        icon = "pilcrow"


class GuidingQuestionsSection(TemplateSectionBlock):
    questions = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"


class ActionsSection(TemplateSectionBlock):
    """A table of actions: action, owner, partners, start/end, budget, indicator, target."""

    class Meta:
        icon = "table"


class SmartGoalsSection(TemplateSectionBlock):
    class Meta:
        icon = "tick"


class RisksSection(TemplateSectionBlock):
    class Meta:
        icon = "warning"


# Called, not lazy: a lazy text is not a str, and wagtail-localize refuses it as a segment.
def not_yet_label() -> str:
    return gettext("Not yet")


def fully_in_place_label() -> str:
    return gettext("Fully in place")


class SelfAssessmentSection(TemplateSectionBlock):
    statements = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Statements"), min_num=1)
    low_label = blocks.CharBlock(label=_("Label for 1"), max_length=60, default=not_yet_label)
    high_label = blocks.CharBlock(label=_("Label for 5"), max_length=60, default=fully_in_place_label)

    class Meta:
        icon = "order"


class TemplateSectionsBlock(blocks.StreamBlock):
    guidance = GuidanceSection(label=_("Guidance"))
    free_text = FreeTextSection(label=_("Free-text answer"))
    questions = GuidingQuestionsSection(label=_("Guiding questions"))
    actions = ActionsSection(label=_("Table of actions"))
    goals = SmartGoalsSection(label=_("SMART goals"))
    risks = RisksSection(label=_("Risks"))
    assessment = SelfAssessmentSection(label=_("Self-assessment"))


def snapshot_sections(stream_value) -> list[dict]:
    """The template's sections as plain data, to be frozen into a plan.

    Each section keeps its block id as key: stable while an editor reorders or rewords the template,
    and unique within it. Guidance is stored as rendered HTML written by editors (already sanitised by
    Wagtail's rich-text features), never as anything a city typed.
    """
    sections = []
    for block in stream_value:
        value = block.value
        section = {
            "key": block.id,
            "type": block.block_type,
            "title": value["title"],
            "guidance": str(value["guidance"]) if value.get("guidance") else "",
        }
        if block.block_type == "free_text":
            section["max_length"] = value["max_length"]
        if block.block_type == "questions":
            section["questions"] = list(value["questions"])
        if block.block_type == "assessment":
            section["statements"] = list(value["statements"])
            section["low_label"] = value["low_label"]
            section["high_label"] = value["high_label"]
        sections.append(section)
    return sections
