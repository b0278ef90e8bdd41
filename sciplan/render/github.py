"""GitHub Actions workflow commands: one `::error` / `::warning` annotation per finding.

Syntax: `::error file=F,line=L,col=C,title=T::message`. Property values escape %, CR, LF, ':' and
','; the message escapes %, CR and LF (as GitHub's toolkit does).
"""

from __future__ import annotations

from ..findings import Report


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_findings(report: Report) -> str:
    lines = []
    for f in report.sorted():
        props = []
        if f.file:
            props.append(f"file={_escape_property(f.file)}")
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        props.append(f"title={_escape_property(f.code)}")
        # The hint goes on a line of its own: GitHub shows an annotation's message with its line breaks.
        message = f.message + (f"\nhint: {f.hint}" if f.hint else "")
        lines.append(f"::{f.severity} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
