"""The command line: click only. Each command gathers its options, calls one core entry point,
picks a renderer, writes, and returns an exit code: 0 clean, 1 findings, 2 sciplan could not run.

Longer than 600 lines for its options: every command's options and help text are the CLI reference,
and the work itself is the core's (`sciplan.api`) and the renderers' (`sciplan.render`)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__
from .render import FINDINGS, GAP, MISSING, PLAN_DIFF, REPORT, STATUS, UNIT, UNITS, Renderers

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


# --- help, usage and click's messages in the run's language -----------------------------------------
# Commands, options and arguments carry message ids, not words: `@cli.command("name", help="cmd.name")`,
# `click.option("--x", help="opt.name.x", metavar="var.x")`, `click.argument("key", metavar="var.key")`.
# The words, in both languages, are in sciplan/helptext.py (its docstring tells how to add some);
# SciplanCommand and SciplanGroup word them each time help or usage is shown, in the language of the
# run (--lang, else the locale). Click's own messages ("Usage:", "No such option …") go through
# `_click_gettext`, installed below in click's modules in place of gettext.

def _word(key: str) -> str:
    from .helptext import MESSAGES  # registers the help messages

    return MESSAGES[key][_language()] if key in MESSAGES else key


@contextmanager
def _worded(command: click.Command, ctx: click.Context | None = None):
    """`command`'s help, its parameters' help and metavars worded for this run, for the time of a
    `with` (click reads them from the objects; they are put back after)."""
    from .helptext import TYPE_METAVARS

    saved: list[tuple[object, str, object]] = []

    def swap(obj: object, attr: str, value: object) -> None:
        saved.append((obj, attr, getattr(obj, attr)))
        setattr(obj, attr, value)

    if command.help:
        swap(command, "help", _word(command.help))
    swap(command, "options_metavar", _word("var.options"))
    if isinstance(command, click.Group):
        swap(command, "subcommand_metavar", _word("var.command"))
    params = command.get_params(ctx) if ctx is not None else command.params
    for param in params:
        if getattr(param, "help", None):
            swap(param, "help", _word(param.help))  # type: ignore[attr-defined]
        name = param.metavar or TYPE_METAVARS.get(param.type.name.upper())
        if name and not getattr(param, "is_flag", False) and not isinstance(param.type, click.Choice):
            worded = _word(name)
            if isinstance(param, click.Argument):
                worded = worded if param.required else f"[{worded}]"
                worded += "..." if param.nargs != 1 else ""
            swap(param, "metavar", worded)
    try:
        yield
    finally:
        for obj, attr, value in reversed(saved):
            setattr(obj, attr, value)


class SciplanCommand(click.Command):
    """A command whose help and usage are worded at run time (see `_worded`)."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _worded(self, ctx):
            super().format_help(ctx, formatter)

    def get_usage(self, ctx: click.Context) -> str:
        with _worded(self, ctx):
            return super().get_usage(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _worded(self):
            return super().get_short_help_str(limit)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None and option.help != _word("opt.help"):  # not while worded
            option.help = "opt.help"
        return option


class SciplanGroup(SciplanCommand, click.Group):
    """A group of SciplanCommands (and SciplanGroups)."""

    command_class = SciplanCommand
    group_class = type  # subgroups are SciplanGroups too


def _click_gettext(message: str) -> str:
    if _language() == "en":
        return message
    from .helptext import click_words

    return click_words(message, _language())


def _click_ngettext(singular: str, plural: str, count: int) -> str:
    return _click_gettext(singular if count == 1 else plural)


def _display_width(text: str) -> int:
    """Columns `text` takes on a terminal: two for a Chinese character (click counts one)."""
    import unicodedata

    from click._compat import strip_ansi

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in strip_ansi(text))


# A bracketed note ("[必填]"), a Latin run (a word, an option, a file name) or one Chinese
# character, each with the punctuation after it (a line never starts with "，"), or spaces.
_HELP_TOKENS = (r"\[[^\]\s]*\]|[^\s\u2e80-\uffff]+[，。；：、）」》”]*"
                r"|[\u2e80-\uffff][，。；：、）」》”]*|\s+")


def _wrap_help(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
               preserve_paragraphs: bool = False) -> str:
    """click's wrap_text, for Chinese too: lines measured in columns, broken between Chinese
    characters or at spaces, never inside a Latin word, an option or a file name."""
    import re

    if _language() == "en":
        return _click_wrap(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    paragraphs = re.split(r"\n\s*\n", text) if preserve_paragraphs else [text]
    out = []
    for paragraph in paragraphs:
        lines, line = [], initial_indent
        for token in re.findall(_HELP_TOKENS, paragraph.strip()):
            if token.isspace():
                token = " "
            if _display_width(line) + _display_width(token) > width and line.strip():
                lines.append(line.rstrip())
                line = subsequent_indent
                if token == " ":
                    continue
            line += token
        lines.append(line.rstrip())
        out.append("\n".join(lines))
        initial_indent = subsequent_indent
    return "\n\n".join(out)


_click_wrap = click.formatting.wrap_text
click.formatting.term_len = _display_width  # type: ignore[attr-defined]
click.formatting.wrap_text = _wrap_help  # type: ignore[attr-defined]
for _module in (click.core, click.exceptions, click.types, click.parser, click.formatting, click.decorators):
    if hasattr(_module, "_"):
        _module._ = _click_gettext  # type: ignore[attr-defined]
    if hasattr(_module, "ngettext"):
        _module.ngettext = _click_ngettext  # type: ignore[attr-defined]


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
        import gc

        from .api import load_plan

        plan = load_plan(self.plan_file(), cache=self.cache_folder())
        # The plan and the modules imported so far live as long as the process: frozen, they are not
        # scanned again by every full collection while thousands of files are checked (about 4% of a
        # run over a county's files). The process is sciplan's own, so this is the CLI's to decide.
        gc.freeze()
        return plan

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

    def announcement(self, progress: Path | None, *, sample: bool = True) -> str | None:
        """What to say on standard error that a reader might not expect: no progress folder (zero
        files, and what to do), or (with `sample`: the output itself does not open with it) the
        shipped sample."""
        from .resources import display_path, is_sample, local_progress

        cwd = Path.cwd()
        if progress is None:
            return _say("cli.progress_none", path=display_path(local_progress(cwd), cwd))
        if sample and is_sample(progress):
            return _say("sample.line") + " " + _say("sample.hint")
        return None


def _color(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _width() -> int:
    """Columns to lay out for: COLUMNS when set (also when the output is piped), else the terminal's,
    else 80; never fewer than 20."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(20, int(columns))
    return max(20, shutil.get_terminal_size(fallback=(80, 24)).columns) if sys.stdout.isatty() else 80


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


class _Path(click.Path):
    """A click.Path whose type name ("File 'x' does not exist") is worded when shown, in the run's
    language: click words it once, when the type is made - at import, before --lang is read."""

    @property  # type: ignore[override]
    def name(self) -> str:
        if self.file_okay and not self.dir_okay:
            return _click_gettext("file")
        return _click_gettext("directory" if self.dir_okay and not self.file_okay else "path")

    @name.setter
    def name(self, value: str) -> None:
        pass  # click's own wording at import is not kept: the getter words it at each use


plan_option = click.option("--plan", "plan_path", type=_Path(path_type=Path), envvar="SCIPLAN_PLAN",
                           metavar="var.file", help="opt.plan")
progress_option = click.option("--progress", "progress_path", type=_Path(path_type=Path),
                               envvar="SCIPLAN_PROGRESS", metavar="var.folder", help="opt.progress")
output_option = click.option("-o", "--output", type=_Path(path_type=Path, dir_okay=False),
                             metavar="var.file", help="opt.output")
force_option = click.option("--force", is_flag=True, help="opt.force")


def format_option(renderers: Renderers, help: str | None = None):
    """--format, its choices the names of a document's renderers, the first the default."""
    return click.option("--format", "fmt", type=click.Choice(list(renderers.names)),
                        default=renderers.default, show_default=True, help=help)


findings_format = format_option(FINDINGS, "opt.format.findings")


def _remember_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if value is not None:
        _LANGUAGE.set(value)  # `plan --lang zh check` and `plan check --lang zh` both count
    return _language(value)


lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), callback=_remember_language,
                           help="opt.lang")
# More processes than CPUs only costs memory; beyond this the number is a typo, not a wish.
MAX_JOBS = 1024
class _Range(click.IntRange):
    """An IntRange whose help says `1–1024` (click writes `1<=x<=1024`)."""

    def _describe_range(self) -> str:
        return f"{self.min}–{self.max}"


jobs_option = click.option("--jobs", "-j", type=_Range(min=1, max=MAX_JOBS), metavar="var.n",
                           help="opt.jobs")
cache_option = click.option("--cache/--no-cache", "use_cache", default=True, show_default=True,
                            help="opt.cache")


def _settings(plan_path: Path | None, progress_path: Path | None = None, jobs: int | None = None,
              use_cache: bool = True) -> Settings:
    if jobs is not None and jobs > 1:
        from .validation import default_jobs

        cpus = default_jobs()
        if jobs > cpus:
            click.echo(_say("cli.jobs_capped", asked=jobs, cpus=cpus), err=True)
            jobs = cpus
    return Settings(plan_path, progress_path, jobs, use_cache)


@click.group(cls=SciplanGroup, help="cmd.sciplan",
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="sciplan", message="%(prog)s %(version)s",
                      help="opt.version")
@lang_option
def cli(lang: str) -> None:
    """The sciplan command (its help: `cmd.sciplan` in sciplan/helptext.py)."""


# --- plan -----------------------------------------------------------------------------------------

@cli.group("plan", invoke_without_command=True, help="cmd.plan")
@plan_option
@lang_option
@click.pass_context
def plan_group(ctx: click.Context, plan_path: Path | None, lang: str) -> int | None:
    ctx.obj = _settings(plan_path)
    if ctx.invoked_subcommand is not None:
        return None
    from .render.plan_text import render_plan

    plan = ctx.obj.load_plan()
    _echo_stdout(render_plan(plan, color=_color(), width=_width(), lang=lang))
    return EXIT_OK


@plan_group.command("check", help="cmd.plan.check")
@click.argument("path", required=False, type=_Path(path_type=Path), metavar="var.file")
@findings_format
@lang_option
@click.pass_obj
def plan_check(settings: Settings, path: Path | None, fmt: str, lang: str) -> int:
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


@plan_group.command("diff", help="cmd.plan.diff")
@click.argument("old", type=_Path(path_type=Path, exists=True, dir_okay=False), metavar="var.old")
@click.argument("new", type=_Path(path_type=Path, exists=True, dir_okay=False), metavar="var.new")
@format_option(PLAN_DIFF, "opt.format.diff")
@lang_option
@output_option
@force_option
def plan_diff(old: Path, new: Path, fmt: str, lang: str, output: Path | None, force: bool) -> int:
    from .api import plan_diff as diff

    changes = diff(old, new)
    _emit(_render(changes, fmt, lang, _color()), output, force, inputs=(old, new))
    return EXIT_OK if changes.same else EXIT_FINDINGS


@plan_group.command("show", help="cmd.plan.show")
@click.argument("key", metavar="var.key")
@lang_option
@click.pass_obj
def plan_show(settings: Settings, key: str, lang: str) -> int:
    from .render import plan_text as text

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


@cli.command("validate", help="cmd.validate")
@click.argument("paths", nargs=-1, type=_Path(path_type=Path), metavar="var.paths")
@plan_option
@progress_option
@findings_format
@click.option("--strict", is_flag=True, help="opt.validate.strict")
@click.option("--max-bytes", type=_Range(min=1, max=MAX_FILE_BYTES), default=1 << 20,
              show_default=True, metavar="var.bytes", help="opt.validate.max_bytes")
@lang_option
@jobs_option
@cache_option
@output_option
@force_option
def validate_command(paths: tuple[Path, ...], plan_path, progress_path, fmt: str, strict: bool,
                     max_bytes: int, lang: str, jobs: int | None, use_cache: bool, output: Path | None,
                     force: bool) -> int:
    settings = _settings(plan_path, progress_path, jobs, use_cache)

    def run(notes: list[str]) -> tuple[str, int]:
        from .api import validate

        plan = settings.load_plan()
        result = validate(plan, paths or _progress_to_validate(settings), max_bytes=max_bytes,
                          **settings.options())
        if result.source.sample and fmt != "text":
            notes.append(_say("sample.line") + " " + _say("sample.hint"))
        failed = result.report.errors or (strict and result.report.warnings)
        return _render(result, fmt, lang, _color()), EXIT_FINDINGS if failed else EXIT_OK

    outcome = _remembered(settings, "validate", {"format": fmt, "lang": lang, "strict": strict},
                          lambda: paths or _progress_to_validate(settings), max_bytes, run)
    read = paths or _progress_to_validate(settings)  # the run found it: an output is never one of them
    return _print(outcome, output, force, inputs=(*read, settings.plan_file()))


def _progress_to_validate(settings: Settings) -> tuple[Path]:
    folder = settings.progress_dir()
    if folder is None:
        raise CommandError(_say("cli.no_progress_to_validate"))
    return (folder,)


def _remembered(settings: Settings, command: str, shaped_by: dict, inputs: Callable[[], Sequence[Path]],
                max_bytes: int | None, run: Callable[[list[str]], tuple[str, int]]):
    """What `run` prints, or - when the same command ran before over the same inputs and finished - what
    it printed then (output_cache). `shaped_by` holds the options that change the output; `inputs`
    gives the progress files and folders read (`max_bytes` their size limit; None: the default).
    `run` adds its standard error lines to the list it gets."""
    from .output_cache import Outcome

    folder = settings.cache_folder()
    key = None
    if folder is not None:
        from .output_cache import recall, run_key

        try:
            plan_file, read = settings.plan_file(), list(inputs())
        except CommandError:
            plan_file = None  # the full run says what is missing, after the plan's own problems
        if plan_file is not None:
            shaped_by = {**shaped_by, "width": _width(), "color": _color(), "cwd": str(Path.cwd()),
                         "paths": [str(p) for p in read]}
            key = run_key(command, shaped_by, plan_file, read, max_bytes, folder)
            kept = recall(folder, key) if key else None
            if kept is not None:
                return kept
    notes: list[str] = []
    text, status = run(notes)
    outcome = Outcome(text, tuple(notes), status)
    if key:
        from .output_cache import keep

        keep(folder, key, outcome)  # type: ignore[arg-type]
    return outcome


def _print(outcome, output: Path | None, force: bool, inputs: tuple[Path, ...] = ()) -> int:
    """Show a run's outcome: its notes on standard error, its text on standard output or in `output`."""
    for note in outcome.notes:
        click.echo(note, err=True)
    _emit(outcome.text, output, force, inputs)
    return outcome.status


# --- init -----------------------------------------------------------------------------------------

@cli.command("init", help="cmd.init")
@click.argument("folder", type=_Path(path_type=Path), metavar="var.folder")
@lang_option
def init_command(folder: Path, lang: str) -> int:
    from .api import init_workspace
    from .resources import display_path

    made = init_workspace(folder)
    shown = "\n".join(f"  {display_path(p, Path.cwd())}{'/' if p.is_dir() else ''}" for p in made)
    _echo_stdout(_say("cli.init_done", folder=display_path(folder, Path.cwd()), made=shown) + "\n")
    return EXIT_OK


# --- schema ---------------------------------------------------------------------------------------

@cli.command("schema", help="cmd.schema")
@click.option("--plan", "of_plan", is_flag=True, help="opt.schema.plan")
@lang_option
@output_option
@force_option
def schema_command(of_plan: bool, lang: str, output: Path | None, force: bool) -> int:
    import json

    if of_plan:
        from .plan import plan_json_schema as json_schema
    else:
        from .progress import json_schema

    _emit(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", output, force)
    return EXIT_OK


@cli.command("diagnostics", help="cmd.diagnostics")
@lang_option
@output_option
@force_option
def diagnostics_command(lang: str, output: Path | None, force: bool) -> int:
    from .render.catalogue import render_catalogue

    _emit(render_catalogue(), output, force)
    return EXIT_OK


# --- status and gap -------------------------------------------------------------------------------

def _progress(settings: Settings, *, announce_sample: bool = True, notes: list[str] | None = None
              ) -> Path | None:
    """The progress folder to read (None: none, zero files), announced on standard error - or, with
    `notes`, added to them."""
    folder = settings.progress_dir()
    said = settings.announcement(folder, sample=announce_sample)
    if said is not None:
        if notes is None:
            click.echo(said, err=True)
        else:
            notes.append(said)
    return folder


def _statuses(value: str | None) -> list[str] | None:
    return value.split(",") if value else None




def _grouping(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--by: an id or any label of GAP_GROUPING (`group`, `按分组`, `by group`)."""
    from .domain import GAP_GROUPING

    found = GAP_GROUPING.meaning(value)
    if found is None:
        choices = _say("list.separator").join(f"{w.id} {w.label(_language())}" for w in GAP_GROUPING.words)
        raise click.BadParameter(_say("cli.bad_grouping", value=value, choices=choices), ctx, param)
    return found


@cli.command("gap", help="cmd.gap")
@click.option("--year", type=int, metavar="var.year", help="opt.year.gap")
@click.option("--by", default="indicator", show_default=True, metavar="var.by", callback=_grouping,
              help="opt.gap.by")
@click.option("--status", "status_filter", metavar="var.list", help="opt.gap.status")
@format_option(GAP, "opt.format.table")
@lang_option
@plan_option
@progress_option
@jobs_option
@cache_option
@output_option
@force_option
def gap_command(year: int | None, by: str, status_filter: str | None, fmt: str, lang: str, plan_path,
                progress_path, jobs: int | None, use_cache: bool, output: Path | None, force: bool) -> int:
    settings = _settings(plan_path, progress_path, jobs, use_cache)

    def run(notes: list[str]) -> tuple[str, int]:
        from .api import gap_table, target_statuses

        plan = settings.load_plan()
        if year is not None:
            plan.period.check_year(year)
        statuses = _statuses(status_filter)
        target_statuses(statuses)  # a typo stops the command before any file is read
        folder = _progress(settings, announce_sample=fmt not in ("text", "markdown"), notes=notes)
        table = gap_table(plan, folder, year, statuses=statuses, **settings.options())
        text = _render(table, fmt, lang, _color() and output is None, by=by)
        notes.extend(_errors_warning(table.source.errors))
        return text, EXIT_OK

    shaped_by = {"format": fmt, "lang": lang, "year": year, "by": by, "status": status_filter,
                 "to_file": output is not None}
    outcome = _remembered(settings, "gap", shaped_by, lambda: _progress_read(settings), None, run)
    return _print(outcome, output, force)


def _progress_read(settings: Settings) -> list[Path]:
    """The progress folder a command reads, as a list: empty when there is none."""
    folder = settings.progress_dir()
    return [] if folder is None else [folder]


def _warn_errors(errors: int) -> None:
    for line in _errors_warning(errors):
        click.echo(line, err=True)


def _errors_warning(errors: int) -> list[str]:
    """The line that says the figures leave out files with errors, when some have them."""
    if not errors:
        return []
    from .i18n import plural

    return [plural("cli.errors_warning", errors, _language())]


@cli.command("status", help="cmd.status")
@click.option("--year", type=int, metavar="var.year", help="opt.status.year")
@format_option(STATUS, "opt.format.table")
@lang_option
@plan_option
@progress_option
@jobs_option
@cache_option
@output_option
@force_option
def status_command(year: int | None, fmt: str, lang: str, plan_path, progress_path, jobs: int | None,
                   use_cache: bool, output: Path | None, force: bool) -> int:
    settings = _settings(plan_path, progress_path, jobs, use_cache)

    def run(notes: list[str]) -> tuple[str, int]:
        from .api import status

        plan = settings.load_plan()
        folder = _progress(settings, announce_sample=fmt not in ("text", "markdown"), notes=notes)
        overview = status(plan, folder, year, **settings.options())
        return _render(overview, fmt, lang, _color() and output is None), EXIT_OK

    shaped_by = {"format": fmt, "lang": lang, "year": year, "to_file": output is not None}
    outcome = _remembered(settings, "status", shaped_by, lambda: _progress_read(settings), None, run)
    return _print(outcome, output, force)


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


@cli.command("units", help="cmd.units")
@click.option("--year", type=int, metavar="var.year", help="opt.units.year")
@format_option(UNITS, "opt.format.table")
@lang_option
@plan_option
@progress_option
@output_option
@force_option
def units_command(year: int | None, fmt: str, lang: str, plan_path, progress_path, output: Path | None,
                  force: bool) -> int:
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


@cli.command("unit", help="cmd.unit")
@click.argument("name", metavar="var.name")
@click.option("--year", type=int, metavar="var.year", help="opt.unit.year")
@format_option(UNIT, "opt.format.table")
@lang_option
@plan_option
@progress_option
@output_option
@force_option
def unit_command(name: str, year: int | None, fmt: str, lang: str, plan_path, progress_path,
                 output: Path | None, force: bool) -> int:
    from .api import unit

    settings = _settings(plan_path, progress_path)
    plan = settings.load_plan()
    who = _find_unit(plan, name)
    detail = unit(plan, who, _progress(settings, announce_sample=fmt != "text"), year)
    _warn_errors(detail.source.errors)
    _emit(_render(detail, fmt, lang, _color() and output is None), output, force)
    return EXIT_OK


@cli.command("missing", help="cmd.missing")
@click.option("--year", type=int, metavar="var.year", help="opt.missing.year")
@format_option(MISSING, "opt.format.table")
@lang_option
@plan_option
@progress_option
@jobs_option
@cache_option
@output_option
@force_option
def missing_command(year: int | None, fmt: str, lang: str, plan_path, progress_path, jobs: int | None,
                    use_cache: bool, output: Path | None, force: bool) -> int:
    from .api import missing

    settings = _settings(plan_path, progress_path, jobs, use_cache)
    plan = settings.load_plan()
    folder = _progress(settings, announce_sample=fmt not in ("text", "markdown"))
    owing = missing(plan, folder, year, **settings.options())
    _warn_errors(owing.source.errors)
    _emit(_render(owing, fmt, lang, _color() and output is None), output, force)
    return EXIT_OK


@cli.command("template", help="cmd.template")
@click.option("--unit", "unit_name", metavar="var.unit", help="opt.template.unit")
@click.option("--all", "every_unit", is_flag=True, help="opt.template.all")
@click.option("--year", type=int, required=True, metavar="var.year", help="opt.template.year")
@click.option("--area", metavar="var.area", help="opt.template.area")
@click.option("--format", "fmt", type=click.Choice(["yaml", "xlsx"]), default=None,
              help="opt.template.format")
@click.option("--schema", default="progress.schema.json", show_default=True, metavar="var.path",
              help="opt.template.schema")
@lang_option
@plan_option
@click.option("-o", "--output", type=_Path(path_type=Path),
              metavar="var.path", help="opt.template.output")
@force_option
def template_command(unit_name: str | None, every_unit: bool, year: int, area: str | None, fmt: str | None,
                     schema: str, lang: str, plan_path, output: Path | None, force: bool) -> int:
    from .templates import TemplateError, build_template, render_yaml

    plan = _settings(plan_path).load_plan()
    if every_unit:
        return _templates_for_all(plan, year, fmt or "xlsx", schema, output, force)
    if unit_name is None:
        raise CommandError(_say("cli.template_unit_or_all"))
    fmt = fmt or "yaml"
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


def _templates_for_all(plan, year: int, fmt: str, schema: str, folder: Path | None, force: bool) -> int:
    """`template --all`: a form for every unit that owes a report, into `folder`, and the list."""
    from .api import templates
    from .resources import shown_path
    from .templates import render_yaml

    if folder is None:
        raise CommandError(_say("cli.template_all_needs_dir"))
    if folder.exists() and not folder.is_dir():
        raise CommandError(_say("cli.progress_is_file", path=folder))
    plan.period.check_year(year)
    forms = templates(plan, year)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CommandError(_say("cli.cannot_write", path=shown_path(folder),
                                reason=exc.strerror or exc)) from None
    lines = [_say("cli.template_written", count=len(forms), year=year, folder=shown_path(folder))]
    for form in forms:
        target = folder / f"{form.file_name}.{fmt}"
        if fmt == "yaml":
            data: bytes | str = render_yaml(form, schema)
        else:
            from .workbook import template_workbook

            data = template_workbook(form)
        _write(target, data, force)
        lines.append(f"  {shown_path(target)}")
    _echo_stdout("\n".join(lines) + "\n")
    return EXIT_OK


@cli.command("import", help="cmd.import")
@click.argument("workbooks", nargs=-1, required=True, type=_Path(path_type=Path),
                metavar="var.workbooks")
@click.option("-o", "--output", type=_Path(path_type=Path, dir_okay=False, allow_dash=True),
              metavar="var.file", help="opt.import.output")
@click.option("--force", is_flag=True, help="opt.import.force")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="opt.import.format")
@lang_option
@plan_option
@progress_option
def import_command(workbooks: tuple[Path, ...], output: Path | None, force: bool, fmt: str, lang: str,
                   plan_path, progress_path) -> int:
    from .resources import is_sample

    settings = _settings(plan_path, progress_path)
    plan = settings.load_plan()
    single = len(workbooks) == 1 and not workbooks[0].is_dir()
    if output is not None and not single:
        raise CommandError(_say("cli.import_output_one"))
    folder = None if output is not None else settings.progress_dir()
    if folder is not None and is_sample(folder) and progress_path is None:
        folder = None  # the shipped sample is never written to
    if output is not None or (single and folder is None):
        return _import_one(plan, workbooks[0], output, force, fmt, lang)
    if folder is None:
        raise CommandError(_say("cli.import_no_progress"))
    return _import_batch(plan, workbooks, folder, force, fmt, lang)


def _import_batch(plan, workbooks: tuple[Path, ...], folder: Path, force: bool, fmt: str, lang: str) -> int:
    from .api import import_workbooks

    for given in workbooks:
        if not given.exists():
            raise CommandError(_say("cli.no_such_file", path=given))
    batch = import_workbooks(plan, workbooks, folder, force=force)
    if not batch.workbooks:
        raise CommandError(_say("cli.import_no_workbooks", path=", ".join(map(str, workbooks))))
    # Written before anything is reported: a file that cannot be written stops the run (exit 2)
    # before any line or JSON says it was.
    for r in batch.to_write():
        r.target.parent.mkdir(parents=True, exist_ok=True)
        _write(r.target, r.imported.yaml_text or "", True, inputs=(r.path,))
    _echo_stdout(_render(batch, fmt, lang, _color()))
    if fmt != "json":
        for r in batch.workbooks:
            if r.new_optional:
                click.echo(_say("cli.import_optional", path=r.shown, ids=", ".join(r.new_optional)), err=True)
    return EXIT_FINDINGS if batch.refused else EXIT_OK


def _import_one(plan, workbook: Path, output: Path | None, force: bool, fmt: str, lang: str) -> int:
    """One workbook to -o (or, without a progress folder, beside it): the checks and the output as ever."""
    from .findings import Report
    from .resources import display_path, shown_path
    from .workbook import MAX_BYTES, import_workbook

    if not workbook.exists():
        raise CommandError(_say("cli.no_such_file", path=workbook))
    if workbook.is_dir():
        raise CommandError(_say("cli.workbook_is_folder", path=workbook))
    from .reading import NotRegularFile, read_regular

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


@cli.command("export", help="cmd.export")
@click.option("--year", type=int, required=True, metavar="var.year", help="opt.export.year")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True,
              help="opt.export.format")
@click.option("--gap", "gap_only", is_flag=True, help="opt.export.gap")
@lang_option
@plan_option
@progress_option
@output_option
@force_option
def export_command(year: int, fmt: str, gap_only: bool, lang: str, plan_path, progress_path,
                   output: Path | None, force: bool) -> int:
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

    workbook = table_workbook(export_sheets(rows, table, lang), note=note)
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


@cli.command("report", help="cmd.report")
@click.option("--year", type=int, required=True, metavar="var.year", help="opt.year.report")
@format_option(REPORT, "opt.report.format")
@lang_option
@plan_option
@progress_option
@output_option
@force_option
def report_command(year: int, fmt: str, lang: str, plan_path, progress_path, output: Path | None,
                   force: bool) -> int:
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


# --- the cache ------------------------------------------------------------------------------------

@cli.group("cache", help="cmd.cache")
@lang_option
def cache_group(lang: str) -> None:
    pass


def _cache_folder() -> Path:
    folder = Settings(None, None).cache_folder()
    assert folder is not None
    return folder


@cache_group.command("info", help="cmd.cache.info")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="opt.format.plain")
@lang_option
def cache_info_command(fmt: str, lang: str) -> int:
    from .cache import cache_info

    info = cache_info(_cache_folder())
    if fmt == "json":
        from .render.json import dumps

        _echo_stdout(dumps(info))
        return EXIT_OK
    lines = [_say("cli.cache.folder", path=info["folder"])]
    if not info["usable"]:
        lines.append(_say("cli.cache.unusable"))
    if info["exists"]:
        lines.append(_say("cli.cache.database", path=info["database"], size=_size(info["bytes"])))
        lines.append(_say("cli.cache.entries", entries=f"{info['entries']:,}", namespaces=info["namespaces"],
                          plans=info["plans"], outputs=info["outputs"], digests=info["digests"]))
    else:
        lines.append(_say("cli.cache.none"))
    _echo_stdout("\n".join(lines) + "\n")
    return EXIT_OK


def _size(count: int) -> str:
    return f"{count:,} B" if count < 1024 else f"{count / (1 << 20):.1f} MiB"


@cache_group.command("clear", help="cmd.cache.clear")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="opt.format.plain")
@lang_option
def cache_clear_command(fmt: str, lang: str) -> int:
    from .cache import clear_cache

    folder = _cache_folder()
    try:
        removed = clear_cache(folder) if folder.is_dir() else 0
    except OSError as exc:
        raise CommandError(_say("cli.cache.cannot_clear", path=folder, reason=exc.strerror or exc)) from None
    if fmt == "json":
        from .render.json import dumps

        _echo_stdout(dumps({"folder": str(folder), "removed": removed}))
    elif removed:
        from .i18n import plural

        _echo_stdout(plural("cli.cache.cleared", removed, _language(), path=folder) + "\n")
    else:
        _echo_stdout(_say("cli.cache.nothing", path=folder) + "\n")
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
    # Each run starts from the locale (also when tests call main() again), or from a --lang on the command
    # line before click reads it: a usage error found while parsing is then worded in that language.
    token = _LANGUAGE.set(_lang_in(sys.argv[1:] if argv is None else argv))
    try:
        return _run(argv)
    finally:
        _LANGUAGE.reset(token)


def _lang_in(argv: list[str]) -> str | None:
    """The language a `--lang zh` or `--lang=zh` in `argv` asks for (the last one), else None."""
    found = None
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.partition("--lang=")[2]
        if value in ("zh", "en"):
            found = value
    return found


def _run(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="sciplan", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo(_say("cli.aborted"), err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        context = getattr(exc, "ctx", None)
        if isinstance(exc, click.MissingParameter) and _language() == "zh":
            english = exc.format_message  # "缺少选项 '--year'." ends in click's full stop
            exc.format_message = lambda: english().removesuffix(".") + "。"  # type: ignore[method-assign]
        if context is not None:
            with _worded(context.command, context):  # "Missing argument '编号或名称'", its usage line
                exc.show()
        else:
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
