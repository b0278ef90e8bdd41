"""The plan file: loading it, checking it against the plan model, and wording pydantic's errors.

`check_plan_file` gives the plan when it is sound and every problem found, located; `load_plan`
raises UsageError when the plan cannot be used. pydantic's errors become C001 findings at the key
path they name (its raw text never reaches a user), and the plan's own consistency checks
(`plan.integrity_problems`) become located findings. Loading findings that would give a progress
file's hints (an empty file, one too large) are worded for a plan file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..findings import C001, L002, L003, Finding, UsageError, format_path, say
from ..i18n import MESSAGES, Message
from ..loading import Document, Loaded, decode, load_file, load_text
from ..plan import Plan, integrity_problems
from ..reading import PLAN_MAX_BYTES, read_regular
from .context import plain


def check_plan_file(path: Path, display: str | None = None) -> tuple[Plan | None, list[Finding]]:
    """Load and check a plan file: the plan when sound, and every problem found, located."""
    display = display or str(path)
    return _check_loaded(load_file(path, display, max_bytes=PLAN_MAX_BYTES), display)


def _check_loaded(loaded: Loaded, display: str) -> tuple[Plan | None, list[Finding]]:
    findings = [_as_plan_file(f) for f in loaded.findings]
    if loaded.document is None:
        return None, findings
    doc = loaded.document
    try:
        plan = Plan.model_validate(doc.data)
    except ValidationError as exc:
        return None, findings + pydantic_findings(exc, doc)
    for path_, code, message in integrity_problems(plan):
        line, column = doc.locate(path_)
        # A message with a hint of its own keeps it; the others share the general one.
        hint = {} if f"{message.id}.hint" in MESSAGES else {"hint": Message("finding.plan.fix")}
        findings.append(say(code, message.id, file=display, line=line, column=column, path=format_path(path_),
                            **hint, **message.fields))
    if any(f.severity == "error" for f in findings):
        return None, findings
    for n, indicator in enumerate(plan.indicators):
        indicator.keep_written_target(doc.raw.get(("indicators", n, "target")))
    return plan, findings


def load_plan(path: Path, display: str | None = None, *, cache: Path | None = None) -> Plan:
    """The plan in the file at `path`; UsageError with located findings when it cannot be used.

    With a `cache` folder a plan checked before is read back from it - one record, found by the
    hash of the file's bytes and sciplan's code - instead of being parsed and validated again."""
    if cache is None:
        plan, findings = check_plan_file(path, display)
    else:
        plan, findings = _load_plan_cached(path, display or str(path), cache)
    if plan is None:
        raise UsageError(Message("error.plan_unusable", path=str(display or path)), findings)
    return plan


def plan_key(plan: Plan) -> str:
    """What identifies a plan in cache keys: the hash of the bytes it was checked from, when it was
    loaded from a file here, else of the plan itself."""
    return plan.__dict__.get(_KEY) or plan.model_dump_json()


_KEY = "_sciplan_cache_key"  # where a plan loaded from a file keeps its key


def _load_plan_cached(path: Path, display: str, folder: Path) -> tuple[Plan | None, list[Finding]]:
    from .. import cache

    try:
        data = read_regular(path, PLAN_MAX_BYTES)
    except OSError:
        return check_plan_file(path, display)  # words whatever is wrong with the file
    key = cache.namespace(cache.code_fingerprint(), "plan", cache.digest(data).hex())
    blob = cache.load_object(folder, key)
    plan = _unpickled_plan(blob) if blob is not None else None
    if plan is not None:
        object.__setattr__(plan, _KEY, key)
        return plan, []
    text, findings = decode(data, display, PLAN_MAX_BYTES)
    loaded = Loaded(None, findings) if text is None else load_text(text, display)
    plan, findings = _check_loaded(loaded, display)
    if plan is not None:
        object.__setattr__(plan, _KEY, key)
        if not findings:  # a plan with warnings is checked again, so the warnings stay where they are
            import pickle

            cache.save_object(folder, key, pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
    return plan, findings


# What a kept plan may be made of: the plan's own models and the types their fields hold.
_PLAN_GLOBALS = {"builtins": {"set", "frozenset"}, "copyreg": {"_reconstructor"},
                 "datetime": {"date"}, "sciplan.domain": None, "sciplan.plan": None,
                 "sciplan.plan.models": None}


def _unpickled_plan(blob: bytes) -> Plan | None:
    """The plan a cache record holds, or None when it holds anything else or nothing readable. Only
    the plan's own classes may be named in the record: anything else is refused, never imported."""
    import io
    import pickle

    class PlanUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if module not in _PLAN_GLOBALS:
                raise pickle.UnpicklingError(f"{module}.{name}")
            allowed = _PLAN_GLOBALS[module]
            if (allowed is None and name.startswith("_")) or (allowed is not None and name not in allowed):
                raise pickle.UnpicklingError(f"{module}.{name}")
            return super().find_class(module, name)

    try:
        plan = PlanUnpickler(io.BytesIO(blob)).load()
    except Exception:  # noqa: BLE001 - a record that does not read back, however it fails, is a miss
        return None
    return plan if type(plan) is Plan else None


_PYDANTIC_MESSAGES = {  # pydantic's error type -> the variant of C001 that words it
    "missing": "missing",
    "extra_forbidden": "unknown_key",
}
# pydantic's errors that have a translation: the error type -> the fields its wording takes from the
# error's context. Used only while pydantic's (lower-cased) words are exactly the catalogue's English.
_PYDANTIC_DETAILS: dict[str, tuple[str, ...]] = {
    "string_type": (), "int_type": (), "int_from_float": (), "int_parsing": (), "float_type": (),
    "float_parsing": (), "bool_type": (), "bool_parsing": (), "finite_number": (), "list_type": (),
    "dict_type": (), "model_type": ("class_name",), "string_pattern_mismatch": ("pattern",),
    "literal_error": ("expected",), "enum": ("expected",), "greater_than": ("gt",),
}


def _pydantic_detail(error: Any) -> Message | str:
    """pydantic's explanation of an error, translatable when the catalogue words it the same way."""
    said = error["msg"].lower()
    names = _PYDANTIC_DETAILS.get(error["type"])
    if names is None:
        return said
    context = error.get("ctx") or {}
    fields = {name: plain(value) if isinstance(value, float) else str(value).lower()
              for name, value in ((name, context.get(name)) for name in names)}
    known = Message(f"finding.pydantic.{error['type']}", **fields)
    return known if known.render("en") == said else said


def pydantic_findings(exc: ValidationError, doc: Document) -> list[Finding]:
    """Turn pydantic's errors about the plan into located C001 findings; its raw text never reaches a user."""
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        key = loc[-1] if loc else ""
        variant = _PYDANTIC_MESSAGES.get(error["type"])
        if variant:
            fields: dict[str, object] = {"key": str(key)}
        else:
            variant = "invalid"
            fields = {"where": format_path(loc), "detail": _pydantic_detail(error)}
        if error["type"] == "missing":
            line, column = doc.locate(loc[:-1])
        else:
            line, column = doc.locate_key(loc) if error["type"] == "extra_forbidden" else doc.locate(loc)
        out.append(C001.say(variant, file=doc.file, line=line, column=column, path=format_path(loc),
                            hint=C001.message("hint"), **fields))
    return out


# The loading findings worded for a plan file: the progress file's hints (start from `sciplan
# template`, raise --max-bytes) do not apply to it.
_PLAN_VARIANTS = {
    L002.key("empty"): (L002, "plan_empty"),
    L003.key("size"): (L003, "plan_size"),
    L003.key("over"): (L003, "plan_over"),
}


def _as_plan_file(finding: Finding) -> Finding:
    if finding.key not in _PLAN_VARIANTS:
        return finding
    code, variant = _PLAN_VARIANTS[finding.key]
    said = finding.message_source()
    fields = said.fields if isinstance(said, Message) else {}
    return code.say(variant, file=finding.file, line=finding.line, column=finding.column, path=finding.path,
                    **fields)
