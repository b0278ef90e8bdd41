"""Output files: written whole or not at all, never over an existing file without force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sciplan.writing import OutputExists, write_atomic


def test_writes_utf8_text(tmp_path: Path):
    target = tmp_path / "out" / "报告.md"
    write_atomic(target, "新晃 report\n")
    assert target.read_bytes() == "新晃 report\n".encode()


def test_refuses_to_overwrite_without_force(tmp_path: Path):
    target = tmp_path / "x.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputExists):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    write_atomic(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"


def test_new_file_gets_the_usual_mode_not_a_private_one(tmp_path: Path):
    umask = os.umask(0o022)
    try:
        target = tmp_path / "shared.html"
        write_atomic(target, b"<html></html>")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644


def test_failure_leaves_no_partial_or_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "x.txt"

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "data")
    assert list(tmp_path.iterdir()) == []
