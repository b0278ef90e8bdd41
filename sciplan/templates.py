"""Ready-to-fill progress files: what one unit reports for one year, and that as commented YAML.

`build_template` decides the content from the plan through `duties.duty` - first what the unit owes
(the indicators named for it, the tasks of the groups it leads, the schedule milestones due by then),
then, in a part marked optional, what it may report (flows of its groups, tasks of groups it joins) -
and `render_yaml` writes it out. `workbook.template_workbook` writes the same content as an .xlsx.

Every required placeholder fails validation until it is filled: an empty `value:` is S111 and an empty
task `status:` is S109, so an untouched template can never pass as a report of zeros. The optional part
is commented out in YAML and left out by the workbook import when empty: not reported, never a zero.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import figures as num
from .domain import TASK_STATUS, Kind
from .duties import duty
from .plan import Group, Indicator, Milestone, Plan, Task, Township, Unit, ValueType

DEFAULT_SCHEMA = "progress.schema.json"

# A YAML file takes the id; the label says what it means.
_STATUS_COMMENT = " | ".join(f"{w.id}={w.zh}" for w in TASK_STATUS.words)

NO_FIGURE_WORDS = ("无", "无数据", "none", "n/a")  # typed in a workbook's note: leave the indicator out


class TemplateError(ValueError):
    """No template can be made (the unit reports nothing that year); the message says why."""


@dataclass(frozen=True)
class ValueSlot:
    indicator: Indicator
    target: str  # the target, in Chinese, for people
    asks: str  # what to enter, in Chinese and English
    owed: bool = True  # required; False: in the optional part

    @property
    def value_type(self) -> ValueType:
        return self.indicator.value_type


@dataclass(frozen=True)
class TaskSlot:
    task: Task
    group: Group
    role: str  # lead | participating
    owed: bool = True  # required; False: in the optional part

    @property
    def role_label(self) -> str:
        return "牵头 lead" if self.role == "lead" else "参加 joins"


@dataclass(frozen=True)
class Template:
    plan: Plan
    unit: Unit
    year: int
    area: Township | None
    values: list[ValueSlot]
    tasks: list[TaskSlot]
    milestones: list[Milestone]

    @property
    def owed_ids(self) -> set[str]:
        """The ids of the entries the form requires; the others may be left empty."""
        return ({s.indicator.id for s in self.values if s.owed} | {s.task.id for s in self.tasks if s.owed}
                | {m.id for m in self.milestones})

    @property
    def file_name(self) -> str:
        """<year>-<unit's name>[-<township's name>], the stem `template --all` names a unit's form by."""
        name = f"{self.year}-{self.unit.name}" + (f"-{self.area.name}" if self.area else "")
        return "".join("_" if c in '/\\:*?"<>|' or not c.isprintable() else c for c in name)

    @property
    def default_name(self) -> str:
        """<unit-id>-<year>[-<township-id>], the stem of the file `template` writes by default."""
        return f"{self.unit.id}-{self.year}" + (f"-{self.area.id}" if self.area else "")


def target_text(plan: Plan, indicator: Indicator) -> str:
    """'≥ 5,000 人次（到2025年累计）' - the target as a clerk reads it."""
    if not indicator.has_target:
        users = [i.name for i in plan.indicators if i.ratio and indicator.id in (i.ratio.numerator,
                                                                               i.ratio.denominator)]
        return "无单独目标，用于计算" + "、".join(users) if users else "无单独目标"
    sign = {">": ">", ">=": "≥"}.get(indicator.comparator or "", indicator.comparator or "")
    figure = num.written(indicator.target, indicator.target_text)
    measure = indicator.measure if indicator.measure == "%" else f" {indicator.measure}"
    if indicator.kind is Kind.ANNUAL:
        when = "（每年）"
    elif indicator.kind is Kind.CUMULATIVE:
        when = f"（{plan.period.start}—{indicator.target_year}年累计）"
    else:
        when = f"（{indicator.target_year}年）"
    return f"{sign} {figure}{measure}{when}"


def asks_text(indicator: Indicator) -> str:
    """What the clerk enters for this indicator: which figure, and what kind of number."""
    if indicator.is_flow:
        which = "本年度数（不累计）this year's figure, not a running total"
    else:
        which = "年末数 the figure at the end of the year"
    kind = {
        ValueType.COUNT: "整数 whole number",
        ValueType.PERCENT: "0–100 的百分数，如 15.2 a percentage",
        ValueType.QUANTITY: "不小于 0 的数 a number ≥ 0",
    }[indicator.value_type]
    return f"{which}; {kind}"


def build_template(plan: Plan, unit: Unit, year: int, area: Township | None = None) -> Template:
    if not plan.period.start <= year <= plan.period.end:
        raise TemplateError(f"year {year} is outside the plan period {plan.period.start}-{plan.period.end}")
    rule = duty(plan, unit, year)
    parts = ((True, rule.owed_indicators), (False, rule.optional_indicators))
    values = [ValueSlot(i, target_text(plan, i), asks_text(i), owed) for owed, part in parts for i in part]
    tasks = [TaskSlot(t.task, t.group, t.role, t.owed) for t in rule.tasks]
    milestones = list(rule.milestones)
    if not (values or tasks or milestones):
        raise TemplateError(f"{unit.name} ({unit.id}) reports nothing for {year}: it leads or joins no "
                            "group, reports no indicator and no schedule milestone is due; `sciplan units` "
                            "shows who reports what")
    return Template(plan, unit, year, area, values, tasks, milestones)


# --- YAML -----------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*$")
_RESERVED = re.compile(r"^(~|null|true|false|yes|no|on|off|y|n|[-+.0-9].*)$", re.IGNORECASE)


def _printable(text: str) -> bool:
    """No control characters and nothing YAML reads as a line break (U+2028, U+2029, NEL)."""
    return not any(unicodedata.category(c)[0] == "C" or unicodedata.category(c) in ("Zl", "Zp") for c in text)


def scalar(value: object) -> str:
    """A value as a YAML scalar: numbers plain, text plain when YAML reads it back as the same text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value)
    if _PLAIN.match(text) and not _RESERVED.match(text) and text == text.strip() and _printable(text):
        return text
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
               .replace("\t", "\\t"))
    # Control and format characters are escaped; spaces of every width (a full-width 　 too) stay as typed.
    escaped = "".join((f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
                      if not _printable(c) else c for c in escaped)
    return f'"{escaped}"'


def _comment(text: str) -> str:
    return " ".join(text.split())


def render_yaml(template: Template, schema: str = DEFAULT_SCHEMA) -> str:
    plan, unit = template.plan, template.unit
    area = template.area
    out = [
        f"# yaml-language-server: $schema={schema}",
        f"# {unit.name} ({unit.id}) · {template.year} 年度进度报告 / progress report"
        + (f" · {area.name}" if area else _whole(plan)),
        "# 填写每个 value: 和 status:；留空的项目无法通过校验。Fill in every `value:` and `status:`;",
        "# an empty one fails `sciplan validate` (S111, S109). Remove a value entry if your unit has no",
        "# figure for it.",
        f"# Editor support: create the schema once with `sciplan schema -o {schema}`.",
        "# Check: sciplan validate THIS-FILE",
        f"plan: {scalar(plan.id)}",
        f"plan_version: {plan.version}",
        f"unit: {scalar(unit.name)}",
        f"period: {template.year}",
    ]
    if area:
        out.append(f"area: {scalar(area.name)}")
    out += [
        "submitted:      # optional: the date you submit, YYYY-MM-DD",
        "contact:        # optional: name and telephone",
    ]
    owed_values = [v for v in template.values if v.owed]
    optional_values = [v for v in template.values if not v.owed]
    if owed_values:
        out.append("values:")
        for slot in owed_values:
            out += _value_lines(slot)
    if optional_values:
        if not owed_values:
            out.append("#values:")
        out += _OPTIONAL_HEAD
        for slot in optional_values:
            out += ["#" + line for line in _value_lines(slot)]
    owed_tasks = [t for t in template.tasks if t.owed]
    optional_tasks = [t for t in template.tasks if not t.owed]
    if owed_tasks:
        out.append("tasks:")
        out += _task_lines(owed_tasks)
    if optional_tasks:
        if not owed_tasks:
            out.append("#tasks:")
        out += _OPTIONAL_HEAD
        out += ["#" + line if not line.startswith("  # ") else line for line in _task_lines(optional_tasks)]
    if template.milestones:
        out.append("milestones:")
        for milestone in template.milestones:
            out.append(f"  # {milestone.year}: {_comment(milestone.text)}")
            out.append(f"  - milestone: {scalar(milestone.id)}")
            out.append(f"    status:     # {_STATUS_COMMENT}")
            out.append("    date:       # optional: when it was done, YYYY-MM-DD")
            out.append("    evidence:")
    return "\n".join(out) + "\n"


_OPTIONAL_HEAD = [
    "  # ── 选报（可不填）：如需填报，删去该项各行行首的 # 再填写；不填即“未报告”，不按零计。",
    "  #    Optional: to report one, remove the `#` in front of its lines (and of the section's key",
    "  #    if it is commented out) and fill it in. Left as they are they mean \"not reported\", never zero.",
]


def _value_lines(slot: ValueSlot) -> list[str]:
    i = slot.indicator
    return [f"  # {_comment(i.name)}（{i.measure}）目标 {_comment(slot.target)}",
            f"  # {_comment(slot.asks)}",
            f"  - indicator: {scalar(i.id)}",
            "    value:"]


def _task_lines(slots: list[TaskSlot]) -> list[str]:
    out, current = [], None
    for slot in slots:
        if slot.group.id != current:
            current = slot.group.id
            out.append(f"  # ── {slot.group.title} ({slot.group.id}) · {slot.role_label}")
        out.append(f"  # {_comment(slot.task.title)}")
        out.append(f"  - task: {scalar(slot.task.id)}")
        out.append(f"    status:     # {_STATUS_COMMENT}")
        out.append("    evidence:   # what was done; required for done and blocked")
    return out


def _whole(plan: Plan) -> str:
    """The header's word for figures of the whole: the plan's own (全市 city-wide), else neutral."""
    zh, en = plan.whole("zh"), plan.scope.whole_en
    words = " ".join(w for w in (zh, en) if w) or "合计 total"
    return f" · {words}"
