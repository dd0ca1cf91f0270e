"""Server-side grading of a quiz block. Pure functions: no database, no request."""

from dataclasses import dataclass, field


class InvalidAnswers(ValueError):
    """The submission names questions or answers the quiz does not have: tampered or stale form."""


@dataclass(frozen=True)
class QuestionResult:
    text: str
    chosen: tuple[int, ...]
    correct: bool
    feedback: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class QuizResult:
    score: int
    passed: bool
    questions: list[QuestionResult]

    @property
    def answers(self) -> dict[str, list[int]]:
        return {str(number): list(result.chosen) for number, result in enumerate(self.questions)}


def parse_answers(quiz, data) -> dict[int, tuple[int, ...]]:
    """Read `q<n>` fields from a QueryDict into {question: chosen answer indexes}.

    Unanswered questions count as wrong; an index that is not an answer of that question, several
    answers to a single-choice question, or a field for a question that does not exist is tampering.
    """
    questions = quiz["questions"]
    known = {f"q{number}" for number in range(len(questions))}
    if any(key.startswith("q") and key[1:].isdigit() and key not in known for key in data):
        raise InvalidAnswers("unknown question")
    chosen = {}
    for number, question in enumerate(questions):
        raw = data.getlist(f"q{number}")
        try:
            indexes = tuple(sorted({int(value) for value in raw}))
        except ValueError as error:
            raise InvalidAnswers("not a number") from error
        if any(not 0 <= index < len(question["answers"]) for index in indexes):
            raise InvalidAnswers("answer out of range")
        if len(indexes) > 1 and not question["multiple"]:
            raise InvalidAnswers("several answers to a single-choice question")
        chosen[number] = indexes
    return chosen


def grade(quiz, chosen: dict[int, tuple[int, ...]]) -> QuizResult:
    """A question is right when exactly its correct answers are chosen; the score is the share right."""
    results = []
    for number, question in enumerate(quiz["questions"]):
        answers = question["answers"]
        correct = tuple(index for index, answer in enumerate(answers) if answer["correct"])
        picked = chosen.get(number, ())
        results.append(
            QuestionResult(
                text=question["text"],
                chosen=picked,
                correct=picked == correct,
                feedback=[answers[index]["feedback"] for index in picked if answers[index]["feedback"]],
            )
        )
    total = len(results) or 1
    score = round(100 * sum(result.correct for result in results) / total)
    return QuizResult(score=score, passed=score >= quiz["pass_mark"], questions=results)
