//! Commands: each takes parsed arguments and the process's streams, and
//! returns an exit code. This is the edge where diagnostics are rendered.

mod ask;
mod check;
mod cost;
mod init;
mod rules_cmd;
mod schema;
mod serve;

use std::io::{Read, Write};

use crate::cli::{Cli, Command, EvaluateArgs, EvaluateFormat, ExplainArgs, PricingArgs, RulesArgs};
use shouldtune::cost::PriceTable;
use shouldtune::diag::{self, Diagnostic};
use shouldtune::i18n::{Lang, Msg, MsgArg};
use shouldtune::load::Limits;
use shouldtune::overlays::RuleSets;
use shouldtune::report::{self, Report};
use shouldtune::text::Style;
use shouldtune::{descriptor, eval, input};

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success.
    Ok = 0,
    /// The command ran and found problems (e.g. `check` errors).
    Findings = 1,
    /// Bad input or usage.
    Error = 2,
    /// `ask` was interrupted; the answers so far were saved as incomplete.
    Interrupted = 130,
}

/// The process's streams and what the terminal supports, supplied by `main`.
pub struct Io<'a> {
    /// Standard output.
    pub stdout: &'a mut dyn Write,
    /// Standard error.
    pub stderr: &'a mut dyn Write,
    /// Standard input (read for `-`).
    pub stdin: &'a mut dyn Read,
    /// Colour on standard output.
    pub stdout_color: bool,
    /// Colour on standard error.
    pub stderr_color: bool,
    /// Columns human-readable output wraps to: the terminal's, else `COLUMNS`, else 80.
    pub width: usize,
    /// Columns diagnostics on standard error wrap to: the terminal's when it is
    /// one; else none (`usize::MAX`), so each finding stays one line in a CI log.
    pub stderr_width: usize,
    /// Asks questions at a terminal; `None` when standard input is not a terminal.
    pub prompter: Option<&'a mut dyn shouldtune::questionnaire::Prompter>,
    /// The reference day for the price tables' age, in days since 1970-01-01
    /// (`SOURCE_DATE_EPOCH` when set, else today).
    pub today: i64,
    /// The language of messages and reports, chosen by the binary.
    pub lang: shouldtune::i18n::Lang,
}

impl Io<'_> {
    /// Draws diagnostics on standard error, in its colour and width.
    pub(crate) fn report(&mut self, diagnostics: &[shouldtune::diag::Diagnostic]) -> std::io::Result<()> {
        let style = Style { color: self.stderr_color, width: self.stderr_width };
        shouldtune::diag::render_in(diagnostics, self.stderr, style, self.lang)
    }
}

/// A stream that goes quiet once its reader has gone: after a broken pipe,
/// writes succeed and are discarded, so the run finishes and exits with the
/// status it reached (`check -f github | head -n 1` still fails a failing check).
pub struct ClosedPipeSink<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> ClosedPipeSink<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        ClosedPipeSink { inner, closed: false }
    }

    fn absorb<T>(&mut self, result: std::io::Result<T>, quiet: T) -> std::io::Result<T> {
        match result {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(quiet)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for ClosedPipeSink<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.absorb(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.absorb(result, ())
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli, io: &mut Io<'_>) -> Exit {
    let limits = Limits { max_file_bytes: cli.max_file_size, ..Limits::default() };
    // `--quiet`: standard output goes nowhere; errors still reach standard error.
    let mut sink = std::io::sink();
    let mut io = Io {
        stdout: if cli.quiet { &mut sink } else { &mut *io.stdout },
        stderr: &mut *io.stderr,
        stdin: &mut *io.stdin,
        stdout_color: io.stdout_color,
        stderr_color: io.stderr_color,
        width: io.width,
        stderr_width: io.stderr_width,
        prompter: io.prompter.take().map(|prompter| -> &mut dyn shouldtune::questionnaire::Prompter { prompter }),
        today: io.today,
        lang: io.lang,
    };
    let io = &mut io;
    let result = match cli.command {
        Command::Init(args) => init::init(&args, limits, io),
        Command::Evaluate(args) => evaluate(&args, limits, io),
        Command::Check(args) => check::check(&args, limits, cli.quiet, io),
        Command::Ask(args) => ask::ask(&args, limits, io),
        Command::Serve(args) => serve::serve(&args, limits, io),
        Command::Cost(args) => cost::cost(&args, limits, io),
        Command::Rules(command) => rules_cmd::rules(&command, limits, io),
        Command::Explain(args) => explain(&args, limits, io),
        Command::Schema(args) => schema::schema(&args, limits, io),
        Command::Completions(args) => completions(args.shell, io),
        Command::Man(args) => man(args.command.as_deref(), io),
    };
    match result {
        Ok(exit) => exit,
        Err(Failure::Diagnostics(diagnostics)) => {
            // If stderr itself fails there is nowhere left to report to.
            let _ = io.report(&diagnostics);
            Exit::Error
        }
        Err(Failure::Io(error)) => {
            let heading = diag::Severity::Error.word(io.lang);
            let message = Msg::new("output-write-failed").arg("reason", io_reason(&error)).render(io.lang);
            let _ = writeln!(io.stderr, "{heading}: {}", shouldtune::text::sanitize(&message));
            Exit::Error
        }
    }
}

/// Why an I/O operation failed, in words for a message (see [`shouldtune::i18n::io_reason`]).
pub(crate) fn io_reason(error: &std::io::Error) -> Msg {
    shouldtune::i18n::io_reason(error)
}

/// Why a command stopped.
#[derive(Debug, thiserror::Error)]
enum Failure {
    /// Problems in the input, to render with snippets.
    #[error("{} problem(s) in the input", .0.len())]
    Diagnostics(Vec<Diagnostic>),
    /// Writing the output failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Failure::Diagnostics(diagnostics)
    }
}

impl From<Box<Diagnostic>> for Failure {
    fn from(diagnostic: Box<Diagnostic>) -> Self {
        Failure::Diagnostics(vec![*diagnostic])
    }
}

/// Loads the rule files named on the command line, or the embedded default.
fn load_rules(args: &RulesArgs, limits: Limits, stdin: &mut dyn Read) -> Result<RuleSets, Failure> {
    let mut sources = Vec::with_capacity(args.rules.len());
    let mut problems = Vec::new();
    for path in &args.rules {
        match input::read_source(path, stdin, limits) {
            Ok(source) => sources.push(source),
            Err(d) => problems.push(*d),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Diagnostics(problems));
    }
    Ok(RuleSets::new(sources, limits)?)
}

/// The price tables: the embedded ones, with the `--pricing` files added or replacing them by id.
fn load_pricing(args: &PricingArgs, limits: Limits, stdin: &mut dyn Read) -> Result<Vec<PriceTable>, Failure> {
    let mut sources = Vec::with_capacity(args.pricing.len());
    for path in &args.pricing {
        sources.push(input::read_source(path, stdin, limits)?);
    }
    Ok(shouldtune::cost::load_tables(&sources, limits)?)
}

fn evaluate(args: &EvaluateArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    // The rules' texts in the chosen language (ids and weights unchanged).
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?.in_locale(io.lang.code());
    let source = input::read_source(&args.file, io.stdin, limits)?;
    let document = descriptor::Document::parse(&source, limits)?;
    let rule_set = rule_sets.for_descriptor(&args.file, &document)?;
    let mut project = descriptor::validate(&document, &rule_set)?;
    let tables = load_pricing(&args.pricing, limits, io.stdin)?;
    let estimate =
        shouldtune::facts::estimate_and_derive(&rule_set, &mut project.given, project.cost.as_ref(), &tables, &source);
    // Without a `cost:` section the estimate only feeds derived facts; with one, its errors are the user's to fix.
    let shown = match (&project.cost, estimate) {
        (Some(_), estimate) => Some(estimate?),
        (None, _) => None,
    };
    let evaluation = eval::evaluate(&rule_set, project.answers(&rule_set));
    let planned = project.planned.as_ref().map(|p| p.approaches.as_slice());
    let report = Report::new(&rule_set, &project.name, &evaluation)
        .with_plan(&rule_set, planned, &evaluation)
        .with_what_if(&rule_set, &project.given, &evaluation)
        .in_lang(io.lang);
    let mut shown = shown;
    if let Some(warning) = shown.as_mut().and_then(|e| e.check_age(io.today)) {
        let heading = shouldtune::diag::Severity::Warning.word(io.lang);
        writeln!(io.stderr, "{heading}: {}", shouldtune::text::sanitize(&warning.render(io.lang)))?;
    }
    let report = report.with_cost(shown);
    let mut buffer = Vec::new();
    match args.format {
        EvaluateFormat::Table => {
            let style = Style { color: io.stdout_color, width: io.width };
            report::table::render_in(&report, &mut buffer, style, io.lang)?;
        }
        EvaluateFormat::Json => report::json::render(&report, &mut buffer)?,
        EvaluateFormat::Markdown => report::markdown::render_in(&report, &mut buffer, io.lang)?,
        EvaluateFormat::Html => {
            let chart = match &report.cost {
                Some(estimate) => Some(chart_svg(estimate, &report.name, io.lang)?),
                None => None,
            };
            report::html::render_in(&report, chart.as_deref(), &mut buffer, io.lang)?;
        }
        EvaluateFormat::Adr => report::adr::render_in(&report, &mut buffer, io.lang)?,
    }
    io.stdout.write_all(&buffer)?;
    io.stdout.flush()?;
    // The process exits next: the rule sets are not freed one string at a time (docs/performance.md, "Start-up").
    std::mem::forget((rule_sets, rule_set));
    Ok(Exit::Ok)
}

/// The cost chart of `estimate` as SVG.
fn chart_svg(estimate: &shouldtune::cost::CostEstimate, name: &str, lang: Lang) -> Result<String, Failure> {
    shouldtune::cost::plot::svg_in(estimate, name, lang).map_err(|e| {
        Failure::Diagnostics(vec![Diagnostic::without_file(
            diag::Code::IoError,
            Msg::new("cost-chart-failed").arg("error", e),
        )])
    })
}

/// The manual page of `shouldtune`, or of one of its commands (`check`, `rules-check`).
fn man(command: Option<&str>, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let root = <Cli as clap::CommandFactory>::command();
    let page = match command {
        None => Some(root.clone()),
        Some(name) => {
            let mut found = None;
            for sub in root.get_subcommands() {
                if sub.get_name() == name {
                    found = Some(sub.clone());
                }
                for nested in sub.get_subcommands() {
                    if format!("{}-{}", sub.get_name(), nested.get_name()) == name {
                        found = Some(nested.clone());
                    }
                }
            }
            found
        }
    };
    let Some(page) = page else {
        let names = man_pages();
        return Err(Failure::Diagnostics(vec![
            Diagnostic::without_file(
                diag::Code::IoError,
                Msg::new("man-no-page").arg("name", command.unwrap_or_default()),
            )
            .with_help(Msg::new("man-pages").arg("list", MsgArg::List(names))),
        ]));
    };
    let title = command.map_or_else(|| "shouldtune".to_owned(), |name| format!("shouldtune-{name}"));
    let page = page.name(title.clone()).bin_name(title.replace('-', " ")).version(env!("CARGO_PKG_VERSION"));
    let mut buffer = Vec::new();
    clap_mangen::Man::new(page).render(&mut buffer)?;
    io.stdout.write_all(&buffer)?;
    io.stdout.flush()?;
    Ok(Exit::Ok)
}

/// The names `shouldtune man` accepts besides the main page.
#[must_use]
pub fn man_pages() -> Vec<String> {
    let root = <Cli as clap::CommandFactory>::command();
    let mut names = Vec::new();
    for sub in root.get_subcommands().filter(|s| s.get_name() != "help") {
        names.push(sub.get_name().to_owned());
        for nested in sub.get_subcommands().filter(|s| s.get_name() != "help") {
            names.push(format!("{}-{}", sub.get_name(), nested.get_name()));
        }
    }
    names
}

fn explain(args: &ExplainArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?.in_locale(io.lang.code());
    let rule_set = rule_sets.base();
    let subjects = shouldtune::describe::lookup(rule_set, &args.id);
    if subjects.is_empty() {
        let nearest = shouldtune::describe::nearest(rule_set, &args.id, 3);
        let listed: Vec<String> = nearest.iter().map(|id| format!("`{id}`")).collect();
        return Err(Failure::Diagnostics(vec![
            Diagnostic::without_file(diag::Code::UnknownId, Msg::new("explain-unknown-id").arg("id", &args.id))
                .with_help(Msg::new("explain-unknown-id-help").arg("list", MsgArg::List(listed))),
        ]));
    }
    let text = shouldtune::describe::render_in(rule_set, &subjects, io.lang);
    // Rule text may come from an overlay: no escape sequence reaches the terminal.
    for line in text.lines() {
        writeln!(io.stdout, "{}", shouldtune::text::sanitize(line))?;
    }
    io.stdout.flush()?;
    Ok(Exit::Ok)
}

fn completions(shell: clap_complete::Shell, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "shouldtune", &mut buffer);
    io.stdout.write_all(&buffer)?;
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::io_reason;
    use shouldtune::i18n::Lang;
    use std::io::{Error, ErrorKind};

    #[test]
    fn io_reasons_are_messages_in_both_languages() {
        let kinds = [
            ErrorKind::NotFound,
            ErrorKind::PermissionDenied,
            ErrorKind::AlreadyExists,
            ErrorKind::ReadOnlyFilesystem,
            ErrorKind::StorageFull,
            ErrorKind::IsADirectory,
            ErrorKind::NotADirectory,
            ErrorKind::AddrInUse,
            ErrorKind::AddrNotAvailable,
            ErrorKind::BrokenPipe,
        ];
        for kind in kinds {
            let reason = io_reason(&Error::from(kind));
            let (en, ja) = (reason.render(Lang::En), reason.render(Lang::Ja));
            assert!(en.is_ascii() && !en.is_empty(), "{kind:?}: {en}");
            assert!(!ja.is_ascii(), "{kind:?}: Japanese `{ja}`");
            assert_ne!(reason.id(), "io-other", "{kind:?}");
        }
        // Any other error keeps the system's words, without the error number or a temporary file's name.
        let other = Error::other("the disk melted (os error 99) at path \"/tmp/x\"");
        assert_eq!(io_reason(&other).render(Lang::Ja), "the disk melted");
    }
}
