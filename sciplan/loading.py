"""Read a YAML file safely into plain data plus a position index.

The document is built from parser events (libyaml's C parser when present), not from PyYAML's
constructor, so that every value keeps its line and column, and so that the things a submission
never needs - anchors, aliases, explicit tags, duplicate keys, deep nesting, huge files - are
reported as findings instead of being expanded, silently merged or allowed to exhaust memory.
Nothing here raises on bad input: problems come back as findings.

Longer than 600 lines because it holds both ways of building a document side by side: the fast path
for ordinary files (positions of single values found only when a finding asks) and the full path
that words every finding, which must take the same decisions (a test parses each case both ways).
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .findings import (
    L001,
    L002,
    L003,
    L004,
    L005,
    L006,
    L007,
    L008,
    L009,
    L010,
    L011,
    L012,
    L014,
    L015,
    L017,
    Finding,
    format_path,
)
from .i18n import Message
from .reading import DEFAULT_MAX_BYTES, NotRegularFile, read_regular

try:  # libyaml's parser is ~10x faster; the pure-Python one gives the same events.
    from yaml import CSafeLoader as _Loader
    from yaml.cyaml import CParser as _EventParser  # the events alone, without a constructor to set up
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
    _EventParser = _Loader  # type: ignore[assignment,misc]

DEFAULT_MAX_DEPTH = 32

Path_ = tuple[str | int, ...]


class Document:
    """A parsed YAML document and where each of its values stands in the file.

    `positions` (value start, 1-based), `key_positions` (mapping key start) and `raw` (plain scalars
    as written) are complete maps. A document from the loader's fast path starts with the positions
    of its mappings and lists only - what a clean file needs, the lines of its entries - and fills
    the three maps from its text the first time a finding asks for anything else.
    """

    __slots__ = ("file", "data", "_positions", "_key_positions", "_raw", "_text", "_max_depth")

    def __init__(self, file: str, data: Any, positions: dict[Path_, tuple[int, int]] | None = None,
                 key_positions: dict[Path_, tuple[int, int]] | None = None,
                 raw: dict[Path_, str] | None = None) -> None:
        self.file = file
        self.data = data
        self._positions = {} if positions is None else positions
        self._key_positions = {} if key_positions is None else key_positions
        self._raw = {} if raw is None else raw
        self._text: str | None = None  # set while only the containers' positions are known
        self._max_depth = DEFAULT_MAX_DEPTH

    @classmethod
    def _partial(cls, file: str, data: Any, positions: dict[Path_, tuple[int, int]], text: str,
                 max_depth: int) -> Document:
        doc = cls(file, data, positions)
        doc._text = text
        doc._max_depth = max_depth
        return doc

    def _complete(self) -> None:
        text = self._text
        if text is None:
            return
        full = _parse_simple(text, self.file, self._max_depth, full=True)
        assert full is not None, "a text the fast path took once is taken again"
        self._positions, self._key_positions, self._raw = full._positions, full._key_positions, full._raw
        self._text = None

    @property
    def positions(self) -> dict[Path_, tuple[int, int]]:
        self._complete()
        return self._positions

    @property
    def key_positions(self) -> dict[Path_, tuple[int, int]]:
        self._complete()
        return self._key_positions

    @property
    def raw(self) -> dict[Path_, str]:
        self._complete()
        return self._raw

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """Line and column of `path`, falling back to the nearest enclosing value that has one."""
        path = tuple(path)
        found = self._positions.get(path)
        if found is not None:
            return found
        positions = self.positions
        while True:
            if path in positions:
                return positions[path]
            if not path:
                return (None, None)
            path = path[:-1]

    def locate_key(self, path: Path_) -> tuple[int | None, int | None]:
        path = tuple(path)
        key_positions = self.key_positions
        if path in key_positions:
            return key_positions[path]
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
# What YAML's reader rejects (PyYAML's NON_PRINTABLE). Checked up front because libyaml reports the
# position in bytes, which puts the finding on the wrong line once the text holds Chinese characters.
_NOT_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def _plain_scalar(value: str) -> Any:
    resolvers = _resolver.yaml_implicit_resolvers  # by first character: what else the text may be
    if value and value[0] not in resolvers and None not in resolvers and not _resolver.yaml_path_resolvers:
        return value  # e.g. Chinese text: nothing but a string starts this way (what `resolve` says too)
    tag = _resolver.resolve(ScalarNode, value, (True, False))
    construct = _CONSTRUCT.get(tag)
    if construct is None:
        return value
    try:
        return construct(ScalarNode(tag, value))
    except (ConstructorError, ValueError, OverflowError):
        # e.g. 2024-02-30 looks like a date but is not one: keep the text, validation says why.
        return value


def read_text(path: Path, display: str,
              max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | None, list[Finding]]:
    """Read a file as UTF-8 text, or say precisely why it cannot be."""
    try:
        if not path.is_file():
            if path.is_dir():
                kind = "folder"
            elif path.is_symlink() and not path.exists():
                kind = "broken_link"
            elif not path.exists():  # gone since it was listed
                return None, [L014.say("gone", hint=L014.message("hint"),
                                       file=display)]
            else:
                kind = "special"
            return None, [L012.say(kind, hint=L012.message("hint"), file=display)]
        data = read_regular(path, max_bytes)
        if len(data) > max_bytes:
            size = max(len(data), path.stat().st_size)
            return None, [L003.say("size", file=display, size=f"{size:,}", limit=f"{max_bytes:,}")]
    except NotRegularFile:
        return None, [L012.say("special", hint=L012.message("hint"), file=display)]
    except OSError as exc:
        return None, [L014.say("unreadable", hint=L014.message("hint"), file=display,
                               reason=os_reason(exc))]
    return decode(data, display, max_bytes)


# The operating system's reasons, in its own (English) words, that have a translation.
_OS_REASONS = {
    errno.EACCES: "finding.os.permission_denied", errno.EPERM: "finding.os.permission_denied",
    errno.ENOENT: "finding.os.not_found", errno.EISDIR: "finding.os.is_directory",
    errno.EIO: "finding.os.io_error", errno.ELOOP: "finding.os.symlink_loop",
}


def os_reason(exc: OSError) -> Message | str:
    """Why the system refused, translatable when its words are the ones the catalogue knows."""
    reason = str(exc.strerror or exc)
    known = _OS_REASONS.get(exc.errno)  # type: ignore[arg-type]
    if known is not None and Message(known).render("en") == reason:
        return Message(known)
    return reason


def decode(data: bytes, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | None, list[Finding]]:
    if len(data) > max_bytes:
        return None, [L003.say("over", file=display, limit=f"{max_bytes:,}")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Notepad's "Unicode": every other byte is NUL, which would otherwise be reported as binary.
        return None, [L001.say("utf16", hint=L001.message("hint"), file=display, line=1, column=1)]
    body = data.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark is accepted and dropped
    if b"\x00" in body:
        line, column = _byte_line_column(body, body.index(b"\x00"))
        return None, [L011.say("nul", file=display, line=line, column=column)]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Offsets are into `body`: with the mark's three bytes counted they would point at the wrong byte.
        line, column = _byte_line_column(body, exc.start)
        try:
            body.decode("gb18030")
            looks_gbk = True
        except UnicodeDecodeError:
            looks_gbk = False
        variant = "looks_gbk" if looks_gbk else "not_utf8"
        return None, [L001.say(variant, hint=L001.message("hint"), file=display, line=line, column=column,
                               byte=f"{body[exc.start]:02X}")]
    return text, []


def _byte_line_column(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as an editor counts) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    before = data[line_start:offset].decode("utf-8", errors="replace")
    return data.count(b"\n", 0, offset) + 1, len(before) + 1


def parse(text: str, display: str, max_depth: int = DEFAULT_MAX_DEPTH) -> Loaded:
    """Parse YAML text into a Document; findings for everything a data file must not contain."""
    findings: list[Finding] = []
    not_printable = _NOT_PRINTABLE.search(text)  # one pass: what _BINARY finds is not printable either
    binary = _BINARY.search(text) if not_printable else None
    if binary:
        line, column = _line_column(text, binary.start())
        return Loaded(None, [L011.say("control", file=display, line=line, column=column)])
    if not_printable:
        line, column = _line_column(text, not_printable.start())
        character = f"U+{ord(not_printable.group()):04X}"
        return Loaded(None, [L017.say("character", file=display, line=line, column=column,
                                      character=character)])
    simple = _parse_simple(text, display, max_depth, False)  # positions of values on demand
    if simple is not None:
        return Loaded(simple, findings)
    doc = Document(file=display, data=None, positions={}, key_positions={}, raw={})
    # Stack entries: [container, path, pending_key, pending_key_mark, seen_keys]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    too_deep = False
    aliases: dict[str, list[Any]] = {}  # alias name -> [first finding index, uses]
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    line, col = event.start_mark.line + 1, event.start_mark.column + 1
                    findings.append(L015.say("second_document", file=display, line=line,
                                             column=col))
                    break
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
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
                if event.anchor in aliases:
                    aliases[event.anchor][1] += 1
                else:
                    aliases[event.anchor] = [len(findings), 1]
                    findings.append(L007.say("alias", file=display, line=position[0],
                                             column=position[1], name=event.anchor))
                value: Any = None
            else:
                if getattr(event, "anchor", None):
                    findings.append(L007.say("anchor", file=display, line=position[0],
                                             column=position[1], name=event.anchor))
                if event.tag is not None:
                    findings.append(L008.say("tag", file=display, line=position[0],
                                             column=position[1], tag=event.tag))
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
                findings.append(L004.say("key_not_text", file=display, line=position[0],
                                         column=position[1]))
                return Loaded(None, findings)
            if len(stack) >= max_depth:
                findings.append(L009.say("too_deep", file=display, line=position[0],
                                         column=position[1], depth=max_depth))
                too_deep = True
                break  # the file is rejected anyway; parsing on would only feed a nesting bomb
            doc.positions[path] = position
            container: Any = {} if kind is yaml.MappingStartEvent else []
            stack.append([container, path, _NO_KEY, None, {}])
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in (exc.problem or ""):
            # Newer libyaml refuses deep nesting itself before sending the events that reach our limit.
            line, column = _too_deep_at(text, max_depth, exc)
            findings.append(L009.say("too_deep", file=display, line=line, column=column,
                                     depth=max_depth))
        else:
            findings.append(_syntax_finding(exc, text, display))
        return Loaded(None, findings)
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
        findings.append(L017.say("reader", file=display, line=line,
                                 character=repr(getattr(exc, "character", "?"))))
        return Loaded(None, findings)
    for name, (index, uses) in aliases.items():
        if uses > 1:
            first = findings[index]
            findings[index] = L007.say("alias_repeated", file=display, line=first.line,
                                       column=first.column, hint=first.hint_source(), name=name, uses=uses)
    if too_deep or aliases:
        # An alias leaves a hole where its value would be: checking the rest would only report the holes.
        return Loaded(None, findings)
    if documents == 0 or (root is None and not findings):
        findings.append(L002.say("empty", file=display, line=1, column=1))
        return Loaded(None, findings)
    doc.data = root
    return Loaded(doc, findings)


_NO_KEY = object()


# --- the fast path ---------------------------------------------------------------------------------
# Nearly every file is an ordinary one: mappings and lists of plain values, no anchor, alias or tag,
# no duplicate key, nothing too deep, one document. `_parse_simple` builds exactly the Document that
# `parse` would for such a file, about twice as fast: one loop over libyaml's events with the state in
# local variables, and plain scalars resolved once per distinct text. At the first sign of anything
# else it returns None and `parse` starts again on the full path, which words every finding.
# Without `full` it records the positions of mappings and lists only (the lines records keep); the
# Document runs it again with `full` on its text when a finding needs a value's, a key's or raw text.

_SIMPLE_MEMO: dict[str, Any] = {}  # plain scalar text -> value; the values are immutable
_SIMPLE_MEMO_SIZE = 8192
_SIMPLE_MEMO_TEXT = 64  # longer texts (notes, evidence) are rarely repeated


def _parse_simple(text: str, display: str, max_depth: int, full: bool = True) -> Document | None:
    if "&" in text or "*" in text or "!" in text or max_depth < 1:
        return None  # maybe an anchor, alias or tag
    if not full and _NodeParser is not None and max_depth <= _NODE_DEPTH:
        document = _parse_nodes(text, display, max_depth)
        if document is not None:
            return document
        # something unusual: the loop below takes the decision (and steps aside when it must)
    scalar_event = yaml.ScalarEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    memo = _SIMPLE_MEMO
    positions: dict[Path_, tuple[int, int]] = {}
    key_positions: dict[Path_, tuple[int, int]] = {}
    raw: dict[Path_, str] = {}
    loader = _EventParser(text)
    try:
        get_event = loader.get_event
        if type(get_event()) is not yaml.StreamStartEvent or type(get_event()) is not yaml.DocumentStartEvent:
            return None
        event = get_event()
        kind = type(event)
        if kind is not mapping_start and kind is not sequence_start:
            return None  # a lone scalar, or an empty document
        mark = event.start_mark
        positions[()] = (mark.line + 1, mark.column + 1)
        # The open collection's state; its parents' states wait on the stack.
        container: Any = {} if kind is mapping_start else []
        root = container
        path: Path_ = ()
        is_mapping = kind is mapping_start
        key: Any = _NO_KEY  # a mapping's pending key, as written (the container's key)
        name = ""  # the pending key as text (the path's part)
        seen: set[str] = set()
        stack: list[tuple[Any, Path_, bool, Any, str, set[str]]] = []
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                written = event.value
                plain = event.implicit[0] and not event.style
                if plain:
                    value = memo.get(written, _NO_KEY)
                    if value is _NO_KEY:
                        value = _plain_scalar(written)
                        if len(written) <= _SIMPLE_MEMO_TEXT and len(memo) < _SIMPLE_MEMO_SIZE:
                            memo[written] = value
                else:
                    value = written
                if is_mapping:
                    if key is _NO_KEY:
                        name = value if isinstance(value, str) else str(value)
                        if name in seen:
                            return None  # a duplicate key
                        mark = event.start_mark
                        seen.add(name)
                        key = value
                        if full:
                            key_positions[(*path, name)] = (mark.line + 1, mark.column + 1)
                        continue
                    if full:
                        child = (*path, name)
                    container[key] = value
                    key = _NO_KEY
                else:
                    if full:
                        child = (*path, len(container))
                    container.append(value)
                if full:
                    mark = event.start_mark
                    positions[child] = (mark.line + 1, mark.column + 1)
                    if plain:
                        raw[child] = written
            elif kind in collection_end:
                if not stack:
                    break
                container, path, is_mapping, key, name, seen = stack.pop()
            elif kind is mapping_start or kind is sequence_start:
                if len(stack) + 1 >= max_depth:
                    return None
                if is_mapping:
                    if key is _NO_KEY:
                        return None  # a list or mapping as a key
                    child = (*path, name)
                    new: Any = {} if kind is mapping_start else []
                    container[key] = new
                else:
                    child = (*path, len(container))
                    new = {} if kind is mapping_start else []
                    container.append(new)
                mark = event.start_mark
                positions[child] = (mark.line + 1, mark.column + 1)
                stack.append((container, path, is_mapping, _NO_KEY, "", seen))
                container, path, key, name, seen = new, child, _NO_KEY, "", set()
                is_mapping = kind is mapping_start
            else:
                return None
        if type(get_event()) is not yaml.DocumentEndEvent or type(get_event()) is not yaml.StreamEndEvent:
            return None  # a second document
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if not full:
        return Document._partial(display, root, positions, text, max_depth)
    return Document(file=display, data=root, positions=positions, key_positions=key_positions, raw=raw)


# Without `full`, libyaml's own composer can build the tree of nodes (in C, without an event object
# per value) and `_parse_nodes` turns it into plain data, taking the same decisions as the loop above
# and stepping aside in the same cases. The composer recurses once per level of nesting, so it is
# used only with a libyaml that refuses deep nesting itself (0.2.6 and later stop at 1,000 levels);
# with an older one the loop above does the work.

class _Unusual(Exception):
    """Something only the full path words: a duplicate key, a key that is a list, deep nesting."""


_NODE_DEPTH = 200  # deeper limits than this leave the work to the loop (no deep recursion here)
_NodeParser: Any = None
try:
    from yaml import _yaml as _libyaml
    from yaml.nodes import MappingNode, SequenceNode

    if tuple(_libyaml.get_version()) >= (0, 2, 6):
        class _NodeParser(_EventParser):  # type: ignore[no-redef]
            """libyaml's composer with no tag resolved: `_plain_scalar` reads plain scalars."""

            def resolve(self, kind: Any, value: Any, implicit: Any) -> None:
                return None

            def descend_resolver(self, parent: Any, index: Any) -> None:
                return None

            def ascend_resolver(self) -> None:
                return None
except (ImportError, AttributeError):  # pragma: no cover - PyYAML without libyaml
    _NodeParser = None


def _parse_nodes(text: str, display: str, max_depth: int) -> Document | None:
    parser = _NodeParser(text)
    try:
        root = parser.get_single_node()  # a second document raises
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()
    if type(root) is not MappingNode and type(root) is not SequenceNode:
        return None  # a lone scalar, or an empty document
    positions: dict[Path_, tuple[int, int]] = {}
    try:
        data = _node_data(root, (), 1, max_depth, positions)
    except _Unusual:
        return None
    return Document._partial(display, data, positions, text, max_depth)


def _node_data(node: Any, path: Path_, level: int, max_depth: int,
               positions: dict[Path_, tuple[int, int]]) -> Any:
    """The data of the mapping or list `node` at nesting `level` (the root's is 1)."""
    if level > max_depth:
        raise _Unusual
    mark = node.start_mark
    positions[path] = (mark.line + 1, mark.column + 1)
    memo = _SIMPLE_MEMO
    scalar = ScalarNode
    if type(node) is SequenceNode:
        items: list[Any] = []
        for child in node.value:
            if type(child) is not scalar:
                items.append(_node_data(child, (*path, len(items)), level + 1, max_depth, positions))
            elif child.style:  # quoted or a block of text: as written
                items.append(child.value)
            else:
                value = memo.get(child.value, _NO_KEY)
                items.append(_memo_scalar(child.value) if value is _NO_KEY else value)
        return items
    mapping: dict[Any, Any] = {}
    pairs = node.value
    for key_node, child in pairs:
        if type(key_node) is not scalar:
            raise _Unusual  # a list or mapping as a key
        if key_node.style:
            key = key_node.value
        else:
            key = memo.get(key_node.value, _NO_KEY)
            if key is _NO_KEY:
                key = _memo_scalar(key_node.value)
            if type(key) is not str:
                raise _Unusual  # 1 and "1" would be one key by name: the loop tells them apart
        if type(child) is not scalar:
            value = _node_data(child, (*path, key), level + 1, max_depth, positions)
        elif child.style:
            value = child.value
        else:
            value = memo.get(child.value, _NO_KEY)
            if value is _NO_KEY:
                value = _memo_scalar(child.value)
        mapping[key] = value
    if len(mapping) != len(pairs):
        raise _Unusual  # a duplicate key
    return mapping


def _memo_scalar(written: str) -> Any:
    value = _plain_scalar(written)
    if len(written) <= _SIMPLE_MEMO_TEXT and len(_SIMPLE_MEMO) < _SIMPLE_MEMO_SIZE:
        _SIMPLE_MEMO[written] = value
    return value


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
        findings.append(L006.say("duplicate_key", file=display, line=position[0],
                                 column=position[1], path=format_path((*path, name)), key=name,
                                 first_line=first[0]))
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


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


# What the parser was inside when the file ended, in words a clerk knows, and how to close it.
_UNCLOSED = {
    "while scanning a quoted scalar": (L004.message("open.quoted"),
                                       L004.message("close.quoted")),
    "while parsing a flow sequence": (L004.message("open.list"), L004.message("close.list")),
    "while parsing a flow mapping": (L004.message("open.mapping", brace="{"),
                                     L004.message("close.mapping", brace="}")),
}

# The parser's own words that have a translation; anything else it says is shown as it is.
_YAML_WORDS = {message.render("en"): message for message in (
    Message("finding.yaml.problem.mapping_values"), Message("finding.yaml.problem.mapping_values_here"),
    Message("finding.yaml.problem.expected_key"), Message("finding.yaml.problem.expected_dash"),
    Message("finding.yaml.problem.expected_bracket"),
    Message("finding.yaml.problem.expected_brace", brace="}"),
    Message("finding.yaml.problem.expected_colon"), Message("finding.yaml.problem.end_of_stream"),
    Message("finding.yaml.problem.cannot_start_token"), Message("finding.yaml.problem.unknown_escape"),
    Message("finding.yaml.problem.document_start"), Message("finding.yaml.problem.node_content"),
    Message("finding.yaml.problem.sequence_entries"), Message("finding.yaml.problem.alphanumeric"),
    Message("finding.yaml.context.block_mapping"), Message("finding.yaml.context.block_collection"),
    Message("finding.yaml.context.block_node"), Message("finding.yaml.context.flow_sequence"),
    Message("finding.yaml.context.flow_mapping"), Message("finding.yaml.context.flow_node"),
    Message("finding.yaml.context.scanning_quoted"), Message("finding.yaml.context.parsing_quoted"),
    Message("finding.yaml.context.plain_scalar"), Message("finding.yaml.context.simple_key"),
    Message("finding.yaml.context.next_token"), Message("finding.yaml.context.alias"),
    Message("finding.yaml.context.anchor"),
)}


def _yaml_words(said: str) -> Message | str:
    return _YAML_WORDS.get(said, said)


def _too_deep_at(text: str, max_depth: int, exc: yaml.MarkedYAMLError) -> tuple[int | None, int | None]:
    """Where flow brackets first nest deeper than `max_depth`; libyaml's own mark when they never do."""
    depth, line, column = 0, 1, 0
    for char in text:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return line, column
        elif char in "]}":
            depth -= 1
    mark = exc.problem_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


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
            at_tab = candidate == line and column is not None and src[column - 1:column] == "\t"  # `-\tb`
            if "\t" in indent or ("\t" in problem) or at_tab:
                return L005.say("tab", file=display, line=candidate,
                                column=(indent.index("\t") + 1) if "\t" in indent else column)
    unclosed = _UNCLOSED.get(exc.context or "")
    if unclosed and exc.context_mark is not None and line is not None and line > len(lines):
        # The parser stops at the end of the file; the mistake is where the unclosed thing starts.
        what, fix = unclosed
        return L004.say("unclosed", file=display, line=exc.context_mark.line + 1,
                        column=exc.context_mark.column + 1, hint=fix, what=what)
    context = L004.message("context", context=_yaml_words(exc.context)) if exc.context else ""
    hint = L004.message("syntax.hint")
    if "could not find expected ':'" in problem or "mapping values are not allowed" in problem:
        hint = L004.message("colon")
    return L004.say("syntax", file=display, line=line, column=column, hint=hint,
                    problem=_yaml_words(problem), context=context)


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
        name = type(loaded.document.data).__name__
        got = {"list": "finding.type.list", "str": "finding.type.plain_text", "int": "finding.type.number",
               "float": "finding.type.number"}.get(name)
        loaded.findings.append(L010.say("not_mapping", file=display, line=1, column=1,
                                        got=Message(got) if got else name))
        return Loaded(None, loaded.findings)
    return loaded
