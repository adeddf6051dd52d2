"""Reading a pack's YAML files into plain data plus the line of every key and item.

`parse_yaml(text)` returns a `Source`: the data as plain dicts, lists and scalars, and a
side table from each path inside it (a tuple of keys and list indexes) to its line, so
that a problem found later in the data can name the line a translator must edit.
Duplicate keys and aliases (`*name`) are reported instead of silently resolved: a
translator never means them, and aliases could expand into a huge document. So are
nesting deeper than `MAX_DEPTH`, values their tag cannot hold (`!!int abc`, the date
2024-13-45) and escapes of characters YAML does not allow in a file (`"\\0"`, `"\\ud800"`).

Files are parsed with libyaml (PyYAML's C parser) when PyYAML has it: the pure-Python
parser takes about 20 s for a 2 MB file, libyaml a tenth of that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]

#: The pack format nests about ten levels (a gap's option's text); a file far deeper is a
#: mistake, and the checker walks the data recursively.
MAX_DEPTH = 32
#: Values (scalars, lists, mappings) in one file: the largest file of the bundled course has
#: under 700. Checking costs a few microseconds a value; this bounds a file at a few
#: hundredths of a second, whatever it holds.
MAX_NODES = 10_000
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: What YAML does not allow written in a file; an escape must not bring it in either.
_NOT_PRINTABLE = re.compile(yaml.reader.Reader.NON_PRINTABLE.pattern)


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
    nodes: int = 0  # how many values the file holds

    def line(self, path: Iterable[str | int]) -> int:
        """The line of `path`, or of its nearest ancestor the table knows (1 at worst)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> YamlProblem:
    # libyaml counts the position in UTF-8 bytes, the Python reader in characters
    before = text.encode("utf-8")[: error.position] if _LOADER is not yaml.SafeLoader else text
    line = before[: max(error.position, 0)].count(b"\n" if isinstance(before, bytes) else "\n")
    return YamlProblem(line + 1, f"character #x{error.character:04x} is not allowed in YAML")


def parse_yaml(text: str) -> Source:
    """Parse `text` (one YAML document) into a `Source`; raise `YamlProblem`."""
    try:
        loader = _LOADER(text)
    except yaml.reader.ReaderError as error:  # a control character, found on reading
        raise _reader_problem(text, error) from None
    except UnicodeEncodeError as error:  # a lone surrogate: never in a decoded file
        line = text[: error.start].count("\n") + 1
        raise YamlProblem(line, "text that is not valid Unicode") from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # libyaml places "unexpected end" one line past a file's last line
        line = min(mark.line + 1, text.count("\n") + 1) if mark else 1
        problem = " ".join(p for p in (error.context, error.problem) if p)
        raise YamlProblem(line, f"not valid YAML: {problem}") from None
    except yaml.reader.ReaderError as error:
        raise _reader_problem(text, error) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, f"not valid YAML: {error}") from None
    except RecursionError:  # the pure-Python composer recurses per level; libyaml stops at 1000
        raise YamlProblem(1, f"nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()
    source = Source(None)
    if node is None:
        return source
    seen: set[int] = set()
    try:
        source.data = _walk(node, (), source.lines, seen, loader)
    except _Alias:
        raise YamlProblem(_first_alias_line(text), "aliases (*name) are not allowed") from None
    source.nodes = len(seen)
    return source


class _Alias(Exception):
    """A node met twice: an alias, whose line only the parser's events know."""


def _first_alias_line(text: str) -> int:
    # composing replaced each alias by the node it names, with that node's line
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return 1


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int], seen: set[int], loader) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise _Alias
    if len(path) > MAX_DEPTH:
        raise YamlProblem(line, f"nested more than {MAX_DEPTH} levels deep")
    seen.add(id(node))
    if len(seen) > MAX_NODES:
        raise YamlProblem(line, f"more than {MAX_NODES} values in one file")
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
    return _scalar(node, line, loader)


def _scalar(node: yaml.ScalarNode, line: int, loader) -> Any:
    try:
        value = loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as error:
        raise YamlProblem(line, f"cannot read value: {error.problem}") from None
    # PyYAML's own constructors fail in plain Python ways on values their tag cannot hold
    # (!!int abc, !!bool maybe, !!float with nothing, the date 2024-13-45, 5000 digits)
    except (ValueError, LookupError, TypeError, AttributeError, ArithmeticError):
        tag = node.tag.rsplit(":", 1)[-1]
        raise YamlProblem(
            line, f"cannot read {node.value[:40]!r} as {tag} (put text in quotes)"
        ) from None
    if isinstance(value, str) and (bad := _NOT_PRINTABLE.search(value)):
        raise YamlProblem(line, f"character #x{ord(bad.group()):04x} is not allowed in YAML")
    return value
