"""The command line: click only. Each command gathers its options, calls one core entry point,
picks a renderer, writes, and returns an exit code: 0 clean, 1 findings, 2 sciplan could not run.

Longer than 600 lines for its options: every command's options and help text are the CLI reference,
and the work itself is the core's (`sciplan.api`) and the renderers' (`sciplan.render`)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__
from .render import FINDINGS, GAP, REPORT, STATUS, UNIT, UNITS, Renderers

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# --max-bytes beyond this is not a progress file's size but a typo (the default is 1 MiB).
MAX_FILE_BYTES = 256 << 20


class CommandError(Exception):
    """sciplan cannot run; the message is the whole explanation (exit 2)."""


# The language of this run, set by any command's --lang: CommandError's messages are made deep in
# helpers, and main() prints its error lines after the command's context is gone. main() resets it.
_LANGUAGE: ContextVar[str | None] = ContextVar("sciplan_language", default=None)


def _language(lang: str | None = None) -> str:
    """`lang`, else the --lang given on this command line, else the locale's (LC_ALL, LC_MESSAGES, LANG)."""
    from .i18n import locale_language

    return lang or _LANGUAGE.get() or locale_language(os.environ)


def _say(message_id: str, /, **fields: object) -> str:
    """A message from the catalogue, in the language of this run."""
    from .i18n import text

    return text(message_id, _language(), **fields)


@dataclass
class Settings:
    plan_path: Path | None
    progress_path: Path | None
    jobs: int | None = None  # worker processes; None: one per core
    use_cache: bool = True

    def cache_folder(self) -> Path | None:
        """Where per-file results are kept between runs: SCIPLAN_CACHE_DIR, else the user's cache folder."""
        if not self.use_cache:
            return None
        from_env = os.environ.get("SCIPLAN_CACHE_DIR")
        if from_env:
            return Path(from_env)
        from .cache import default_folder

        return default_folder()

    def plan_file(self) -> Path:
        from .resources import default_plan

        path = self.plan_path or default_plan(Path.cwd())
        if path is None:
            raise CommandError(_say("cli.no_plan"))
        if path.is_dir():
            raise CommandError(_say("cli.plan_is_folder", path=path))
        if not path.exists():
            raise CommandError(_say("cli.plan_not_found", path=path))
        return path

    def load_plan(self):
        from .api import load_plan

        return load_plan(self.plan_file())

    def progress_dir(self) -> Path | None:
        """--progress, else ./data/progress, else (for the plan shipped with sciplan only) the shipped
        sample; None when a user's plan has no progress folder: it then has zero progress files."""
        from .resources import default_progress

        path = self.progress_path or default_progress(Path.cwd(), self.plan_file())
        if path is not None and not path.exists():
            raise CommandError(_say("cli.progress_not_found", path=path))
        if path is not None and not path.is_dir():
            raise CommandError(_say("cli.progress_is_file", path=path))
        return path

    def options(self) -> dict:
        """What the core's entry points take from the command line: worker processes, cache folder."""
        return {"jobs": self.jobs, "cache": self.cache_folder()}

    def announce(self, progress: Path | None, *, sample: bool = True) -> None:
        """Say on standard error what a reader might not expect: no progress folder (zero files, and
        what to do), or (with `sample`: the output itself does not open with it) the shipped sample."""
        from .resources import display_path, is_sample, local_progress

        cwd = Path.cwd()
        if progress is None:
            click.echo(_say("cli.progress_none", path=display_path(local_progress(cwd), cwd)), err=True)
        elif sample and is_sample(progress):
            click.echo(_say("sample.line") + " " + _say("sample.hint"), err=True)


def _color(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _width() -> int:
    return shutil.get_terminal_size(fallback=(80, 24)).columns if sys.stdout.isatty() else 80


def _emit(text: str, output: Path | None, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    if output is None:
        _echo_stdout(text)
        return
    _write(output, text, force, inputs)


def _echo_stdout(text: str) -> None:
    """Standard output that ends quietly when the reader stops (`| head`): the rest is dropped and the
    command still returns its own exit status."""
    try:
        # click strips colour codes from anything but a terminal; FORCE_COLOR asks to keep them.
        click.echo(text, nl=False, color=True if _color() else None)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:  # e.g. a full disk behind `> file`
        _silence_stdout()
        raise CommandError(_say("cli.cannot_write_stdout", reason=exc.strerror or exc)) from None


def _silence_stdout() -> None:
    """Send what is left in standard output's buffer, and later writes, nowhere: the interpreter's own
    flush at exit would otherwise fail again and print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests capture stdout)
        pass


def _write(output: Path, data: bytes | str, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Write one output file atomically; every reason it cannot be written is one line and exit 2."""
    from .resources import shown_path
    from .writing import NotRegularOutput, OutputExists, OutputIsInput, write_atomic

    try:
        write_atomic(output, data, force=force, inputs=inputs)
    except OutputExists as exc:
        raise CommandError(_say("cli.output_exists", path=shown_path(exc.path))) from None
    except NotRegularOutput as exc:
        raise CommandError(_say("cli.output_not_regular", path=shown_path(exc.path),
                                kind=_say(f"cli.file_kind.{exc.kind}"))) from None
    except OutputIsInput as exc:
        raise CommandError(_say("cli.output_is_input", path=shown_path(exc.path))) from None
    except OSError as exc:
        raise CommandError(_say("cli.cannot_write", path=shown_path(output),
                                reason=exc.strerror or exc)) from None
    click.echo(_say("cli.wrote", path=shown_path(output)), err=True)


plan_option = click.option("--plan", "plan_path", type=click.Path(path_type=Path), envvar="SCIPLAN_PLAN",
                           help="Plan file (default ./data/plan.yaml, else the plan shipped with sciplan). "
                                "Env: SCIPLAN_PLAN.")
progress_option = click.option("--progress", "progress_path", type=click.Path(path_type=Path),
                               envvar="SCIPLAN_PROGRESS",
                               help="Folder of progress files (default ./data/progress; with the plan "
                                    "shipped with sciplan and no such folder, its invented sample, announced "
                                    "as such). Env: SCIPLAN_PROGRESS.")
output_option = click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                             help="Write to this file instead of standard output (atomically).")
force_option = click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")


def format_option(renderers: Renderers, help: str | None = None):
    """--format, its choices the names of a document's renderers, the first the default."""
    return click.option("--format", "fmt", type=click.Choice(list(renderers.names)),
                        default=renderers.default, show_default=True, help=help)


findings_format = format_option(FINDINGS, "text for people, json for scripts, github for Actions "
                                          "annotations.")


def _remember_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if value is not None:
        _LANGUAGE.set(value)  # `plan --lang zh check` and `plan check --lang zh` both count
    return _language(value)


lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), callback=_remember_language,
                           help="Language of the output (default: Chinese when LC_ALL, LC_MESSAGES or LANG "
                                "starts with zh, else English).")
# More processes than CPUs only costs memory; beyond this the number is a typo, not a wish.
MAX_JOBS = 1024
jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=1, max=MAX_JOBS), metavar="N",
                           help="Check files in N processes (default: one per core, at most the CPUs "
                                "available; 1: this process only).")
cache_option = click.option("--cache/--no-cache", "use_cache", default=True, show_default=True,
                            help="Reuse the results of unchanged files from earlier runs (kept under "
                                 "SCIPLAN_CACHE_DIR, else the user's cache folder).")


def _settings(plan_path: Path | None, progress_path: Path | None = None, jobs: int | None = None,
              use_cache: bool = True) -> Settings:
    if jobs is not None and jobs > 1:
        from .validation import default_jobs

        cpus = default_jobs()
        if jobs > cpus:
            click.echo(_say("cli.jobs_capped", asked=jobs, cpus=cpus), err=True)
            jobs = cpus
    return Settings(plan_path, progress_path, jobs, use_cache)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="sciplan", message="%(prog)s %(version)s")
@lang_option
def cli(lang: str) -> None:
    """Track the targets of an implementation scheme (data/plan.yaml, or the plan given with --plan).

    Units submit yearly progress files; `validate` checks them against the plan, `status` and `gap`
    show where every target stands.
    """


# --- plan -----------------------------------------------------------------------------------------

@cli.group("plan", invoke_without_command=True)
@plan_option
@lang_option
@click.pass_context
def plan_group(ctx: click.Context, plan_path: Path | None, lang: str) -> int | None:
    """Show the plan: groups, tasks, indicators with targets, units."""
    ctx.obj = _settings(plan_path)
    if ctx.invoked_subcommand is not None:
        return None
    from .render.text import render_plan

    plan = ctx.obj.load_plan()
    _echo_stdout(render_plan(plan, color=_color(), width=_width(), lang=lang))
    return EXIT_OK


@plan_group.command("check")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@findings_format
@lang_option
@click.pass_obj
def plan_check(settings: Settings, path: Path | None, fmt: str, lang: str) -> int:
    """Check a plan file (default: the plan in use): exit 0 when sound, 1 with located errors."""
    from .findings import Report
    from .resources import display_path
    from .validation import check_plan_file

    path = path or settings.plan_file()
    if not path.exists():
        raise CommandError(_say("cli.plan_not_found", path=path))
    plan, findings = check_plan_file(path, display_path(path, Path.cwd()))
    report = Report(files=1, findings=findings)
    if plan is not None and not findings and fmt == "text":
        _echo_stdout(_say("cli.plan_sound", path=display_path(path, Path.cwd()), plan=plan.id,
                        version=plan.version, groups=len(plan.groups),
                        tasks=sum(len(g.tasks) for g in plan.groups), indicators=len(plan.indicators),
                        units=len(plan.units), townships=len(plan.areas),
                        area=plan.area_word(lang) or _say("screen.area"),
                        milestones=len(plan.milestones)) + "\n")
    else:
        _echo_stdout(_render(_checked(report), fmt, lang, _color()))
    return EXIT_OK if report.valid else EXIT_FINDINGS


@plan_group.command("show")
@click.argument("key")
@lang_option
@click.pass_obj
def plan_show(settings: Settings, key: str, lang: str) -> int:
    """Show a task, indicator or unit by id, Chinese name or alias."""
    from .render import text

    plan = settings.load_plan()
    found: list[Callable[[], str]] = []
    kw = {"color": _color(), "width": _width(), "lang": lang}
    task = plan.task(key)
    if task:
        found.append(lambda: text.render_task(plan, task, **kw))
    indicator = plan.indicator(key) or next((i for i in plan.indicators if i.name == key), None)
    if indicator:
        found.append(lambda: text.render_indicator(plan, indicator, **kw))
    unit = plan.unit(key)
    if unit:
        found.append(lambda: text.render_unit(plan, unit, **kw))
    group = plan.group(key)
    if group and not found:
        found.append(lambda: "\n".join(text.render_task(plan, t, **kw) for t in group.tasks))
    if not found:
        from .domain import closest

        keys = ([t.id for g in plan.groups for t in g.tasks] + [i.id for i in plan.indicators]
                + [i.name for i in plan.indicators] + plan.unit_keys() + [g.id for g in plan.groups])
        close = closest(key, keys, n=3, cutoff=0.5)
        if close:
            close_keys = _say("list.separator").join(close)
            raise CommandError(_say("cli.not_in_plan_close", key=key, close=close_keys))
        raise CommandError(_say("cli.not_in_plan", key=key))
    _echo_stdout("\n".join(render() for render in found))
    return EXIT_OK


# --- validate -------------------------------------------------------------------------------------

def _render(document, fmt: str, lang: str, color: bool, **options) -> str:
    """`document` in the format named `fmt`, for this run's language and terminal."""
    from .api import render

    return render(document, fmt, lang=lang, color=color, width=_width(), **options)


def _checked(report):
    from .api import Checked

    return Checked(report)


@cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@plan_option
@progress_option
@findings_format
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@click.option("--max-bytes", type=click.IntRange(min=1, max=MAX_FILE_BYTES), default=1 << 20,
              show_default=True, help="Largest file accepted.")
@lang_option
@jobs_option
@cache_option
@output_option
@force_option
def validate_command(paths: tuple[Path, ...], plan_path, progress_path, fmt: str, strict: bool,
                     max_bytes: int, lang: str, jobs: int | None, use_cache: bool, output: Path | None,
                     force: bool) -> int:
    """Check progress files (default: the progress folder) against the plan.

    Exit 0 when there are no errors (warnings allowed unless --strict), 1 when there are, 2 when
    sciplan cannot run (for example an unusable plan).
    """
    from .api import validate

    settings = _settings(plan_path, progress_path, jobs, use_cache)
    plan = settings.load_plan()
    if not paths:
        folder = settings.progress_dir()
        if folder is None:
            raise CommandError(_say("cli.no_progress_to_validate"))
        paths = (folder,)
    result = validate(plan, paths, max_bytes=max_bytes, **settings.options())
    if result.source.sample and fmt != "text":
        click.echo(_say("sample.line") + " " + _say("sample.hint"), err=True)
    _emit(_render(result, fmt, lang, _color()), output, force, inputs=(*paths, settings.plan_file()))
    failed = result.report.errors or (strict and result.report.warnings)
    return EXIT_FINDINGS if failed else EXIT_OK


# --- schema ---------------------------------------------------------------------------------------

@cli.command("schema")
@lang_option
@output_option
@force_option
def schema_command(lang: str, output: Path | None, force: bool) -> int:
    """Print the JSON Schema of the progress file format (for editors' YAML support).

    --lang only changes sciplan's own messages: the schema's descriptions come from the models and
    are the same in every language."""
    import json

    from .progress import json_schema

    _emit(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", output, force)
    return EXIT_OK


@cli.command("diagnostics")
@lang_option
@output_option
@force_option
def diagnostics_command(lang: str, output: Path | None, force: bool) -> int:
    """Print the reference of every finding code as Markdown (docs/diagnostics.md is this output).

    --lang only changes sciplan's own messages: the reference is kept in one language, as committed."""
    from .render.catalogue import render_catalogue

    _emit(render_catalogue(), output, force)
    return EXIT_OK


# --- status and gap -------------------------------------------------------------------------------

def _progress(settings: Settings, *, announce_sample: bool = True) -> Path | None:
    """The progress folder to read (None: none, zero files), announced on standard error."""
    folder = settings.progress_dir()
    settings.announce(folder, sample=announce_sample)
    return folder


def _statuses(value: str | None) -> list[str] | None:
    return value.split(",") if value else None




@cli.command("gap")
@click.option("--year", type=int, required=True, help="Report year: data for the plan start to this year.")
@click.option("--by", type=click.Choice(["indicator", "group", "unit"]), default="indicator",
              show_default=True, help="Group rows under the tasks' groups or their lead units.")
@click.option("--status", "status_filter", metavar="LIST",
              help="Only these statuses, comma-separated, e.g. limited_progress,deterioration.")
@format_option(GAP)
@lang_option
@plan_option
@progress_option
@jobs_option
@cache_option
@output_option
@force_option
def gap_command(year: int, by: str, status_filter: str | None, fmt: str, lang: str, plan_path, progress_path,
                jobs: int | None, use_cache: bool, output: Path | None, force: bool) -> int:
    """Every target: expected by the end of YEAR, actual, gap, ratio, status, forecast; worst first."""
    from .api import gap_table, target_statuses

    settings = _settings(plan_path, progress_path, jobs, use_cache)
    plan = settings.load_plan()
    plan.period.check_year(year)
    target_statuses(_statuses(status_filter))  # a typo stops the command before any file is read
    folder = _progress(settings, announce_sample=fmt not in ("text", "markdown"))
    table = gap_table(plan, folder, year, statuses=_statuses(status_filter), **settings.options())
    text = _render(table, fmt, lang, _color() and output is None, by=by)
    _warn_errors(table.source.errors)
    _emit(text, output, force)
    return EXIT_OK


def _warn_errors(errors: int) -> None:
    if errors:
        from .i18n import plural

        click.echo(plural("cli.errors_warning", errors, _language()), err=True)


@cli.command("status")
@click.option("--year", type=int, help="Report year (default: the latest year with data).")
@format_option(STATUS)
@lang_option
@plan_option
@progress_option
@jobs_option
@cache_option
@output_option
@force_option
def status_command(year: int | None, fmt: str, lang: str, plan_path, progress_path, jobs: int | None,
                   use_cache: bool, output: Path | None, force: bool) -> int:
    """The one-screen picture: the overall goal, every target, task status, milestones, missing reports."""
    from .api import status

    settings = _settings(plan_path, progress_path, jobs, use_cache)
    plan = settings.load_plan()
    folder = _progress(settings, announce_sample=fmt not in ("text", "markdown"))
    overview = status(plan, folder, year, **settings.options())
    _emit(_render(overview, fmt, lang, _color() and output is None), output, force)
    return EXIT_OK


# --- work for the units: duties, templates, workbooks, export ---------------------------------------

def _find_unit(plan, name: str):
    unit = plan.unit(name)
    if unit is None:
        from .domain import closest

        close = closest(name, plan.unit_keys(), n=3, cutoff=0.5)
        if close:
            raise CommandError(_say("cli.no_unit_close", name=name, close=_say("list.separator").join(close)))
        raise CommandError(_say("cli.no_unit", name=name))
    return unit


@cli.command("units")
@click.option("--year", type=int, help="Also show whether each unit's report for this year arrived.")
@format_option(UNITS)
@lang_option
@plan_option
@progress_option
@output_option
@force_option
def units_command(year: int | None, fmt: str, lang: str, plan_path, progress_path, output: Path | None,
                  force: bool) -> int:
    """Every unit: the groups it leads and joins, the indicators it reports, and (with --year) whether
    its report arrived."""
    from .api import units

    settings = _settings(plan_path, progress_path)
    plan = settings.load_plan()
    folder = None
    if year is not None:  # without --year no progress file is read
        plan.period.check_year(year)
        folder = _progress(settings, announce_sample=fmt != "text")
    roster = units(plan, folder, year)
    _warn_errors(roster.source.errors)
    _emit(_render(roster, fmt, lang, _color() and output is None), output, force)
    return EXIT_OK


@cli.command("unit")
@click.argument("name")
@click.option("--year", type=int, help="Count reports up to this year (default: the latest year with data).")
@format_option(UNIT)
@lang_option
@plan_option
@progress_option
@output_option
@force_option
def unit_command(name: str, year: int | None, fmt: str, lang: str, plan_path, progress_path,
                 output: Path | None, force: bool) -> int:
    """One unit's obligations in full (NAME: id, full name or alias): its groups and tasks, the
    indicators it reports with targets and its own figures, tasks not reported on, missing years."""
    from .api import unit

    settings = _settings(plan_path, progress_path)
    plan = settings.load_plan()
    who = _find_unit(plan, name)
    detail = unit(plan, who, _progress(settings, announce_sample=fmt != "text"), year)
    _warn_errors(detail.source.errors)
    _emit(_render(detail, fmt, lang, _color() and output is None), output, force)
    return EXIT_OK


@cli.command("template")
@click.option("--unit", "unit_name", required=True, help="The reporting unit: id, full name or alias.")
@click.option("--year", type=int, required=True, help="The year the report is for.")
@click.option("--area", help="A township, when the figures are for it alone (default: county-wide).")
@click.option("--format", "fmt", type=click.Choice(["yaml", "xlsx"]), default="yaml", show_default=True)
@click.option("--schema", default="progress.schema.json", show_default=True,
              help="Path or URL of the JSON Schema named in the YAML's `$schema` line (make the file with "
                   "`sciplan schema -o progress.schema.json`).")
@lang_option
@plan_option
@output_option
@force_option
def template_command(unit_name: str, year: int, area: str | None, fmt: str, schema: str, lang: str, plan_path,
                     output: Path | None, force: bool) -> int:
    """A ready-to-fill progress file for one unit and year.

    YAML goes to standard output unless -o is given; xlsx is written to -o, by default
    ./<unit-id>-<year>[-<township>].xlsx. Empty values and statuses fail validation until filled in.
    The template itself is bilingual; --lang changes sciplan's messages.
    """
    from .templates import TemplateError, build_template, render_yaml

    plan = _settings(plan_path).load_plan()
    unit = _find_unit(plan, unit_name)
    township = None
    if area is not None:
        township = plan.township(area)
        if township is None:
            word = plan.area_word(lang) or _say("screen.area")
            raise CommandError(_say("cli.no_township", area=area, word=word,
                                    townships="、".join(t.name for t in plan.areas)))
    try:
        template = build_template(plan, unit, year, township)
    except TemplateError as exc:
        raise CommandError(str(exc)) from None
    if fmt == "yaml":
        _emit(render_yaml(template, schema), output, force)
        return EXIT_OK
    from .workbook import template_workbook

    _write(output or Path(f"{template.default_name}.xlsx"), template_workbook(template), force)
    return EXIT_OK


@cli.command("import")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
              help="The progress file to write (default: the workbook's name with .yaml; - for standard "
                   "output).")
@click.option("--force", is_flag=True, help="Overwrite the output file, and write it even when the workbook "
                                            "has errors.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="How findings are shown (as for `validate`).")
@lang_option
@plan_option
def import_command(workbook: Path, output: Path | None, force: bool, fmt: str, lang: str, plan_path) -> int:
    """Turn a filled template workbook (.xlsx) into a checked progress YAML file.

    Every problem is reported at its sheet and cell (Values!F7). Nothing is written while there are
    errors (unless --force). Exit 0 written, 1 findings, 2 sciplan could not run.
    """
    from .findings import Report
    from .resources import display_path, shown_path
    from .workbook import MAX_BYTES, import_workbook

    plan = _settings(plan_path).load_plan()
    if not workbook.exists():
        raise CommandError(_say("cli.no_such_file", path=workbook))
    if workbook.is_dir():
        raise CommandError(_say("cli.workbook_is_folder", path=workbook))
    from .loading import NotRegularFile, read_regular

    try:
        data = read_regular(workbook, MAX_BYTES)  # past MAX_BYTES, the import words the size finding
    except NotRegularFile:
        raise CommandError(_say("cli.not_regular_input", path=shown_path(workbook))) from None
    except OSError as exc:
        raise CommandError(_say("cli.cannot_read", path=shown_path(workbook),
                                reason=exc.strerror or exc)) from None
    shown = display_path(workbook, Path.cwd()) if workbook.is_absolute() else str(workbook)
    result = import_workbook(plan, data, shown)
    to_stdout = output is not None and str(output) == "-"
    target = None if to_stdout else (output or workbook.with_suffix(".yaml"))
    write = result.yaml_text is not None and (result.valid or force)
    report = Report(files=1, findings=result.report.findings)
    if fmt == "json":
        from .render.json import dumps

        text = dumps({**report.localized(lang).as_dict(), "workbook": shown,
                      "output": "-" if to_stdout else str(target),
                      "written": write, "imported": result.counts})
    elif fmt == "text" and not report.findings:
        counts = result.counts
        left_out = _say("cli.left_out", count=counts["left_out"]) if counts["left_out"] else ""
        text = _say("cli.imported", path=shown, values=counts["values"], left_out=left_out,
                    tasks=counts["tasks"], milestones=counts["milestones"]) + "\n"
    else:
        text = _render(_checked(report), fmt, lang, _color())
    if to_stdout:
        click.echo(text, nl=False, err=True)
        if write:
            _echo_stdout(result.yaml_text)
    else:
        _echo_stdout(text)
        if write:
            _emit(result.yaml_text, target, force, inputs=(workbook,))  # type: ignore[arg-type]
        elif result.yaml_text is not None:
            click.echo(_say("cli.nothing_written", path=target), err=True)
    return EXIT_OK if result.valid else EXIT_FINDINGS


@cli.command("export")
@click.option("--year", type=int, required=True, help="Values from the plan start up to this year.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True,
              help="csv: the values table (or the gap table with --gap); xlsx: sheets Values and Gap.")
@click.option("--gap", "gap_only", is_flag=True, help="csv: write the gap table instead of the values.")
@lang_option
@plan_option
@progress_option
@output_option
@force_option
def export_command(year: int, fmt: str, gap_only: bool, lang: str, plan_path, progress_path,
                   output: Path | None, force: bool) -> int:
    """All reported values up to YEAR (one row per unit, township, indicator and year, with Chinese
    names) and the gap table, for spreadsheets. CSV goes to standard output unless -o is given; xlsx
    is written to -o, by default ./sciplan-<year>.xlsx. The tables are the same in every language
    (machine formats); --lang changes sciplan's messages."""
    from dataclasses import replace

    from .api import read_progress
    from .export import export_sheets, value_rows, values_csv
    from .overview import gap_table
    from .render.documents import csv_note

    settings = _settings(plan_path, progress_path)
    plan = settings.load_plan()
    plan.period.check_year(year)
    progress = read_progress(plan, _progress(settings), **settings.options())
    _warn_errors(progress.source.errors)
    rows = value_rows(plan, progress.validation.values, year)
    table = replace(gap_table(plan, progress.validation.values, year), source=progress.source)
    note = csv_note(progress)
    if fmt == "csv":
        if gap_only:
            _emit(_render(table, "csv", lang, False), output, force)
        else:
            _emit(values_csv(rows, sample_note=note), output, force)
        return EXIT_OK
    from .workbook import table_workbook

    workbook = table_workbook(export_sheets(rows, table), note=note)
    _write(output or Path(f"sciplan-{year}.xlsx"), workbook, force)
    return EXIT_OK


# --- report ---------------------------------------------------------------------------------------

def _today():
    """Today, or the date in SOURCE_DATE_EPOCH (the reproducible-builds convention) when it is set."""
    import datetime as dt

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise CommandError(_say("cli.bad_epoch", value=repr(epoch))) from None


@cli.command("report")
@click.option("--year", type=int, required=True, help="Report year: data for the plan start to this year.")
@format_option(REPORT, "html: one self-contained page with charts; markdown: the same as tables and text.")
@lang_option
@plan_option
@progress_option
@output_option
@force_option
def report_command(year: int, fmt: str, lang: str, plan_path, progress_path, output: Path | None,
                   force: bool) -> int:
    """The yearly report for county leaders: the overall goal, every target with a chart, task status,
    reports received and the method. HTML opens offline (nothing is fetched) and prints on A4.
    Dated today, or SOURCE_DATE_EPOCH when set."""
    from .api import report
    from .i18n import text

    lang = _language(lang)
    if fmt == "html":
        try:
            import sciplan.render.html  # noqa: F401  (Jinja2 and matplotlib: the optional extra)
        except ImportError as exc:
            if (exc.name or "").partition(".")[0] == "sciplan":
                raise
            raise CommandError(text("error.report_extra", lang)) from None
    settings = _settings(plan_path, progress_path)
    plan = settings.load_plan()
    plan.period.check_year(year)
    data = report(plan, _progress(settings, announce_sample=True), year, _today(), **settings.options())
    _warn_errors(data.errors)
    _emit(_render(data, fmt, lang, False), output, force)
    return EXIT_OK


# --- entry points ---------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Run sciplan; returns the exit status. Callable from tests."""
    for stream in (sys.stdout, sys.stderr):
        # A GBK console cannot show every character: replace rather than crash. On UTF-8 only a file
        # name's undecodable byte (a lone surrogate) cannot be written: escape it, so output stays UTF-8.
        if hasattr(stream, "reconfigure"):
            utf8 = (stream.encoding or "").lower().replace("-", "") == "utf8"
            try:
                stream.reconfigure(errors="backslashreplace" if utf8 else "replace")
            except (ValueError, OSError):
                pass
    token = _LANGUAGE.set(None)  # each run starts from the locale, also when tests call main() again
    try:
        return _run(argv)
    finally:
        _LANGUAGE.reset(token)


def _run(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="sciplan", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo(_say("cli.aborted"), err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except CommandError as exc:
        click.echo(_say("cli.error", message=exc), err=True)
        return EXIT_USAGE
    except _core_errors() as exc:
        click.echo(_say("cli.error", message=_core_message(exc)), err=True)
        return EXIT_USAGE
    except _usage_error() as exc:
        click.echo(_say("cli.error", message=exc.text(_language())), err=True)
        if exc.findings:
            from .findings import Report
            from .render.text import render_findings

            report = Report(files=1, findings=exc.findings).localized(_language())
            click.echo(render_findings(report, color=_color(sys.stderr), lang=_language()), err=True,
                       nl=False)
        return EXIT_USAGE
    return result if isinstance(result, int) else EXIT_OK


def _usage_error() -> type[Exception]:
    # An except clause is evaluated only when an exception reaches it: `sciplan --version` and
    # `--help` thus never import the core (pydantic and the models), which would triple start-up.
    from .validation import UsageError

    return UsageError


def _core_errors() -> tuple[type[Exception], ...]:
    """The core's exceptions that mean "cannot answer what was asked" (imported only when raised)."""
    from .api import UnknownStatus, YearOutsidePeriod

    return YearOutsidePeriod, UnknownStatus


def _core_message(exc: Exception) -> str:
    from .api import UnknownStatus
    from .domain import TARGET_STATUS

    if isinstance(exc, UnknownStatus):
        return _say("cli.unknown_status", statuses=", ".join(exc.words), choices=", ".join(TARGET_STATUS.ids))
    return _say("cli.year_outside", year=exc.year, start=exc.start, end=exc.end)  # type: ignore[attr-defined]


def run() -> None:
    sys.exit(main())
