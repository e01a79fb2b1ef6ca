//! `shouldtune check`: every descriptor under the given paths, rendered in
//! one or more formats at once.
//!
//! Each report, on standard output or in a `-o` file, is a complete document
//! whatever happens: no descriptor, a path that does not exist or rule files
//! that do not load are run-level notices every format carries. `-o` files
//! are written to a temporary file beside them and renamed into place at the
//! end, also when the check fails.

use std::io::Write;
use std::path::PathBuf;

use super::{Exit, Failure, Io, load_pricing, load_rules};
use crate::cli::{CheckArgs, CheckFormat, DenyLevel};
use shouldtune::check::{self, Policy};
use shouldtune::cost::PriceTable;
use shouldtune::diag::{Code, Diagnostic, Severity};
use shouldtune::i18n::{Lang, Msg, MsgArg};
use shouldtune::load::Limits;
use shouldtune::overlays::RuleSets;
use shouldtune::report::check::{Options, Outcome, Renderer, RepoPaths, renderer};
use shouldtune::save::AtomicFile;
use shouldtune::text::Style;

/// The buffer in front of each report: a JSON result is about 12 KiB, so
/// the default 8 KiB would write each file's share in its own system call.
const OUT_BUFFER: usize = 128 * 1024;

/// Where a report goes.
enum Destination<'a> {
    Stdout(std::io::BufWriter<&'a mut dyn Write>),
    File(std::io::BufWriter<AtomicFile>),
}

impl Write for Destination<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Destination::Stdout(out) => out.write(buf),
            Destination::File(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Destination::Stdout(out) => out.flush(),
            Destination::File(out) => out.flush(),
        }
    }
}

/// One report being written: a renderer and where its text goes. The first
/// write error is kept and the report abandoned, so one failing destination
/// does not stop the others.
struct Sink<'a> {
    renderer: Box<dyn Renderer>,
    out: Destination<'a>,
    error: Option<std::io::Error>,
}

impl Sink<'_> {
    fn run(&mut self, step: impl FnOnce(&mut dyn Renderer, &mut dyn Write) -> std::io::Result<()>) {
        if self.error.is_none()
            && let Err(error) = step(self.renderer.as_mut(), &mut self.out)
        {
            self.error = Some(error);
        }
    }
}

pub(super) fn check(args: &CheckArgs, limits: Limits, quiet: bool, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if let Some(root) = &args.root
        && !root.is_dir()
    {
        return Err(Failure::Diagnostics(vec![
            Diagnostic::without_file(
                Code::IoError,
                Msg::new("check-root-not-a-directory").arg("path", root.display().to_string()),
            )
            .with_help(Msg::new("check-root-not-a-directory-help")),
        ]));
    }
    let files = open_outputs(args)?;
    let mut notices = Vec::new();
    let rule_sets = match load_rules(&args.rules, limits, io.stdin) {
        // Rule texts (reasons, help) in the chosen language; ids and codes stay English.
        Ok(rule_sets) => Some(rule_sets.in_locale(io.lang.code())),
        Err(Failure::Diagnostics(problems)) => {
            notices.extend(problems);
            None
        }
        Err(other) => return Err(other),
    };
    let tables = match load_pricing(&args.pricing, limits, io.stdin) {
        Ok(tables) => Some(tables),
        Err(Failure::Diagnostics(problems)) => {
            notices.extend(problems);
            None
        }
        Err(other) => return Err(other),
    };
    let paths = discover(args, rule_sets.is_some(), &mut notices);

    for notice in &mut notices {
        notice.localize(io.lang);
    }
    let options = Options {
        lang: io.lang,
        style: Style::PLAIN,
        paths: RepoPaths::find(&cwd, args.root.as_deref(), args.paths.first().map(PathBuf::as_path)),
    };
    let mut sinks: Vec<Sink<'_>> = Vec::with_capacity(files.len() + 1);
    let stdout_format = (!quiet).then_some(args.format);
    for (format, file) in files {
        let out = Destination::File(std::io::BufWriter::with_capacity(OUT_BUFFER, file));
        sinks.push(Sink { renderer: renderer(format.into(), &options), out, error: None });
    }
    if let Some(format) = stdout_format {
        let style = Style { color: io.stdout_color, width: io.width };
        let out = Destination::Stdout(std::io::BufWriter::with_capacity(OUT_BUFFER, &mut *io.stdout));
        sinks.push(Sink { renderer: renderer(format.into(), &Options { style, ..options.clone() }), out, error: None });
    }

    let wants_json =
        stdout_format == Some(CheckFormat::Json) || args.outputs.iter().any(|o| o.format == CheckFormat::Json);
    let policy = Policy { allow_defaults: args.allow_defaults, what_if: wants_json, no_overlays: args.no_overlays };
    for sink in &mut sinks {
        sink.run(|r, out| r.start(out));
    }
    let summary = match (&rule_sets, &tables) {
        (Some(rule_sets), Some(tables)) => check_into(&paths, (rule_sets, tables), policy, limits, io.lang, &mut sinks),
        _ => check::Summary::default(),
    };
    let (write_problems, stdout_error) = finish(sinks, &Outcome { summary: &summary, notices: &notices });

    // Errors go to standard error as well, with their snippets.
    let errors: Vec<Diagnostic> =
        notices.iter().filter(|d| d.severity == Severity::Error).cloned().chain(write_problems).collect();
    if !errors.is_empty() {
        let _ = io.report(&errors);
    }
    if let Some(error) = stdout_error {
        return Err(Failure::Io(error));
    }
    let deny_warnings = args.deny.contains(&DenyLevel::Warnings);
    Ok(if summary.failed > 0 || !errors.is_empty() {
        Exit::Error
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        Exit::Findings
    } else {
        Exit::Ok
    })
}

/// Checks `paths`, handing each result to every sink in order. Messages are
/// put in the chosen language, and formats that can render a file's share
/// alone do it, in the parallel part, where the result is then dropped.
fn check_into(
    paths: &[check::Found],
    (rule_sets, tables): (&RuleSets, &[PriceTable]),
    policy: Policy,
    limits: Limits,
    lang: Lang,
    sinks: &mut [Sink<'_>],
) -> check::Summary {
    let parts: Vec<_> = sinks.iter().map(|sink| sink.renderer.part_renderer()).collect();
    // A renderer without a part renderer renders on this thread, from the whole result.
    let keep_whole = parts.iter().any(Option::is_none);
    let render = |mut file: check::FileResult| -> Rendered {
        // Messages in the chosen language for every format; ids and codes stay English.
        file.localize(lang);
        let rendered = parts.iter().map(|part| part.as_ref().map(|render| render(&file))).collect();
        let (head, whole) = if keep_whole { (file.head(), Some(file)) } else { (file.into_head(), None) };
        Rendered { head, parts: rendered, whole }
    };
    let each = |file: Rendered| {
        for (sink, part) in sinks.iter_mut().zip(file.parts) {
            match (part, &file.whole) {
                (Some(Ok(bytes)), _) => sink.run(|r, out| r.file_part(&file.head, &bytes, out)),
                (Some(Err(error)), _) => sink.run(|_, _| Err(error)),
                (None, Some(whole)) => sink.run(|r, out| r.file(whole, out)),
                (None, None) => {}
            }
        }
        Ok::<(), std::convert::Infallible>(())
    };
    match check::run_then(paths, rule_sets, tables, policy, limits, render, each) {
        Ok(summary) => summary,
        Err(never) => match never {},
    }
}

/// One file as the thread writing the reports gets it.
struct Rendered {
    /// What writing its parts needs.
    head: check::FileHead,
    /// Its share of each sink's report, rendered on a worker thread (`None`
    /// for a renderer that renders on the writing thread).
    parts: Vec<Option<std::io::Result<Vec<u8>>>>,
    /// The whole result, kept only when some renderer renders on the writing thread.
    whole: Option<check::FileResult>,
}

/// Opens every `-o` destination before any work, so a path that cannot be
/// written is reported at once.
fn open_outputs(args: &CheckArgs) -> Result<Vec<(CheckFormat, AtomicFile)>, Failure> {
    let mut files = Vec::with_capacity(args.outputs.len());
    for (index, output) in args.outputs.iter().enumerate() {
        if args.outputs[..index].iter().any(|o| o.path == output.path) {
            return Err(Failure::Diagnostics(vec![
                Diagnostic::without_file(
                    Code::IoError,
                    Msg::new("check-output-twice").arg("path", output.path.display().to_string()),
                )
                .with_help(Msg::new("check-output-twice-help")),
            ]));
        }
        match AtomicFile::create(&output.path) {
            Ok(file) => files.push((output.format, file)),
            Err(error) => {
                return Err(Failure::Diagnostics(vec![
                    Diagnostic::without_file(Code::IoError, cannot_write(&output.path, &error))
                        .with_help(Msg::new("check-output-help")),
                ]));
            }
        }
    }
    Ok(files)
}

/// Ends every report and renames the `-o` files into place; returns the
/// files that could not be written and the error standard output had, if any.
fn finish(sinks: Vec<Sink<'_>>, outcome: &Outcome<'_>) -> (Vec<Diagnostic>, Option<std::io::Error>) {
    let mut problems = Vec::new();
    let mut stdout_error = None;
    for mut sink in sinks {
        sink.run(|r, out| r.finish(outcome, out));
        sink.run(|_, out| out.flush());
        match sink.out {
            Destination::Stdout(_) => stdout_error = sink.error,
            Destination::File(out) => {
                let path = out.get_ref().path().to_path_buf();
                let committed = match (sink.error, out.into_inner()) {
                    (Some(error), _) => Err(error),
                    (None, Ok(file)) => file.commit(),
                    (None, Err(error)) => Err(error.into_error()),
                };
                if let Err(error) = committed {
                    problems.push(Diagnostic::without_file(Code::IoError, cannot_write(&path, &error)));
                }
            }
        }
    }
    (problems, stdout_error)
}

/// `cannot write PATH: why`.
pub(super) fn cannot_write(path: &std::path::Path, error: &std::io::Error) -> Msg {
    Msg::new("write-failed").arg("path", path.display().to_string()).arg("reason", super::io_reason(error))
}

/// The descriptors under the paths given; what the search itself found
/// (no descriptor, a missing path, descriptors ignore files hid) goes to `notices`.
fn discover(args: &CheckArgs, rules_loaded: bool, notices: &mut Vec<Diagnostic>) -> Vec<check::Found> {
    let search = check::Search { respect_ignore_files: !args.no_ignore };
    let discovery = check::discover(&args.paths, search);
    let paths = discovery.found;
    notices.extend(discovery.problems);
    if rules_loaded && paths.is_empty() && notices.is_empty() {
        let shown_cwd = std::env::current_dir().ok();
        let searched: Vec<String> =
            args.paths.iter().map(|p| format!("`{}`", shouldtune::paths::show(shown_cwd.as_deref(), p))).collect();
        notices.push(
            Diagnostic::without_file(
                Code::NoDescriptor,
                Msg::new("check-no-descriptor").arg("paths", MsgArg::List(searched)),
            )
            .with_severity(Severity::Note)
            .with_help(Msg::new("check-no-descriptor-help")),
        );
    }
    if discovery.ignored > 0 {
        let message = Msg::new("ignored-descriptors").arg("count", discovery.ignored);
        notices.push(
            Diagnostic::without_file(Code::IgnoredDescriptors, message)
                .with_severity(Severity::Note)
                .with_help(Msg::new("ignored-descriptors-help")),
        );
    }
    paths
}
