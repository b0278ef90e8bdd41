"""data/plan.yaml against the document it encodes (晃政办发〔2022〕11号).

The document is parsed here on its own terms - part headings 二、/三、, group headings （一）,
numbered task paragraphs `N.标题。正文`, responsibility lines `（责任分工：由…牵头，…等单位参加。）` -
and every heading, task, unit, target number, milestone and quoted text is looked up in the plan.
Nothing is compared against a copy of the plan: a wrong plan.yaml fails here even if it is
self-consistent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sciplan.plan import Plan
from sciplan.validation import check_plan_file

REPO = Path(__file__).resolve().parents[1]
PLAN_FILE = REPO / "data" / "plan.yaml"
SOURCE = Path(__file__).resolve().parents[2] / "shared" / "source" / "000_5bb7856c32e97723.txt"

pytestmark = pytest.mark.skipif(
    not SOURCE.is_file(),
    reason=f"the source document is not at {SOURCE} (shared/ is expected beside the repository)",
)

# The contract: group ids in document order, with their task counts.
GROUP_TASKS = {
    "youth": 7, "farmers": 4, "workers": 4, "elderly": 3, "officials": 4,
    "resources": 3, "informatization": 3, "infrastructure": 3, "capacity": 5,
}
TOWNSHIPS = ["晃州镇", "扶罗镇", "中寨镇", "波洲镇", "鱼市镇", "凉伞镇", "林冲镇", "禾滩镇", "贡溪镇",
             "米贝苗族乡", "步头降苗族乡"]
EXTRA_UNITS = ["县人民政府", "各乡镇人民政府", "县全民科学素质工作领导小组办公室"]

PART = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
GROUP_HEADING = re.compile(r"^（[一二三四五六七八九十]+）.+$")
TASK = re.compile(r"^(\d+)\.(.+)$")
RESPONSIBILITY = re.compile(r"^（(?:责任分工：)?由(?P<lead>.+?)牵头，(?P<participating>.+?)等单位参加。）$")
NUMBER = re.compile(r"(\d+(?:\.\d+)?)(万)?")


@dataclass
class DocGroup:
    kind: str  # "action" (二、提升行动) or "project" (三、重点工程)
    heading: str
    aim: str = ""
    tasks: list[tuple[int, str]] = field(default_factory=list)  # (number, paragraph without "N.")
    responsibility: str = ""


@dataclass
class Source:
    text: str
    lines: list[str]  # stripped, blank lines dropped
    intros: dict[str, str]  # part kind -> the paragraph under the part heading
    groups: list[DocGroup]
    sections: dict[str, list[str]]  # 四、组织实施: group heading -> paragraphs

    def paragraph_after(self, line: str) -> str:
        return self.lines[self.lines.index(line) + 1]


def parse_source(text: str) -> Source:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    kinds = {"提升行动": "action", "重点工程": "project"}
    part: str | None = None
    intros: dict[str, str] = {}
    groups: list[DocGroup] = []
    sections: dict[str, list[str]] = {}
    section: str | None = None
    previous = ""
    for line in lines:
        if match := PART.match(line):
            part = kinds.get(match[2], match[2])
            section = None
        elif part in ("action", "project"):
            if PART.match(previous):
                intros[part] = line
            elif GROUP_HEADING.match(line):
                groups.append(DocGroup(part, line))
            elif match := TASK.match(line):
                groups[-1].tasks.append((int(match[1]), match[2]))
            elif RESPONSIBILITY.match(line):
                groups[-1].responsibility = line
            elif groups and not groups[-1].aim:
                groups[-1].aim = line
            else:
                raise AssertionError(f"unexpected paragraph in the document: {line[:40]}")
        elif part == "组织实施":
            if GROUP_HEADING.match(line):
                section = line
                sections[section] = []
            elif section is not None and not line.startswith("送："):
                sections[section].append(line)
            else:
                section = None
        previous = line
    return Source(text, lines, intros, groups, sections)


def numbers(sentence: str) -> list[tuple[float, int, int]]:
    """(value, start, end) of every figure in a sentence; 200万 -> 2000000."""
    out = []
    for match in NUMBER.finditer(sentence):
        value = float(match[1]) * (10000 if match[2] else 1)
        out.append((value, match.start(), match.end()))
    return out


def units_of(line: str) -> tuple[list[str], list[str]]:
    match = RESPONSIBILITY.match(line)
    assert match, f"not a responsibility line: {line}"
    return match["lead"].split("、"), match["participating"].split("、")


@pytest.fixture(scope="module")
def source() -> Source:
    return parse_source(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded, findings = check_plan_file(PLAN_FILE, "data/plan.yaml")
    assert findings == [] and loaded is not None, findings
    return loaded


def doc_group(source: Source, plan: Plan, group_id: str) -> DocGroup:
    group = plan.group(group_id)
    assert group is not None, f"the plan has no group `{group_id}`"
    of_kind = [g for g in source.groups if g.kind == group.kind]
    assert 1 <= group.number <= len(of_kind), f"{group_id}: number {group.number} is not in the document"
    return of_kind[group.number - 1]


# --- the document's structure as parsed ----------------------------------------------------------

def test_the_parser_finds_nine_groups_and_36_tasks(source: Source) -> None:
    assert [g.kind for g in source.groups] == ["action"] * 5 + ["project"] * 4
    assert [len(g.tasks) for g in source.groups] == list(GROUP_TASKS.values())
    assert all(g.responsibility and g.aim for g in source.groups)
    for group in source.groups:
        assert [n for n, _ in group.tasks] == list(range(1, len(group.tasks) + 1)), group.heading


# --- groups and tasks ----------------------------------------------------------------------------

def test_groups_in_document_order(source: Source, plan: Plan) -> None:
    assert [g.id for g in plan.groups] == list(GROUP_TASKS)
    assert [(g.kind, g.heading) for g in plan.groups] == [(d.kind, d.heading) for d in source.groups]


def test_all_36_task_ids(plan: Plan) -> None:
    expected = [f"{g}.{n}" for g, count in GROUP_TASKS.items() for n in range(1, count + 1)]
    assert len(expected) == 36
    assert [t.id for g in plan.groups for t in g.tasks] == expected


@pytest.mark.parametrize("group_id", list(GROUP_TASKS))
def test_group_heading_title_and_aim_verbatim(source: Source, plan: Plan, group_id: str) -> None:
    group, doc = plan.group(group_id), doc_group(source, plan, group_id)
    assert group is not None
    assert group.heading == doc.heading
    assert doc.heading.endswith(group.title)
    assert group.aim == doc.aim


@pytest.mark.parametrize("group_id", list(GROUP_TASKS))
def test_every_task_heading_and_full_text(source: Source, plan: Plan, group_id: str) -> None:
    group, doc = plan.group(group_id), doc_group(source, plan, group_id)
    assert group is not None
    assert len(group.tasks) == len(doc.tasks)
    for task, (number, paragraph) in zip(group.tasks, doc.tasks, strict=True):
        heading = paragraph.split("。", 1)[0]
        assert (task.id, task.number) == (f"{group_id}.{number}", number)
        assert task.title == heading, task.id
        assert task.text == paragraph, f"{task.id}: text differs from the document"


@pytest.mark.parametrize("group_id", list(GROUP_TASKS))
def test_every_unit_in_the_responsibility_line(source: Source, plan: Plan, group_id: str) -> None:
    group, doc = plan.group(group_id), doc_group(source, plan, group_id)
    assert group is not None
    assert group.responsibility.text == doc.responsibility
    lead, participating = units_of(doc.responsibility)
    for role, names, ids in (("lead", lead, group.responsibility.lead),
                             ("participating", participating, group.responsibility.participating)):
        resolved = []
        for name in names:
            unit = plan.unit(name)
            assert unit is not None, f"{group_id}: {name} ({role}) is not in the unit registry"
            assert unit.name == name, f"{name} resolves to {unit.name}, not a unit of that full name"
            resolved.append(unit.id)
        assert ids == resolved, f"{group_id}: {role} units differ from the document (or their order)"


def test_officials_line_has_no_prefix_and_is_still_parsed(source: Source, plan: Plan) -> None:
    line = doc_group(source, plan, "officials").responsibility
    assert line.startswith("（由") and "责任分工" not in line
    lead, participating = units_of(line)
    assert lead == ["县委组织部", "县人力资源和社会保障局"]
    assert len(participating) == 15


# --- the unit registry and townships ------------------------------------------------------------

def test_unit_registry_is_the_27_responsible_units_and_three_more(source: Source, plan: Plan) -> None:
    named: list[str] = []
    for group in source.groups:
        lead, participating = units_of(group.responsibility)
        named.extend(n for n in lead + participating if n not in named)
    assert len(named) == 27
    for name in EXTRA_UNITS:
        assert name in source.text, f"{name} is not named in the document"
    assert sorted(u.name for u in plan.units) == sorted(named + EXTRA_UNITS)


def test_the_leading_group_office_sits_at_the_cast(source: Source, plan: Plan) -> None:
    office = plan.unit("县全民科学素质工作领导小组办公室")
    cast = plan.unit("县科协")
    assert office is not None and cast is not None
    assert office.hosted_by == cast.id
    assert "县科协发挥县全民科学素质工作领导小组办公室的综合协调作用" in source.text


def test_eleven_townships(plan: Plan) -> None:
    assert [t.name for t in plan.areas] == TOWNSHIPS
    assert len({t.id for t in plan.areas}) == 11


# --- the goal and the indicators ------------------------------------------------------------------

def test_goal_text_verbatim(source: Source, plan: Plan) -> None:
    assert plan.goal.heading == "（二）目标"
    assert plan.goal.text == source.paragraph_after("（二）目标")
    for aim in plan.goal.aims:
        assert aim in plan.goal.text
    literacy = plan.indicator(plan.goal.indicator)
    assert literacy is not None and literacy.source_text in plan.goal.text


def test_every_source_text_is_verbatim_in_the_document(source: Source, plan: Plan) -> None:
    missing = [i.id for i in plan.indicators if i.source_text not in source.text]
    assert missing == []


def test_every_source_text_lies_in_its_task(plan: Plan) -> None:
    for ind in plan.indicators:
        task = plan.task(ind.task)
        home = task.text if task is not None else plan.goal.text
        assert ind.source_text in home, f"{ind.id}: source_text is not in {ind.task}"


@pytest.mark.parametrize("indicator_id", [
    "literacy-rate", "youth-competition-participants", "farmer-trainings", "rural-entrepreneur-leaders",
    "rural-practical-talents", "enterprise-village-pairings", "tech-commissioners", "innovation-studios",
    "skilled-worker-trainings", "provincial-science-bases", "municipal-science-bases", "science-volunteers",
    "info-officers", "dissemination-count", "exhibition-area-per-10k", "health-literacy-rate",
])
def test_target_is_a_number_of_its_sentence(plan: Plan, indicator_id: str) -> None:
    ind = plan.indicator(indicator_id)
    assert ind is not None and ind.target is not None
    figures = numbers(ind.source_text)
    at = [start for value, start, _ in figures if value == ind.target]
    assert at, f"{indicator_id}: target {ind.target} is not among {[v for v, _, _ in figures]}"
    # The document's wording sets the comparator: 超过/突破 -> '>', 以上/达到/不低于 (or none) -> '>='.
    before = ind.source_text[: at[0]]
    assert ind.comparator == (">" if before.endswith(("超过", "突破")) else ">="), indicator_id
    years = [int(v) for v, _, end in figures if v >= 2000 and ind.source_text[end:end + 1] == "年"]
    if ind.kind == "annual":
        assert "每年" in ind.source_text and ind.target_year is None
    else:  # a sentence naming no year (“十四五”期间, 5年, or none) sets a target for the plan's end
        assert ind.target_year == (years[0] if years else plan.period.end), indicator_id
        assert len(years) <= 1
    if "每万人" in ind.source_text:
        assert ind.ratio is not None and ind.ratio.denominator_scale == 10000


def test_every_number_in_a_target_sentence_is_in_the_plan(source: Source, plan: Plan) -> None:
    """Each figure in a task paragraph (titles in 《》 aside) is a target, a target year or the period."""
    checked = 0
    span = plan.period.end - plan.period.start + 1
    for group in source.groups:
        for _, paragraph in group.tasks:
            body = paragraph.split("。", 1)[1]
            for sentence in re.findall(r"[^。；]*[。；]", body):
                bare = re.sub(r"《[^》]*》", "", sentence)
                figures = numbers(bare)
                if not figures:
                    continue
                covering = [i for i in plan.indicators
                            if sentence in i.source_text or i.source_text in sentence]
                assert covering, f"no indicator quotes: {sentence}"
                targets = {i.target for i in covering} | {i.target_year for i in covering}
                for value, _, end in figures:
                    is_span = bare[end:end + 1] == "年" and value < 100
                    assert value in targets or (is_span and value == span), f"{value:g} in: {sentence}"
                    checked += 1
    # The document's figures: 100; 2025 5000 300 50; 5 15; 137; 2025 5; 2000; 2025 1 3; 2025 200;
    # 2025 10000 200万; 160; 25.
    assert checked == 21


# --- milestones, implementation and the document's front matter --------------------------------

def test_milestones_are_the_schedule(source: Source, plan: Plan) -> None:
    schedule = source.sections["（四）进度安排"]
    assert len(schedule) == 1
    paragraph = schedule[0]
    rest = paragraph
    for milestone in plan.milestones:
        at = paragraph.find(milestone.text)
        assert at >= 0, f"{milestone.id}: text is not in 进度安排"
        year = re.findall(r"(\d{4})年", paragraph[:at])[-1]
        assert milestone.year == int(year), milestone.id
        rest = rest.replace(milestone.text, "")
    # Every clause of the schedule is some milestone: what is left is years and punctuation.
    assert re.sub(r"\d{4}年|[，；。]", "", rest) == ""


def test_implementation_sections_verbatim(source: Source, plan: Plan) -> None:
    assert [s.heading for s in plan.implementation] == list(source.sections)
    for section in plan.implementation:
        paragraphs = [TASK.sub(r"\2", p) for p in source.sections[section.heading]]
        assert section.items == paragraphs, section.id


def test_front_matter(source: Source, plan: Plan) -> None:
    meta = plan.document
    assert (plan.id, plan.version, plan.schema_version) == ("xinhuang-science-literacy", 1, 2)
    assert source.lines[0] == meta.number == "晃政办发〔2022〕11号"
    assert source.lines[1] == meta.issuer
    assert meta.issued.isoformat() == "2022-10-14" and "2022年10月14日" in source.text
    assert meta.notice_title in source.lines
    assert f"{meta.addressees}：" in source.lines
    assert meta.notice in source.lines
    first = source.lines.index("新晃侗族自治县全民科学素质行动规划纲要")  # the title spans two lines
    assert plan.title == "".join(source.lines[first:first + 2])
    assert f"（{plan.period.start}-{plan.period.end}年）" in plan.title
    assert plan.preamble in source.lines
    assert plan.guiding_ideology == source.paragraph_after("（一）指导思想")
    for doc in plan.based_on:
        assert doc.title in plan.preamble
        if doc.number:
            assert doc.number in plan.preamble
    assert len(plan.based_on) == 3
    copied = source.text[source.text.index("送："):]
    assert all(name in copied for name in meta.copied_to)


def test_part_intros_verbatim(source: Source, plan: Plan) -> None:
    assert [k.id for k in plan.group_kinds] == ["action", "project"]
    assert plan.group_kind("action").intro == source.intros["action"]
    assert plan.group_kind("project").intro == source.intros["project"]
    # the part headings name the kinds: 二、五大提升行动, 三、四项重点工程
    assert all(any(k.name in line for line in source.lines) for k in plan.group_kinds)


def test_scope_words_are_the_documents(source: Source, plan: Plan) -> None:
    assert plan.scope.name is not None and plan.scope.name in plan.title
    assert f"{plan.scope.whole}城乡" in source.text and f"各{plan.scope.area}" in source.text
    assert plan.revisions[0].document == plan.document.number and plan.revisions[0].version == 1
