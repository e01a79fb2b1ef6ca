//! `shouldtune init`: a commented descriptor with every question at its default.

use std::fmt::Write as _;

use super::{Exit, Failure, Io, load_rules};
use crate::cli::InitArgs;
use shouldtune::diag::{Code, Diagnostic};
use shouldtune::i18n::{Arg, Lang, Msg};
use shouldtune::load::Limits;
use shouldtune::report::Report;
use shouldtune::rules::{QuestionKind, RuleSet};
use shouldtune::source::SourceFile;
use shouldtune::text;
use shouldtune::{descriptor, eval, save};

pub(super) fn init(args: &InitArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    // Question texts in the chosen language for the comments; ids and values stay as the rules write them.
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?.in_locale(io.lang.code());
    let name = args.name.clone().unwrap_or_else(|| project_name(&args.file));
    let text = init_yaml(rule_sets.base(), &name, &args.rules.rules, io.lang);
    match save::write_atomically(&args.file, &text, args.force) {
        Ok(()) => {
            let path = shouldtune::paths::show(None, &args.file);
            writeln!(io.stdout, "{}", io.lang.tr_args("init-wrote", &[("path", Arg::Str(&path))]))?;
            io.stdout.flush()?;
            Ok(Exit::Ok)
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Err(Failure::Diagnostics(vec![
            Diagnostic::without_file(
                Code::IoError,
                Msg::new("init-exists").arg("path", args.file.display().to_string()),
            )
            .with_help(Msg::new("init-exists-help")),
        ])),
        Err(error) => Err(Failure::Diagnostics(vec![Diagnostic::without_file(
            Code::IoError,
            super::check::cannot_write(&args.file, &error),
        )])),
    }
}

/// The name of the directory the descriptor goes in, as `ask` suggests it.
fn project_name(file: &std::path::Path) -> String {
    let dir = file.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(
        || std::env::current_dir().unwrap_or_default(),
        |p| std::env::current_dir().unwrap_or_default().join(p),
    );
    dir.canonicalize()
        .unwrap_or(dir)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "my-llm-project".to_owned())
}

/// The descriptor `init` writes: every question of `rule_set` as an active
/// line at its default, with the question, its help and its allowed values
/// as comments above it, and the plan the rules recommend for those answers.
#[must_use]
pub fn init_yaml(rule_set: &RuleSet, name: &str, rule_files: &[std::path::PathBuf], lang: Lang) -> String {
    let answers = answers_yaml(rule_set, lang);
    let plan = recommended_plan(rule_set, name, &answers);
    let mut out = String::new();
    // A comment block from one message: each of its lines becomes a `# ` line.
    let comment = |out: &mut String, text: &str| {
        for line in text.lines() {
            let _ = writeln!(out, "# {line}");
        }
    };
    comment(&mut out, &lang.tr("init-header"));
    let _ = writeln!(out, "name: {}", quote(name));
    comment(&mut out, &format!("description: \"{}\"", lang.tr("init-description")));
    let _ = writeln!(out);
    let ids: Vec<String> = rule_set.approaches.iter().map(|a| a.id.clone()).collect();
    comment(&mut out, &lang.tr_args("init-plan", &[("approaches", Arg::Str(&lang.join(&ids)))]));
    match plan.as_slice() {
        [one] => {
            let _ = writeln!(out, "planned_approach: {}", scalar(one));
        }
        many => {
            let _ = writeln!(out, "planned_approach: {}", flow_list(many.iter().map(String::as_str)));
        }
    }
    if !rule_files.is_empty() {
        let files: Vec<String> = rule_files.iter().map(|p| shouldtune::paths::show(None, p)).collect();
        let _ = writeln!(out);
        comment(&mut out, &lang.tr_args("init-overlays", &[("flags", Arg::Str(&files.join(" --rules ")))]));
        let _ = writeln!(out, "# rules: [{}]", files.join(", "));
    }
    let _ = writeln!(out);
    out.push_str(&answers);
    out
}

fn answers_yaml(rule_set: &RuleSet, lang: Lang) -> String {
    let mut out = String::from("answers:\n");
    // Derived facts are computed by the cost model, never written by hand.
    for (index, question) in rule_set.questions.iter().filter(|q| q.derived.is_none()).enumerate() {
        if index > 0 {
            out.push('\n');
        }
        out.push_str(&text::wrap(&one_line(&question.text), 76, "  # "));
        if !question.help.trim().is_empty() {
            out.push_str(&text::wrap(&one_line(&question.help), 76, "  #   "));
        }
        let (min, max) = match &question.kind {
            QuestionKind::Integer { min, max } => (min.map(|n| n.to_string()), max.map(|n| n.to_string())),
            _ => (None, None),
        };
        let allowed = match (&question.kind, min, max) {
            (QuestionKind::Boolean, ..) => lang.tr("init-allowed-bool"),
            (QuestionKind::Integer { .. }, Some(min), Some(max)) => {
                lang.tr_args("init-allowed-between", &[("min", Arg::Str(&min)), ("max", Arg::Str(&max))])
            }
            (QuestionKind::Integer { .. }, Some(min), None) => {
                lang.tr_args("init-allowed-at-least", &[("min", Arg::Str(&min))])
            }
            (QuestionKind::Integer { .. }, None, Some(max)) => {
                lang.tr_args("init-allowed-at-most", &[("max", Arg::Str(&max))])
            }
            (QuestionKind::Integer { .. }, None, None) => lang.tr("init-allowed-int"),
            (QuestionKind::Choice { values }, ..) => {
                let values: Vec<String> = values.iter().map(ToString::to_string).collect();
                lang.tr_args("init-allowed-choice", &[("values", Arg::Str(&lang.join(&values)))])
            }
        };
        let mut note = lang.tr_args("init-allowed", &[("allowed", Arg::Str(&allowed))]);
        if let Some(condition) = &question.ask_when {
            let condition = format!("`{}`", one_line(&condition.text));
            let read_when = lang.tr_args("init-read-when", &[("condition", Arg::Str(&condition))]);
            let _ = write!(note, "{}{read_when}", if lang == Lang::Ja { "" } else { " " });
        }
        out.push_str(&text::wrap(&note, 76, "  #   "));
        let _ = writeln!(out, "  {}: {}", scalar(&question.id), answer(question, question.default));
    }
    out
}

/// The plan the rules recommend for `answers` (every question answered).
fn recommended_plan(rule_set: &RuleSet, name: &str, answers: &str) -> Vec<String> {
    let fallback = || vec![rule_set.approaches.first().map(|a| a.id.clone()).unwrap_or_default()];
    let text = format!("name: {}\n{answers}", quote(name));
    let source = SourceFile::new("llm-project.yaml", text);
    let Ok(document) = descriptor::Document::parse(&source, Limits::default()) else { return fallback() };
    let Ok(project) = descriptor::validate(&document, rule_set) else { return fallback() };
    let evaluation = eval::evaluate(rule_set, project.answers(rule_set));
    Report::new(rule_set, &project.name, &evaluation).recommended_plan().into_iter().map(str::to_owned).collect()
}

use shouldtune::descriptor::{one_line, quote};
use shouldtune::load::write::{flow_list, scalar};
use shouldtune::rules::emit::answer;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_an_active_line_under_its_comments() {
        let rule_set = shouldtune::rules::load_default().unwrap();
        let text = init_yaml(&rule_set, "Demo: \"quoted\"", &[], Lang::En);
        for question in &rule_set.questions {
            let line = format!("  {}: {}\n", scalar(&question.id), answer(question, question.default));
            if question.derived.is_some() {
                assert!(!text.contains(&format!("  {}:", question.id)), "a derived fact is never written: {text}");
                continue;
            }
            let at = text.find(&line).unwrap_or_else(|| panic!("{line} missing from\n{text}"));
            let before = text[..at].lines().last().unwrap();
            assert!(before.starts_with("  #"), "a comment right above `{}`: {before}", question.id);
        }
        assert!(text.contains("name: \"Demo: \\\"quoted\\\"\""), "{text}");
    }

    /// Ids and choice values the YAML resolver would read as null or a boolean are quoted, so the file loads.
    #[test]
    fn a_descriptor_for_tricky_ids_and_values_loads() {
        let rules = "approaches:\n  - { id: 'null', title: A }\n  - { id: 'on', title: B }\nquestions:\n  - { id: 'true', text: T?, type: choice, values: ['null', 'yes'], default: 'null' }\n  - { id: flag, text: F?, type: boolean, default: false }\nrules:\n  - { id: r, title: R, when: \"not flag\", effects: { 'null': 1 }, because: x, source: memo }\n";
        let rule_set = shouldtune::rules::load(&[SourceFile::new("r.yaml", rules)], Limits::default()).unwrap();
        let text = init_yaml(&rule_set, "Demo", &[], Lang::En);
        assert!(text.contains("planned_approach: \"null\"\n"), "{text}");
        assert!(text.contains("  \"true\": \"null\"\n"), "{text}");
        let project =
            descriptor::parse(&SourceFile::new("llm-project.yaml", text.clone()), &rule_set, Limits::default())
                .unwrap_or_else(|d| panic!("{d:?}\n{text}"));
        assert_eq!(project.planned.map(|p| p.approaches), Some(vec![shouldtune::rules::ApproachId::from(0)]));
        assert_eq!(project.given[shouldtune::rules::QuestionId::from(0)], Some(shouldtune::rules::Value::Choice(0)));
    }
}
