"""The finding value: its order in a report."""

from __future__ import annotations

from sciplan.findings import Finding, Report


def test_findings_sort_by_file_then_position():
    report = Report(files=2, findings=[
        Finding("S104", "b", file="b.yaml", line=3, column=1),
        Finding("S101", "a2", file="a.yaml", line=9, column=5),
        Finding("S102", "a1", file="a.yaml", line=2, column=7),
    ])
    assert [f.message for f in report.sorted()] == ["a1", "a2", "b"]


def test_workbook_findings_keep_each_sheet_together():
    # Rows of different sheets share numbers; a clerk fixes one sheet at a time.
    report = Report(files=1, findings=[
        Finding("S111", "values 8", file="x.xlsx", line=8, column=6, path="Values!F8"),
        Finding("S110", "tasks 4", file="x.xlsx", line=4, column=6, path="Tasks!F4"),
        Finding("I602", "values 7", file="x.xlsx", line=7, column=6, path="Values!F7"),
        Finding("S109", "tasks 9", file="x.xlsx", line=9, column=5, path="Tasks!E9"),
    ])
    assert [f.message for f in report.sorted()] == ["tasks 4", "tasks 9", "values 7", "values 8"]
