"""StreamField blocks of lessons: teaching content, quizzes, reflections and live-session slots.

Quiz answers marked correct and their feedback live only in the page's stored content: the lesson
template renders questions and answer texts, and grading happens in `learning.grading` on the server.

Every text field of a StructBlock defaults to "", what the admin stores for an empty one: a value that
code wrote without one of them (the demo's cards have no link) then reads as "" instead of None, which
wagtail-localize cannot turn into a segment (making a translation source raised a TypeError).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class VideoBlock(blocks.StructBlock):
    """An embedded video; the transcript makes it usable without sound and on a slow connection."""

    video = EmbedBlock(label=_("Video URL"))
    title = blocks.CharBlock(label=_("Title"), max_length=200, default="")
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "media"
        template = "learning/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300, default="")

    class Meta:
        icon = "doc-full"
        template = "learning/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Good to know")), ("tip", _("Tip")), ("warning", _("Take care"))],
        default="info",
    )
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120, default="")
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        template = "learning/blocks/callout.html"


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300, default="")
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("Feedback"),
        required=False,
        max_length=500,
        help_text=_("Shown after the quiz is submitted."),
        default="",
    )


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question"), max_length=500, default="")
    multiple = blocks.BooleanBlock(
        label=_("Several answers can be correct"),
        required=False,
        help_text=_("Trainees tick every correct answer; otherwise they choose one."),
    )
    answers = blocks.ListBlock(AnswerBlock(), label=_("Answers"), min_num=2, max_num=8)

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for answer in value["answers"] if answer["correct"])
        if correct == 0 or (correct > 1 and not value["multiple"]):
            raise StructBlockValidationError(
                block_errors={
                    "answers": ValidationError(
                        _("Mark exactly one correct answer, or allow several answers to be correct.")
                    )
                }
            )
        return value


class QuizBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default="")
    pass_mark = blocks.IntegerBlock(label=_("Pass mark (%)"), min_value=0, max_value=100, default=70)
    max_attempts = blocks.IntegerBlock(
        label=_("Attempts allowed"), min_value=0, default=3, help_text=_("0 means unlimited.")
    )
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1, max_num=30)

    class Meta:
        icon = "tasks"
        template = "learning/blocks/quiz.html"


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Prompt"), max_length=1000, default="")
    guidance = blocks.TextBlock(label=_("Guidance"), required=False, max_length=1000, default="")
    min_words = blocks.IntegerBlock(label=_("Minimum words"), min_value=0, default=50)

    class Meta:
        icon = "edit"
        template = "learning/blocks/reflection.html"


class LiveSessionBlock(blocks.StructBlock):
    """Where a live session belongs in the lesson; each cohort schedules its own date for it."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default="")
    description = blocks.TextBlock(
        label=_("What happens in the session"), required=False, max_length=1000, default=""
    )

    class Meta:
        icon = "date"
        template = "learning/blocks/live_session.html"


class LessonBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "blockquote"]
    )
    image = ImageBlock(label=_("Image"))
    video = VideoBlock(label=_("Video"))
    document = DocumentBlock(label=_("Document"))
    callout = CalloutBlock(label=_("Callout"))
    quiz = QuizBlock(label=_("Quiz"))
    reflection = ReflectionBlock(label=_("Reflection"))
    live_session = LiveSessionBlock(label=_("Live session"))


class OutcomeBlock(blocks.StreamBlock):
    outcome = blocks.CharBlock(label=_("Learning outcome"), max_length=300)
