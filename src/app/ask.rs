//! `shouldtune ask`: the questionnaire, its review and its save.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Exit, Failure, Io, load_pricing, load_rules};
use crate::cli::AskArgs;
use shouldtune::descriptor::{self, Draft};
use shouldtune::diag::{Code, Diagnostic};
use shouldtune::load::{Limits, NodeKind};
use shouldtune::questionnaire::{self, Finish, Prompt, Prompter, Reply};
use shouldtune::report::{self, Report, Style};
use shouldtune::rules::RuleSet;
use shouldtune::source::SourceFile;
use shouldtune::{eval, input, save};

pub(super) fn ask(args: &AskArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let Some(prompter) = io.prompter.take() else {
        return Err(Failure::Diagnostics(vec![
            Diagnostic::without_file(Code::IoError, "`ask` needs a terminal on standard input, and there is none")
                .with_help(
                    "to evaluate a descriptor without prompts run `shouldtune evaluate FILE`; in CI run `shouldtune check`",
                ),
        ]));
    };
    // Questions and reasons in the chosen language; the saved descriptor uses the same ids.
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?.in_locale(io.lang.code());
    // The descriptor to start from (`--from`, or an existing save file), read
    // once with the usual limits; it may name its own rule overlay.
    let existing_path = args.from.as_ref().or_else(|| args.save.exists().then_some(&args.save));
    let existing = match existing_path {
        Some(path) => Some(descriptor::Document::parse(&input::read_source(path, io.stdin, limits)?, limits)?),
        None => None,
    };
    let rule_set = match (existing_path, &existing) {
        (Some(path), Some(document)) => rule_sets.for_descriptor(path, document)?,
        _ => std::sync::Arc::clone(rule_sets.base()),
    };
    let tables = load_pricing(&args.pricing, limits, io.stdin)?;
    let start = starting_point(args, existing.as_ref(), &rule_set, io)?;
    // What the questions do not cover (`cost:`, `rules:`) is kept from the file started from.
    let kept = existing.as_ref().map(descriptor::kept_sections).unwrap_or_default();
    let pricing = Pricing {
        tables: &tables,
        settings: start.cost.clone(),
        source: existing.as_ref().map_or_else(|| SourceFile::new("answers", ""), |d| d.source.clone()),
    };
    // Where answers go if the questionnaire is cut short (Ctrl-C here, or a
    // closed terminal, which the binary handles through `Checkpoint`).
    let interrupted_path = if !args.save.exists() || start.resuming || is_incomplete_descriptor(&args.save, limits) {
        args.save.clone()
    } else {
        free_name_beside(&args.save)
    };
    let mut checkpointing =
        Checkpointing { inner: prompter, rule_set: &rule_set, path: &interrupted_path, kept: &kept };
    match questionnaire::run(&rule_set, start.draft, start.ask_name, &mut checkpointing) {
        Finish::Interrupted(draft) => {
            let answered = draft.given.iter().filter(|g| g.is_some()).count();
            let untouched = answered == 0 && draft.planned.is_none() && draft.name == default_name();
            if untouched && !start.resuming && args.from.is_none() {
                writeln!(io.stderr, "\ninterrupted before any answer: nothing saved")?;
                return Ok(Exit::Interrupted);
            }
            let text = descriptor::to_yaml(&rule_set, &draft) + &kept;
            let path = write_without_clobbering(&interrupted_path, &text, true, limits, None)?;
            writeln!(
                io.stderr,
                "\ninterrupted: {} saved to `{}`, marked incomplete\nresume with: shouldtune ask --save {}",
                answers(answered),
                path.display(),
                path.display()
            )?;
            Ok(Exit::Interrupted)
        }
        Finish::Completed(draft) => {
            review(&rule_set, &draft, &pricing, io)?;
            let save_prompt = Prompt {
                message: format!("Save to {}?", args.save.display()),
                help: "Enter saves · n discards".to_owned(),
                progress: "save".to_owned(),
            };
            // Ctrl-C here still saves: nothing typed is lost.
            if prompter.yes_no(&save_prompt, true) == Reply::Answer(false) {
                writeln!(io.stderr, "not saved")?;
                return Ok(Exit::Ok);
            }
            let text = descriptor::to_yaml(&rule_set, &draft) + &kept;
            let path = write_without_clobbering(&args.save, &text, start.resuming, limits, Some(prompter))?;
            writeln!(io.stderr, "saved `{}`; check it with: shouldtune check {}", path.display(), path.display())?;
            Ok(Exit::Ok)
        }
    }
}

/// Passes prompts through and hands every checkpoint to the prompter as the
/// descriptor text to save and where.
struct Checkpointing<'p, 'r> {
    inner: &'p mut dyn Prompter,
    rule_set: &'r RuleSet,
    path: &'r Path,
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
        self.inner.save_point(self.path, &(descriptor::to_yaml(self.rule_set, answered) + self.kept));
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
        let found = descriptor::check_partial(document, rule_set)?;
        if let Some(from) = &args.from {
            let ids: Vec<&str> = rule_set
                .questions
                .iter()
                .zip(&found.given)
                .filter(|(_, g)| g.is_some())
                .map(|(q, _)| q.id.as_str())
                .collect();
            let listed = if ids.is_empty() { String::new() } else { format!(": {}", ids.join(", ")) };
            let line = format!("pre-filled {} from `{}`{listed}", answers(ids.len()), from.display());
            write!(
                io.stderr,
                "{}",
                shouldtune::report::text::wrap(&shouldtune::report::text::sanitize(&line), 78, "")
            )?;
            let cost = found.cost.clone();
            return Ok(Start { draft: draft_of(found), cost, ask_name: false, resuming: false });
        }
        if found.incomplete.is_some() {
            let answered = found.given.iter().filter(|g| g.is_some()).count();
            writeln!(io.stderr, "resuming `{}` ({} so far)", args.save.display(), answers(answered))?;
            let cost = found.cost.clone();
            return Ok(Start { draft: draft_of(found), cost, ask_name: false, resuming: true });
        }
    }
    let blank = Draft {
        name: default_name(),
        description: None,
        planned: None,
        given: vec![None; rule_set.questions.len()],
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
fn answers(n: usize) -> String {
    format!("{n} answer{}", if n == 1 { "" } else { "s" })
}

/// The current directory's name: the usual name of the project it holds.
fn default_name() -> String {
    std::env::current_dir()
        .ok()
        .and_then(|dir| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
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
                notes.push(format!("warning: {warning}"));
            }
            Some(estimate)
        }
        Err(error) => {
            notes.push(format!("warning: no cost line: {}", error.message));
            None
        }
    };
    notes.push(if pricing.settings.is_some() {
        format!("Costs use the `cost:` section of `{}` (see docs/costs.md).", pricing.source.name())
    } else {
        "Costs use the default price table and model; to price another table, model or deployment, add a `cost:` section to the saved file (see docs/costs.md).".to_owned()
    });
    let report = Report::new(rule_set, &draft.name, &evaluation)
        .with_plan(rule_set, draft.planned.as_deref(), &evaluation)
        .with_what_if(rule_set, &given, &evaluation)
        .with_cost(estimate);
    let mut out = Vec::new();
    writeln!(out, "\nYour answers")?;
    for (question, given) in rule_set.questions.iter().zip(&draft.given) {
        if let Some(value) = given {
            writeln!(out, "  {:<28} {}", question.id, question.display_value(*value))?;
        }
    }
    writeln!(out)?;
    report::table::render_in(&report, &mut out, Style { color: io.stdout_color, width: io.width }, io.lang)?;
    writeln!(out)?;
    for note in &notes {
        let wrapped = report::text::wrap(&report::text::sanitize(note), io.width.max(20), "");
        write!(out, "{wrapped}")?;
    }
    writeln!(out)?;
    io.stdout.write_all(&out)?;
    io.stdout.flush()?;
    Ok(())
}

/// Saves `text` at `path` unless that would replace a complete descriptor
/// without consent; then it asks (when it can) and otherwise picks a free
/// name beside it. Returns where the text went.
fn write_without_clobbering(
    path: &Path,
    text: &str,
    may_replace: bool,
    limits: Limits,
    prompter: Option<&mut dyn Prompter>,
) -> Result<PathBuf, Failure> {
    let replace = if !path.exists() || may_replace || is_incomplete_descriptor(path, limits) {
        true
    } else if let Some(prompter) = prompter {
        let prompt = Prompt {
            message: format!("{} already exists and is complete. Overwrite it?", path.display()),
            help: "Enter keeps it and saves beside it · y overwrites".to_owned(),
            progress: "save".to_owned(),
        };
        prompter.yes_no(&prompt, false) == Reply::Answer(true)
    } else {
        false
    };
    let target = if replace { path.to_path_buf() } else { free_name_beside(path) };
    save::write_atomically(&target, text, replace).map_err(|e| {
        Failure::Diagnostics(vec![Diagnostic::without_file(
            Code::IoError,
            format!("cannot write `{}`: {e}", target.display()),
        )])
    })?;
    Ok(target)
}

fn is_incomplete_descriptor(path: &Path, limits: Limits) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else { return false };
    let source = SourceFile::new(path.display().to_string(), text);
    shouldtune::load::parse_document(&source, limits).is_ok_and(|root| match &root.kind {
        NodeKind::Map(entries) => {
            entries.iter().any(|(k, v)| k.as_str() == Some("incomplete") && v.kind == NodeKind::Bool(true))
        }
        _ => false,
    })
}

/// `name.new.yaml`, `name.new-2.yaml`, ...: the first that does not exist.
fn free_name_beside(path: &Path) -> PathBuf {
    let stem = path.file_stem().map_or_else(|| "llm-project".into(), |s| s.to_string_lossy().into_owned());
    let ext = path.extension().map_or_else(|| "yaml".into(), |e| e.to_string_lossy().into_owned());
    let dir = path.parent().unwrap_or(Path::new(""));
    (1..10_000)
        .map(|n| {
            let suffix = if n == 1 { "new".to_owned() } else { format!("new-{n}") };
            dir.join(format!("{stem}.{suffix}.{ext}"))
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}.new.{ext}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The end of `ask` shows the plan findings `check` would report for the same answers.
    #[test]
    fn the_review_shows_the_plan_findings() {
        let rule_set = shouldtune::rules::load_default().unwrap();
        let mut given = vec![None; rule_set.questions.len()];
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
