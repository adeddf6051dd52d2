"""Reading a pack's YAML files into plain data plus the line of every key and item.

`parse_yaml(text)` returns a `Source`: the data as plain dicts, lists and scalars, and a
side table from each path inside it (a tuple of keys and list indexes) to its line, so
that a problem found later in the data can name the line a translator must edit.
Duplicate keys and aliases (`*name`) are reported instead of silently resolved: a
translator never means them, and aliases could expand into a huge document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


class YamlProblem(Exception):
    """A file that is not valid YAML, or uses something the pack format refuses."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass(slots=True)
class Source:
    """One parsed YAML file: its data and the line of every path in it."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Iterable[str | int]) -> int:
        """The line of `path`, or of its nearest ancestor the table knows (1 at worst)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def parse_yaml(text: str) -> Source:
    """Parse `text` (one YAML document) into a `Source`; raise `YamlProblem`."""
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:  # a control character, found on reading
        line = text[: max(error.position, 0)].count("\n") + 1
        raise YamlProblem(
            line, f"character #x{error.character:04x} is not allowed in YAML"
        ) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(p for p in (error.context, error.problem) if p)
        raise YamlProblem(line, f"not valid YAML: {problem}") from None
    except yaml.reader.ReaderError as error:
        line = text[: max(error.position, 0)].count("\n") + 1
        raise YamlProblem(
            line, f"character #x{error.character:04x} is not allowed in YAML"
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, f"not valid YAML: {error}") from None
    finally:
        loader.dispose()
    source = Source(None)
    if node is None:
        return source
    source.data = _walk(node, (), source.lines, set(), loader)
    return source


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int], seen: set[int], loader) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise YamlProblem(line, "aliases (*name) are not allowed in a content pack")
    seen.add(id(node))
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(key_node.start_mark.line + 1, "merge keys (<<) are not allowed")
            key = _walk(key_node, (*path, "<key>"), {}, seen, loader)
            if not isinstance(key, str | int):
                raise YamlProblem(key_node.start_mark.line + 1, f"key {key!r} is not text")
            if key in result:
                raise YamlProblem(key_node.start_mark.line + 1, f"duplicate key {key!r}")
            # a field's line is its key's line: that is where the translator looks
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _walk(value_node, (*path, key), lines, seen, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(item, (*path, index), lines, seen, loader)
            for index, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as error:
        raise YamlProblem(line, f"cannot read value: {error.problem}") from None
