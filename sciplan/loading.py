"""Read a YAML file safely into plain data plus a position index.

The document is built from parser events (libyaml's C parser when present), not from PyYAML's
constructor, so that every value keeps its line and column, and so that the things a submission
never needs - anchors, aliases, explicit tags, duplicate keys, deep nesting, huge files - are
reported as findings instead of being expanded, silently merged or allowed to exhaust memory.
Nothing here raises on bad input: problems come back as findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .findings import Finding, format_path, make

try:  # libyaml's parser is ~10x faster; the pure-Python one gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DEFAULT_MAX_BYTES = 1 << 20
DEFAULT_MAX_DEPTH = 32

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """A parsed YAML document and where each of its values stands in the file."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # value start, 1-based
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # mapping key start
    raw: dict[Path_, str] = field(default_factory=dict)  # plain scalars as written

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """Line and column of `path`, falling back to the nearest enclosing value that has one."""
        path = tuple(path)
        while True:
            if path in self.positions:
                return self.positions[path]
            if not path:
                return (None, None)
            path = path[:-1]

    def locate_key(self, path: Path_) -> tuple[int | None, int | None]:
        path = tuple(path)
        if path in self.key_positions:
            return self.key_positions[path]
        return self.locate(path)


@dataclass
class Loaded:
    document: Document | None
    findings: list[Finding]


_resolver = Resolver()
_constructor = SafeConstructor()
_CONSTRUCT = {
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _constructor.construct_yaml_timestamp,
}
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _plain_scalar(value: str) -> Any:
    tag = _resolver.resolve(ScalarNode, value, (True, False))
    construct = _CONSTRUCT.get(tag)
    if construct is None:
        return value
    try:
        return construct(ScalarNode(tag, value))
    except (ConstructorError, ValueError, OverflowError):
        # e.g. 2024-02-30 looks like a date but is not one: keep the text, validation says why.
        return value


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | None, list[Finding]]:
    """Read a file as UTF-8 text, or say precisely why it cannot be."""
    try:
        if not path.is_file():
            kind = "a folder" if path.is_dir() else "not a regular file"
            return None, [make("L012", f"{display} is {kind}, not a file",
                               hint="Give the path of a .yaml file, or a folder to check every file in it.",
                               file=display)]
        size = path.stat().st_size
        if size > max_bytes:
            return None, [make("L003", f"file is {size:,} bytes; the limit is {max_bytes:,}",
                               hint="Progress files are a few kilobytes; is this the right file? "
                                    "Raise the limit with --max-bytes if it really is.", file=display)]
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return None, [make("L014", f"cannot read file: {exc.strerror or exc}",
                           hint="Check that the file exists and that you may read it.", file=display)]
    return decode(data, display, max_bytes)


def decode(data: bytes, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | None, list[Finding]]:
    if len(data) > max_bytes:
        return None, [make("L003", f"file is larger than the limit of {max_bytes:,} bytes",
                           hint="Progress files are a few kilobytes; is this the right file?", file=display)]
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        return None, [make("L011", "file contains NUL bytes: it is binary, not YAML text", file=display,
                           line=line, hint="Save the progress file as plain UTF-8 text (.yaml); a workbook "
                                           "is turned into one with `sciplan import`.")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = "Save the file as UTF-8 (in WPS/Excel/Notepad: Save As -> Encoding: UTF-8)."
        try:
            data.decode("gb18030")
            looks_gbk = True
        except UnicodeDecodeError:
            looks_gbk = False
        if looks_gbk:
            message = (f"file is not UTF-8 (invalid byte 0x{data[exc.start]:02X}); it looks like GBK/GB18030, "
                       "the encoding Chinese Office/WPS uses by default")
        else:
            message = f"file is not UTF-8 (invalid byte 0x{data[exc.start]:02X})"
        return None, [make("L001", message, hint=hint, file=display, line=line, column=column)]
    return text, []


def parse(text: str, display: str, max_depth: int = DEFAULT_MAX_DEPTH) -> Loaded:
    """Parse YAML text into a Document; findings for everything a data file must not contain."""
    findings: list[Finding] = []
    if _BINARY.search(text):
        offset = _BINARY.search(text).start()  # type: ignore[union-attr]
        line = text.count("\n", 0, offset) + 1
        return Loaded(None, [make("L011", "file contains control characters: it looks binary, not YAML text",
                                  file=display, line=line,
                                  hint="Save the progress file as plain UTF-8 text.")])
    doc = Document(file=display, data=None)
    # Stack entries: [container, path, pending_key, pending_key_mark, seen_keys]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    too_deep = False
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    line, col = event.start_mark.line + 1, event.start_mark.column + 1
                    findings.append(make("L015", "the file holds a second YAML document", file=display,
                                         line=line, column=col,
                                         hint="Put one unit's report for one year in each file; remove the `---`."))
                    break
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if too_deep:
                continue
            mark = event.start_mark
            position = (mark.line + 1, mark.column + 1)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value, path = stack.pop()[:2]
                _attach(stack, value, path, doc, findings, display)
                if not stack:
                    root = value
                continue
            if kind is yaml.AliasEvent:
                findings.append(make("L007", f"alias *{event.anchor} is not allowed", file=display,
                                     line=position[0], column=position[1],
                                     hint="Write the value out in full instead of referring to an anchor."))
                value: Any = None
            else:
                if getattr(event, "anchor", None):
                    findings.append(make("L007", f"anchor &{event.anchor} is not allowed", file=display,
                                         line=position[0], column=position[1],
                                         hint="Remove the `&` anchor; write every value out in full."))
                if event.tag is not None:
                    findings.append(make("L008", f"explicit tag {event.tag} is not allowed", file=display,
                                         line=position[0], column=position[1],
                                         hint="Remove the tag; write plain values such as 1200 or 县科协."))
            path = _child_path(stack)
            if kind is yaml.ScalarEvent:
                if event.implicit[0] and not event.style:
                    value = _plain_scalar(event.value)
                    raw_text = event.value
                else:
                    value = event.value
                    raw_text = None
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                    _set_key(stack[-1], value, position, doc, findings, display)
                    continue
                doc.positions[path] = position
                if raw_text is not None:
                    doc.raw[path] = raw_text
                _attach(stack, value, path, doc, findings, display)
                if not stack:
                    root = value
                continue
            if kind is yaml.AliasEvent:
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                    _set_key(stack[-1], None, position, doc, findings, display)
                    continue
                doc.positions[path] = position
                _attach(stack, None, path, doc, findings, display)
                continue
            # A collection starts.
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                findings.append(make("L004", "a mapping key must be plain text, not a list or mapping",
                                     file=display, line=position[0], column=position[1],
                                     hint="Write keys as plain words followed by a colon, e.g. `value: 1200`."))
                return Loaded(None, findings)
            if len(stack) >= max_depth:
                findings.append(make("L009", f"nesting deeper than {max_depth} levels", file=display,
                                     line=position[0], column=position[1],
                                     hint="Progress files nest three levels at most; check the indentation."))
                too_deep = True
                continue
            doc.positions[path] = position
            container: Any = {} if kind is yaml.MappingStartEvent else []
            stack.append([container, path, _NO_KEY, None, {}])
    except yaml.MarkedYAMLError as exc:
        findings.append(_syntax_finding(exc, text, display))
        return Loaded(None, findings)
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
        findings.append(make("L017", f"character not allowed in YAML: {getattr(exc, 'character', '?')!r}",
                             file=display, line=line, hint="Remove the control character; save as plain text."))
        return Loaded(None, findings)
    if too_deep:
        return Loaded(None, findings)
    if documents == 0 or (root is None and not findings):
        findings.append(make("L002", "file is empty", file=display, line=1, column=1,
                             hint="Fill in the report, e.g. start from `sciplan template --unit ... --year ...`."))
        return Loaded(None, findings)
    doc.data = root
    return Loaded(doc, findings)


_NO_KEY = object()


def _child_path(stack: list[list[Any]]) -> Path_:
    if not stack:
        return ()
    container, path, key = stack[-1][0], stack[-1][1], stack[-1][2]
    if isinstance(container, list):
        return (*path, len(container))
    return (*path, _key_name(key))


def _key_name(key: Any) -> str:
    return key if isinstance(key, str) else str(key)


def _set_key(entry: list[Any], key: Any, position: tuple[int, int], doc: Document,
             findings: list[Finding], display: str) -> None:
    container, path, _, _, seen = entry
    name = _key_name(key)
    if name in seen:
        first = seen[name]
        findings.append(make("L006", f"key `{name}` appears twice (first on line {first[0]})",
                             file=display, line=position[0], column=position[1],
                             path=format_path((*path, name)),
                             hint="Keep one of them; YAML would otherwise silently use the last one."))
        name = f"{name}\x00dup{len(seen)}"  # keep the duplicate out of the data without losing position
        key = name
    else:
        seen[name] = position
    entry[2] = key
    entry[3] = position
    doc.key_positions[(*path, name)] = position


def _attach(stack: list[list[Any]], value: Any, path: Path_, doc: Document, findings: list[Finding],
            display: str) -> None:
    if not stack:
        return
    entry = stack[-1]
    container = entry[0]
    if isinstance(container, list):
        container.append(value)
        return
    key = entry[2]
    if not (isinstance(key, str) and "\x00dup" in key):
        container[key] = value
    entry[2] = _NO_KEY


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, display: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    for candidate in (line, (line or 1) - 1):
        if candidate and 0 < candidate <= len(lines):
            src = lines[candidate - 1]
            indent = src[: len(src) - len(src.lstrip(" \t"))]
            if "\t" in indent or ("\t" in problem):
                return make("L005", "a tab character is used for indentation", file=display, line=candidate,
                            column=(indent.index("\t") + 1) if "\t" in indent else column,
                            hint="Replace tabs with spaces (two spaces per level).")
    context = f" ({exc.context})" if exc.context else ""
    hint = "Check the indentation and that every `key: value` has a space after the colon."
    if "could not find expected ':'" in problem or "mapping values are not allowed" in problem:
        hint = "A colon inside a value needs quotes: `note: \"比例: 15%\"`; check the indentation too."
    return make("L004", f"YAML syntax error: {problem}{context}", file=display, line=line, column=column,
                hint=hint)


def load_file(path: Path, display: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
              max_depth: int = DEFAULT_MAX_DEPTH, require_mapping: bool = True) -> Loaded:
    """Read, decode and parse one YAML file. Never raises for bad content."""
    display = display if display is not None else str(path)
    text, findings = read_text(path, display, max_bytes)
    if text is None:
        return Loaded(None, findings)
    return load_text(text, display, max_depth=max_depth, require_mapping=require_mapping)


def load_text(text: str, display: str, *, max_depth: int = DEFAULT_MAX_DEPTH,
              require_mapping: bool = True) -> Loaded:
    loaded = parse(text, display, max_depth)
    if loaded.document is not None and require_mapping and not isinstance(loaded.document.data, dict):
        got = type(loaded.document.data).__name__
        got = {"list": "a list", "str": "plain text", "int": "a number", "float": "a number"}.get(got, got)
        loaded.findings.append(make("L010", f"the top level is {got}, not a mapping of keys", file=display,
                                    line=1, column=1,
                                    hint="Start the file with `plan: xinhuang-science-literacy` and the other "
                                         "keys, each on its own line."))
        return Loaded(None, loaded.findings)
    return loaded
