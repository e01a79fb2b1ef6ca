//! Renderers for a `check` run: one stream of [`FileResult`]s, seven views.
//!
//! Renderers receive results one file at a time, so a run over a large
//! repository never holds every report in memory. Every renderer escapes
//! descriptor and rule text for its own format, so no file content can forge
//! a line, a workflow command, markup or XML.
//!
//! Every renderer writes a complete document whatever happened: a run that
//! found no descriptor, could not search a path or could not load its rules
//! hands those problems to [`Renderer::finish`] as run-level notices, and
//! each format carries them its own way (SARIF as tool execution
//! notifications).

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod location;
pub mod markdown;
mod results;
pub mod sarif;

use std::io::Write;

use crate::diag::Diagnostic;
use crate::i18n::{Arg, Lang};
use crate::text::Style;

pub use location::RepoPaths;
pub use results::{Evaluated, FileResult, Summary};

/// How a run ended: its totals and the problems that concern the run rather
/// than one descriptor (no descriptor found, a path that does not exist, rule
/// files that do not load).
#[derive(Debug, Clone, Copy)]
pub struct Outcome<'a> {
    /// Totals over the files checked.
    pub summary: &'a Summary,
    /// Run-level notices and errors, in the order they arose.
    pub notices: &'a [Diagnostic],
}

/// Renders one file's share of a report to bytes, apart from the rest of the
/// run: `check` calls it on worker threads, in any order.
pub type PartRenderer = std::sync::Arc<dyn Fn(&FileResult) -> std::io::Result<Vec<u8>> + Send + Sync>;

/// A check-run renderer: `start`, then `file` (or `file_part`) once per
/// descriptor in order, then `finish`.
pub trait Renderer {
    /// Writes whatever comes before the first file.
    fn start(&mut self, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
    /// For formats whose text per file depends on that file alone: the
    /// function rendering it, so the work can run in parallel with other
    /// files; its bytes then go to [`Renderer::file_part`] in file order.
    /// `None` (the default): everything happens in [`Renderer::file`].
    fn part_renderer(&self) -> Option<PartRenderer> {
        None
    }
    /// Writes (or records) one file's result.
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()>;
    /// Writes one file's result given `part`, what this renderer's
    /// [`Renderer::part_renderer`] rendered for it. The default ignores `part`
    /// and calls [`Renderer::file`].
    fn file_part(&mut self, file: &FileResult, _part: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        self.file(file, out)
    }
    /// Writes whatever comes after the last file, run-level notices included.
    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()>;
}

/// What renderers need to know about the run besides its results.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Colour, for the human format.
    pub style: Style,
    /// The repository root that SARIF and GitLab paths are relative to.
    pub paths: RepoPaths,
    /// The language of the human-readable texts (ids, codes and keys stay English).
    pub lang: Lang,
}

/// The formats a check run can be reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `path:line:col: error[id]: message` with snippets, grouped by file.
    Human,
    /// One JSON object with every file's evaluation and findings.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// `JUnit` XML, one test case per descriptor.
    Junit,
    /// Markdown, for a job summary or pull-request comment.
    Markdown,
    /// A GitLab Code Quality report (JSON).
    Gitlab,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 7] =
        [Format::Human, Format::Json, Format::Sarif, Format::Github, Format::Junit, Format::Markdown, Format::Gitlab];
}

/// The renderer for `format`.
#[must_use]
pub fn renderer(format: Format, options: &Options) -> Box<dyn Renderer> {
    match format {
        Format::Human => Box::new(human::Human { style: options.style, lang: options.lang }),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::new(options.paths.clone())),
        Format::Github => Box::new(github::Github { lang: options.lang }),
        Format::Junit => Box::new(junit::Junit::new(options.lang)),
        Format::Markdown => Box::new(markdown::Markdown::new(options.lang)),
        Format::Gitlab => Box::new(gitlab::Gitlab::new(options.paths.clone()).in_lang(options.lang)),
    }
}

/// The words for a descriptor that could not be read, parsed or loaded, in every format (English).
pub const NOT_CHECKED: &str = "could not be checked";

/// [`NOT_CHECKED`] in `lang`.
#[must_use]
pub fn not_checked(lang: Lang) -> String {
    lang.tr("check-not-checked")
}

/// `N files, N errors, N warnings` (and notes and unreadable files when there are any), in English.
#[must_use]
pub fn summary_line(summary: &Summary) -> String {
    summary_line_in(summary, Lang::En)
}

/// [`summary_line`] in `lang`, numbers grouped by thousands.
#[must_use]
pub fn summary_line_in(summary: &Summary, lang: Lang) -> String {
    let count = |id: &str, n: usize| {
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        lang.tr_args(id, &[("count", Arg::Num(n)), ("shown", Arg::Str(&lang.number(n)))])
    };
    let mut parts = vec![
        count("check-files", summary.files),
        count("check-errors", summary.errors),
        count("check-warnings", summary.warnings),
    ];
    if summary.notes > 0 {
        parts.push(count("check-notes", summary.notes));
    }
    let mut line = parts.join(&lang.tr("check-summary-separator"));
    if summary.failed > 0 {
        line.push_str(&count("check-failed", summary.failed));
    }
    line
}

/// The title used for a finding in annotation formats: its code and a short summary.
fn title(code: &crate::diag::DiagnosticCode, lang: Lang) -> String {
    match crate::diag::Code::from_text(code.as_str()) {
        Some(builtin) => format!("shouldtune {code}: {}", builtin.summary_in(lang)),
        None => format!("shouldtune {code}"),
    }
}

/// The path a run-level notice concerns, if any.
fn notice_path(diagnostic: &Diagnostic) -> Option<&str> {
    diagnostic.file.as_ref().map(crate::source::SourceFile::name)
}

/// A finding's message with its reasons, for formats that carry one text block.
fn full_message(diagnostic: &crate::diag::Diagnostic) -> String {
    full_message_in(diagnostic, Lang::En)
}

/// [`full_message`] with the labels (`because:`, `help:`) in `lang`.
fn full_message_in(diagnostic: &crate::diag::Diagnostic, lang: Lang) -> String {
    let mut text = diagnostic.message.clone();
    for note in &diagnostic.notes {
        text.push('\n');
        text.push_str(&lang.tr("because-label"));
        text.push(' ');
        text.push_str(note);
    }
    if let Some(help) = &diagnostic.help {
        text.push('\n');
        text.push_str(&lang.tr("help-label"));
        text.push(' ');
        text.push_str(help);
    }
    text
}
