//! `shouldtune ask`: the questionnaire, its review and its save.

use std::io::Write;

use shouldtune::i18n::{Arg, Lang, Msg};
use std::path::{Path, PathBuf};

use super::{Exit, Failure, Io, load_pricing, load_rules};
use crate::cli::AskArgs;
use shouldtune::descriptor::{self, Draft};
use shouldtune::diag::{Code, Diagnostic};
use shouldtune::load::{Limits, NodeKind};
use shouldtune::questionnaire::{self, Finish, Prompt, Prompter, Reply};
use shouldtune::report::{self, Report};
use shouldtune::rules::RuleSet;
use shouldtune::save::Verdict;
use shouldtune::source::SourceFile;
use shouldtune::text::Style;
use shouldtune::{eval, input, save};

pub(super) fn ask(args: &AskArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let Some(prompter) = io.prompter.take() else {
        return Err(Failure::Diagnostics(vec![
            Diagnostic::without_file(Code::IoError, Msg::new("ask-no-terminal"))
                .with_help(Msg::new("ask-no-terminal-help")),
        ]));
    };
    // Questions and reasons in the chosen language; the saved descriptor uses the same ids.
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?.in_locale(io.lang.code());
    // What the save path holds now, read once with the usual guards; the
    // decision to replace it is taken at save time, against the file as it
    // is then. A pipe or a device there is refused before any question.
    let mut destination = save::Destination::look(&args.save, limits)?;
    // The descriptor to start from (`--from`, or the save file), read once
    // with the usual limits; it may name its own rule overlay.
    let existing = match (&args.from, destination.seen()) {
        (Some(from), _) => Some((from.as_path(), input::read_source(from, io.stdin, limits)?)),
        (None, Some(text)) => Some((args.save.as_path(), SourceFile::new(shown(&args.save), text.to_owned()))),
        (None, None) => None,
    };
    let existing = match existing {
        Some((path, source)) => Some((path, descriptor::Document::parse(&source, limits)?)),
        None => None,
    };
    let rule_set = match &existing {
        Some((path, document)) => rule_sets.for_descriptor(path, document)?,
        None => std::sync::Arc::clone(rule_sets.base()),
    };
    let tables = load_pricing(&args.pricing, limits, io.stdin)?;
    let existing_document = existing.as_ref().map(|(_, d)| d);
    let start = starting_point(args, existing_document, &rule_set, io)?;
    // What the questions do not cover (`cost:`, `rules:`) is kept from the file started from.
    let kept = existing_document.map(descriptor::kept_sections).unwrap_or_default();
    let pricing = Pricing {
        tables: &tables,
        settings: start.cost.clone(),
        source: existing_document.map_or_else(|| SourceFile::new("answers", ""), |d| d.source.clone()),
    };
    // An incomplete descriptor at the save path (being resumed, or left by an
    // interrupted run) may be replaced without asking, if it is still there as read.
    let incomplete_seen = destination.seen().is_some_and(|text| is_incomplete_descriptor(&args.save, text, limits));
    destination.allow_replacing_what_was_seen(start.resuming || incomplete_seen);
    let mut checkpointing =
        Checkpointing { inner: prompter, rule_set: &rule_set, destination: &destination, kept: &kept };
    match questionnaire::run_in(&rule_set, start.draft, start.ask_name, &mut checkpointing, io.lang) {
        Finish::Interrupted(draft) => {
            let answered = draft.given.iter().filter(|g| g.is_some()).count();
            let untouched = answered == 0 && draft.planned.is_none() && draft.name == default_name();
            if untouched && !start.resuming && args.from.is_none() {
                writeln!(io.stderr, "\n{}", io.lang.tr("ask-interrupted-nothing"))?;
                return Ok(Exit::Interrupted);
            }
            let text = descriptor::to_yaml(&rule_set, &draft) + &kept;
            let path = match destination.save_unattended(&text) {
                Ok(path) => path,
                Err(error) => return Err(keep_unsaved(&destination, &text, &error, io)),
            };
            let line = io.lang.tr_args(
                "ask-interrupted-saved",
                &[("answers", Arg::Str(&answers(answered, io.lang))), ("path", Arg::Str(&shown(&path)))],
            );
            writeln!(io.stderr, "\n{line}")?;
            say_why_beside(&destination, &path, io)?;
            writeln!(io.stderr, "{}", io.lang.tr_args("ask-resume-with", &[("path", Arg::Str(&shown(&path)))]))?;
            Ok(Exit::Interrupted)
        }
        Finish::Completed(draft) => {
            review(&rule_set, &draft, &pricing, io)?;
            let save_prompt = Prompt {
                message: io.lang.tr_args("ask-save", &[("path", Arg::Str(&shown(&args.save)))]),
                help: io.lang.tr("ask-save-help"),
                progress: io.lang.tr("ask-progress-save"),
            };
            // Ctrl-C here still saves: nothing typed is lost.
            if prompter.yes_no(&save_prompt, true) == Reply::Answer(false) {
                writeln!(io.stderr, "{}", io.lang.tr("ask-not-saved"))?;
                return Ok(Exit::Ok);
            }
            let text = descriptor::to_yaml(&rule_set, &draft) + &kept;
            let path = match save_with_consent(&destination, &text, prompter, io.lang) {
                Ok(path) => path,
                Err(error) => return Err(keep_unsaved(&destination, &text, &error, io)),
            };
            say_why_beside(&destination, &path, io)?;
            writeln!(io.stderr, "{}", io.lang.tr_args("ask-saved", &[("path", Arg::Str(&shown(&path)))]))?;
            Ok(Exit::Ok)
        }
    }
}

/// A path as shown to the person: escaped, never lossy.
fn shown(path: &Path) -> String {
    shouldtune::paths::show(None, path)
}

/// Saves at the end of the questionnaire: asks before replacing a complete
/// descriptor, or a file that appeared or changed since `ask` looked; a no
/// (the default) saves beside it.
fn save_with_consent(
    destination: &save::Destination,
    text: &str,
    prompter: &mut dyn Prompter,
    lang: Lang,
) -> std::io::Result<PathBuf> {
    let path = shown(destination.path());
    let ask = |id: &str| lang.tr_args(id, &[("path", Arg::Str(&path))]);
    let question = match destination.verdict() {
        Verdict::Free => return destination.create(text),
        Verdict::Replaceable => return destination.replace(text),
        Verdict::NotAFile => return destination.save_beside(text),
        Verdict::Complete => ask("ask-overwrite-complete"),
        Verdict::Appeared => ask("ask-overwrite-appeared"),
        Verdict::Changed => ask("ask-overwrite-changed"),
    };
    let prompt =
        Prompt { message: question, help: lang.tr("ask-overwrite-help"), progress: lang.tr("ask-progress-save") };
    if prompter.yes_no(&prompt, false) == Reply::Answer(true) {
        destination.replace(text)
    } else {
        destination.save_beside(text)
    }
}

/// Says why the answers went beside the save path, when they did.
fn say_why_beside(destination: &save::Destination, path: &Path, io: &mut Io<'_>) -> Result<(), Failure> {
    if path != destination.path() {
        let line = io.lang.tr_args(
            "ask-kept-beside",
            &[("kept", Arg::Str(&shown(destination.path()))), ("path", Arg::Str(&shown(path)))],
        );
        writeln!(io.stderr, "{line}")?;
    }
    Ok(())
}

/// A save that failed (read-only directory, full disk): the descriptor goes
/// to standard output so no answer is lost, and the error says so.
fn keep_unsaved(destination: &save::Destination, text: &str, error: &std::io::Error, io: &mut Io<'_>) -> Failure {
    let printed = io.stdout.write_all(text.as_bytes()).and_then(|()| io.stdout.flush()).is_ok();
    let diagnostic = Diagnostic::without_file(
        Code::IoError,
        Msg::new("ask-cannot-save").arg("path", shown(destination.path())).arg("reason", super::io_reason(error)),
    );
    Failure::Diagnostics(vec![if printed {
        diagnostic.with_help(Msg::new("ask-cannot-save-help"))
    } else {
        diagnostic
    }])
}

/// Passes prompts through and hands every checkpoint to the prompter as the
/// descriptor text to save and where.
struct Checkpointing<'p, 'r> {
    inner: &'p mut dyn Prompter,
    rule_set: &'r RuleSet,
    destination: &'r save::Destination,
    /// The sections kept from the file started from.
    kept: &'r str,
}

impl Prompter for Checkpointing<'_, '_> {
    fn text(&mut self, prompt: &Prompt, default: &str) -> Reply<String> {
        self.inner.text(prompt, default)
    }
    fn yes_no(&mut self, prompt: &Prompt, default: bool) -> Reply<bool> {
        self.inner.yes_no(prompt, default)
    }
    fn integer(&mut self, prompt: &Prompt, default: i64, min: Option<i64>, max: Option<i64>) -> Reply<i64> {
        self.inner.integer(prompt, default, min, max)
    }
    fn choose(&mut self, prompt: &Prompt, options: &[String], default: usize) -> Reply<usize> {
        self.inner.choose(prompt, options, default)
    }
    fn went_back(&mut self) {
        self.inner.went_back();
    }
    fn checkpoint(&mut self, answered: &Draft) {
        self.inner.save_point(self.destination, &(descriptor::to_yaml(self.rule_set, answered) + self.kept));
    }
}

struct Start {
    draft: Draft,
    /// The `cost:` section of the file started from.
    cost: Option<shouldtune::cost::CostSettings>,
    ask_name: bool,
    /// The save path holds the incomplete descriptor being resumed.
    resuming: bool,
}

fn starting_point(
    args: &AskArgs,
    existing: Option<&descriptor::Document>,
    rule_set: &RuleSet,
    io: &mut Io<'_>,
) -> Result<Start, Failure> {
    if let Some(document) = existing {
        let found = descriptor::validate_partial(document, rule_set)?;
        if let Some(from) = &args.from {
            let ids: Vec<&str> = rule_set
                .questions
                .iter()
                .zip(&found.given)
                .filter(|(_, g)| g.is_some())
                .map(|(q, _)| q.id.as_str())
                .collect();
            let ids: Vec<String> = ids.into_iter().map(str::to_owned).collect();
            let listed = if ids.is_empty() { String::new() } else { format!(": {}", io.lang.join(&ids)) };
            let line = io.lang.tr_args(
                "ask-prefilled",
                &[
                    ("answers", Arg::Str(&answers(ids.len(), io.lang))),
                    ("path", Arg::Str(&shown(from))),
                    ("listed", Arg::Str(&listed)),
                ],
            );
            write!(io.stderr, "{}", shouldtune::text::wrap(&shouldtune::text::sanitize(&line), 78, ""))?;
            let cost = found.cost.clone();
            return Ok(Start { draft: draft_of(found), cost, ask_name: false, resuming: false });
        }
        if found.incomplete.is_some() {
            let answered = found.given.iter().filter(|g| g.is_some()).count();
            let line = io.lang.tr_args(
                "ask-resuming",
                &[("path", Arg::Str(&shown(&args.save))), ("answers", Arg::Str(&answers(answered, io.lang)))],
            );
            writeln!(io.stderr, "{line}")?;
            let cost = found.cost.clone();
            return Ok(Start { draft: draft_of(found), cost, ask_name: false, resuming: true });
        }
    }
    let blank = Draft {
        name: default_name(),
        description: None,
        planned: None,
        given: rule_set.questions.iter().map(|_| None).collect(),
        incomplete: false,
    };
    Ok(Start { draft: blank, cost: None, ask_name: true, resuming: false })
}

fn draft_of(found: descriptor::Descriptor) -> Draft {
    Draft {
        name: found.name,
        description: found.description,
        planned: found.planned.map(|p| p.approaches),
        given: found.given,
        incomplete: found.incomplete.is_some(),
    }
}

/// "1 answer", "2 answers".
fn answers(n: usize, lang: Lang) -> String {
    lang.tr_args("ask-answers", &[("count", Arg::Num(i64::try_from(n).unwrap_or(i64::MAX)))])
}

/// The current directory's name: the usual name of the project it holds.
fn default_name() -> String {
    std::env::current_dir()
        .ok()
        // A directory's name can hold anything: shown escaped, never raw.
        .and_then(|dir| dir.file_name().map(|n| shouldtune::text::sanitize(&n.to_string_lossy())))
        .unwrap_or_else(|| "my-llm-project".to_owned())
}

/// How the final screen prices the answers: the tables (with `--pricing`) and
/// the `cost:` section of the file started from, as `evaluate` would.
struct Pricing<'t> {
    tables: &'t [shouldtune::cost::PriceTable],
    settings: Option<shouldtune::cost::CostSettings>,
    /// The file the settings are in, for the location of their errors.
    source: SourceFile,
}

/// Shows the answers and the recommendation as `evaluate` renders it, with
/// the cost line and the derived facts from the same settings and tables.
fn review(rule_set: &RuleSet, draft: &Draft, pricing: &Pricing<'_>, io: &mut Io<'_>) -> Result<(), Failure> {
    let mut given = draft.given.clone();
    given.resize(rule_set.questions.len(), None);
    let defaults = shouldtune::cost::CostSettings::default();
    let settings = pricing.settings.as_ref().unwrap_or(&defaults);
    let estimate =
        shouldtune::facts::estimate_and_derive(rule_set, &mut given, Some(settings), pricing.tables, &pricing.source);
    let evaluation = eval::evaluate(rule_set, eval::Answers::resolve(rule_set, &given));
    let mut notes = Vec::new();
    let estimate = match estimate {
        Ok(mut estimate) => {
            // As in `evaluate`: the age of a table the descriptor chose.
            if let Some(warning) = estimate.check_age(io.today).filter(|_| pricing.settings.is_some()) {
                let heading = shouldtune::diag::Severity::Warning.word(io.lang);
                notes.push(format!("{heading}: {}", warning.render(io.lang)));
            }
            Some(estimate)
        }
        Err(error) => {
            let heading = shouldtune::diag::Severity::Warning.word(io.lang);
            let message = error.in_lang(io.lang).message;
            notes.push(format!("{heading}: {}", io.lang.tr_args("ask-no-cost-line", &[("error", Arg::Str(&message))])));
            None
        }
    };
    notes.push(if pricing.settings.is_some() {
        io.lang.tr_args("ask-costs-from", &[("file", Arg::Str(pricing.source.name()))])
    } else {
        io.lang.tr("ask-costs-default")
    });
    let report = Report::new(rule_set, &draft.name, &evaluation)
        .with_plan(rule_set, draft.planned.as_deref(), &evaluation)
        .with_what_if(rule_set, &given, &evaluation)
        .with_cost(estimate)
        .in_lang(io.lang);
    let mut out = Vec::new();
    writeln!(out, "\n{}", io.lang.tr("ask-your-answers"))?;
    for (question, given) in rule_set.questions.iter().zip(&draft.given) {
        if let Some(value) = given {
            writeln!(out, "  {:<28} {}", question.id, question.display_value(*value))?;
        }
    }
    writeln!(out)?;
    report::table::render_in(&report, &mut out, Style { color: io.stdout_color, width: io.width }, io.lang)?;
    writeln!(out)?;
    for note in &notes {
        let wrapped = shouldtune::text::wrap(&shouldtune::text::sanitize(note), io.width.max(20), "");
        write!(out, "{wrapped}")?;
    }
    writeln!(out)?;
    io.stdout.write_all(&out)?;
    io.stdout.flush()?;
    Ok(())
}

/// Whether `text`, read from `path`, is a descriptor marked `incomplete: true`.
fn is_incomplete_descriptor(path: &Path, text: &str, limits: Limits) -> bool {
    let source = SourceFile::new(shown(path), text.to_owned());
    shouldtune::load::parse_document(&source, limits).is_ok_and(|root| match &root.kind {
        NodeKind::Map(entries) => {
            entries.iter().any(|(k, v)| k.as_str() == Some("incomplete") && v.kind == NodeKind::Bool(true))
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The end of `ask` shows the plan findings `check` would report for the same answers.
    #[test]
    fn the_review_shows_the_plan_findings() {
        let rule_set = shouldtune::rules::load_default().unwrap();
        let mut given: shouldtune::rules::TiVec<_, _> = rule_set.questions.iter().map(|_| None).collect();
        let private = rule_set.question_index("needs_private_knowledge").unwrap();
        given[private] = Some(shouldtune::rules::Value::Bool(true));
        let fine_tuning = rule_set.approach_index("fine_tuning").unwrap();
        let draft = Draft {
            name: "p".to_owned(),
            description: None,
            planned: Some(vec![fine_tuning]),
            given,
            incomplete: false,
        };
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let mut io = Io {
            stdout: &mut stdout,
            stderr: &mut stderr,
            stdin: &mut std::io::empty(),
            stdout_color: false,
            stderr_color: false,
            // Wide enough that no finding wraps: this test is about content.
            width: 200,
            stderr_width: 200,
            prompter: None,
            today: 0,
            lang: shouldtune::i18n::Lang::En,
        };
        let pricing =
            Pricing { tables: shouldtune::facts::embedded_tables(), settings: None, source: SourceFile::new("a", "") };
        review(&rule_set, &draft, &pricing, &mut io).unwrap();
        let text = String::from_utf8_lossy(&stdout);
        assert!(text.contains("Plan: fine_tuning\n"), "{text}");
        assert!(
            text.contains("error[plan-vetoed]: planned `fine_tuning` is ruled out by rule `too-few-examples`"),
            "{text}"
        );
        assert!(text.contains("error[fine-tuning-without-baseline]"), "{text}");
    }
}
