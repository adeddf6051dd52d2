"""`SpecError`: what is wrong in an exercise spec, and where inside it."""

from __future__ import annotations


class SpecError(Exception):
    """A problem in an exercise spec. `field` is the dotted path inside the spec (for example
    ``options.2.text``, list positions counted from 0, "" for the spec itself); `message` says
    what is wrong. The content checker adds the file and line."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field or '<spec>'}: {message}")
        self.field = field
        self.message = message

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpecError):
            return (self.field, self.message) == (other.field, other.message)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.field, self.message))

    def __repr__(self) -> str:
        return f"SpecError({self.field!r}, {self.message!r})"
