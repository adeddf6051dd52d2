"""Exercises for Rian Thai: the exercise types, Thai-aware answer checking, grading and spaced
review. Plain Python: no Flask, no web layer, no I/O.

    exercise = exercises.from_spec(spec)     # raises SpecError naming the field
    problems = exercises.check_spec(spec)    # every SpecError, for the content checker
    result = exercise.grade(response)        # Result(correct, score, feedback codes)
    exercise.answer_key()                    # the correct answer, ready to display
"""

from exercises import types as _types  # noqa: F401  (registers the built-in types)
from exercises.base import Exercise, KeyPart, Option
from exercises.errors import SpecError
from exercises.feedback import CODES, Code, Feedback, Result
from exercises.registry import TYPES, check_spec, from_spec, register
from exercises.text import LANGUAGES, LocalText, clean_input

__all__ = [
    "CODES",
    "LANGUAGES",
    "TYPES",
    "Code",
    "Exercise",
    "Feedback",
    "KeyPart",
    "LocalText",
    "Option",
    "Result",
    "SpecError",
    "check_spec",
    "clean_input",
    "from_spec",
    "register",
]
