"""Which plan and which progress folder an output was made from: a small value the CLI resolves and
hands down to the renderers, so every document can name its inputs and say when they are the invented
sample shipped with sciplan. Nothing here reads a path, the environment or the working directory."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataSource:
    plan_path: str  # as shown to the reader: relative to the working directory when inside it
    progress_dir: str | None  # None: no progress folder was read (zero progress files)
    sample: bool  # the figures are the illustrative sample shipped with sciplan, not real reports
    # How the progress files checked: files read, and findings in them (entries with errors are left out).
    files: int = 0
    errors: int = 0
    warnings: int = 0

    def as_dict(self) -> dict:
        """The keys every JSON document carries: sample, plan_path, progress_dir (the counts are the
        documents' own: a status overview's `validation`)."""
        return {"sample": self.sample, "plan_path": self.plan_path, "progress_dir": self.progress_dir}


def with_source(document: dict, source: DataSource | None) -> dict:
    """A document's JSON keys followed by its source's (none without a source)."""
    return {**document, **source.as_dict()} if source is not None else document
