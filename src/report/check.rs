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
mod spool;

use std::io::Write;

use crate::diag::Diagnostic;
use crate::i18n::{Arg, Lang};
use crate::text::Style;

pub use location::RepoPaths;
pub use results::{Evaluated, FileHead, FileResult, Summary};

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
    /// [`Renderer::part_renderer`] rendered for it, and `file`, what is left
    /// of the result. The default writes `part` as it is.
    fn file_part(&mut self, _file: &FileHead, part: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(part)
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
        Format::Sarif => Box::new(sarif::Sarif::new(options.paths.clone()).in_lang(options.lang)),
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

/// A finding's message with its reasons and fix, for formats that carry one text block;
/// the labels (`because:`, `help:`) in `lang`.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Policy, source_file};
    use crate::load::Limits;
    use crate::source::SourceFile;

    /// Results for `n` varied descriptors: clean ones, plans that contradict
    /// the recommendation, unanswered questions, YAML that does not parse,
    /// and paths with characters every format escapes.
    fn many_results(n: usize, lang: Lang) -> Vec<FileResult> {
        let rules = crate::test_support::default_rules();
        let tasks = ["qa", "chat", "classification", "extraction", "generation"];
        let plans = ["prompt_engineering", "rag", "fine_tuning", "[fine_tuning, rag]"];
        (0..n)
            .map(|i| {
                let path = match i % 5 {
                    0 => format!("team-{i}/llm-project.yaml"),
                    1 => format!("team-{i}/<a & \"b\">|*_`x`.llm-project.yaml"),
                    2 => format!("チーム-{i}/llm-project.yaml"),
                    _ => format!("t/{i}/llm-project.yaml"),
                };
                let text = if i % 7 == 3 {
                    format!("name: [broken {i}\n")
                } else {
                    format!(
                        "name: Project {i} <&>\nplanned_approach: {}\nanswers:\n  task_type: {}\n  \
                         needs_private_knowledge: {}\n  examples_available: {}\n{}",
                        plans[i % plans.len()],
                        tasks[i % tasks.len()],
                        i % 2 == 0,
                        [0, 30, 600, 20_000][i % 4],
                        if i % 3 == 0 { "  latency_sensitive: true\n  deadline_weeks: 2\n" } else { "" },
                    )
                };
                let policy = Policy { allow_defaults: i % 4 == 0, ..Policy::default() };
                let mut result =
                    source_file(&path, &SourceFile::new(path.as_str(), text), &rules, policy, Limits::default());
                result.localize(lang);
                result
            })
            .collect()
    }

    fn render(mut renderer: Box<dyn Renderer>, results: &[FileResult], in_parts: bool) -> Vec<u8> {
        let mut summary = Summary::default();
        let mut out = Vec::new();
        renderer.start(&mut out).unwrap();
        let part = renderer.part_renderer();
        for result in results {
            summary.add(result);
            match (&part, in_parts) {
                (Some(part), true) => renderer.file_part(&result.head(), &part(result).unwrap(), &mut out).unwrap(),
                _ => renderer.file(result, &mut out).unwrap(),
            }
        }
        let notices = [
            Diagnostic::without_file(crate::diag::Code::IoError, "a run-level error <&>"),
            Diagnostic::without_file(crate::diag::Code::NoDescriptor, "a run-level note <&>")
                .with_severity(crate::diag::Severity::Note),
        ];
        let outcome = Outcome { summary: &summary, notices: &notices };
        renderer.finish(&outcome, &mut out).unwrap();
        out
    }

    #[test]
    fn every_format_renders_the_same_bytes_from_parallel_parts_as_file_by_file() {
        let coloured = Style { color: true, width: 60 };
        for lang in [Lang::En, Lang::Ja] {
            let results = many_results(60, lang);
            for format in Format::ALL {
                for style in [Style::PLAIN, coloured] {
                    let options = Options { style, lang, ..Options::default() };
                    assert!(renderer(format, &options).part_renderer().is_some(), "{format:?} renders in parallel");
                    let whole = String::from_utf8(render(renderer(format, &options), &results, false)).unwrap();
                    let parts = String::from_utf8(render(renderer(format, &options), &results, true)).unwrap();
                    assert!(whole.len() > 2_000, "{format:?}: {whole}");
                    assert_eq!(parts, whole, "{format:?} {lang:?} {style:?}");
                }
            }
        }
    }

    #[test]
    fn junit_and_markdown_over_many_files_are_the_same_bytes_from_temporary_files_as_from_memory() {
        for lang in [Lang::En, Lang::Ja] {
            let results = many_results(300, lang);
            let junit = |limit| Box::new(junit::Junit::new(lang).with_spool_limit(limit)) as Box<dyn Renderer>;
            let markdown = |limit| Box::new(markdown::Markdown::new(lang).with_spool_limit(limit)) as Box<dyn Renderer>;
            for (format, make) in [("junit", &junit as &dyn Fn(usize) -> Box<dyn Renderer>), ("markdown", &markdown)] {
                // All in memory, each file rendered on the spot: the straightforward rendering.
                let in_memory = render(make(usize::MAX), &results, false);
                let text = String::from_utf8(in_memory.clone()).unwrap();
                assert!(text.len() > 100_000, "{format}: a run large enough to spill many times");
                for limit in [0, 1000, 64 * 1024] {
                    for in_parts in [false, true] {
                        let spooled = render(make(limit), &results, in_parts);
                        assert!(spooled == in_memory, "{format} {lang:?}, limit {limit}, parts {in_parts}");
                    }
                }
                // The document holds every file, in order, after its totals.
                let summary = results.iter().fold(Summary::default(), |mut s, r| {
                    s.add(r);
                    s
                });
                let mut at = 0;
                let shown: Vec<String> =
                    results
                        .iter()
                        .map(|r| {
                            if format == "junit" {
                                junit::escape(&r.path)
                            } else {
                                crate::text::escape_markdown(&r.path)
                            }
                        })
                        .collect();
                for path in &shown {
                    at += text[at..].find(path.as_str()).unwrap_or_else(|| panic!("{format}: {path} in order"));
                }
                if format == "junit" {
                    // The run-level error is one more test case in error.
                    let failures =
                        results.iter().filter(|r| !r.failed() && r.count(crate::diag::Severity::Error) > 0).count();
                    let (tests, errors) = (summary.files + 1, summary.failed + 1);
                    let header = format!(
                        r#"<testsuites name="shouldtune" tests="{tests}" failures="{failures}" errors="{errors}">"#
                    );
                    assert!(text.contains(&header), "{format}: {}", &text[..200]);
                    assert!(
                        summary.failed > 0 && summary.errors > summary.failed && summary.warnings + summary.notes > 0
                    );
                } else {
                    let line = crate::text::escape_markdown(&summary_line_in(&summary, lang));
                    assert!(text.contains(&format!("\n{line}\n")), "{format}: {line}");
                }
            }
        }
    }
}
