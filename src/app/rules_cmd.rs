//! `shouldtune rules check|test|show`.

use std::path::PathBuf;

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Style as TableStyle, Width};

use super::{Exit, Failure, Io, load_rules};
use crate::cli::{DenyLevel, RulesCheckArgs, RulesCommand, RulesShowArgs, RulesTestArgs, ShowFormat};
use shouldtune::diag::{Code, Diagnostic};
use shouldtune::i18n::{Arg, Msg};
use shouldtune::load::Limits;
use shouldtune::rules::{emit, lint};
use shouldtune::source::SourceFile;
use shouldtune::{input, ruletest};

pub(super) fn rules(command: &RulesCommand, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    match command {
        RulesCommand::Check(args) => check(args, limits, io),
        RulesCommand::Test(args) => test(args, limits, io),
        RulesCommand::Show(args) => show(args, limits, io),
    }
}

fn check(args: &RulesCheckArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?;
    let rule_set = rule_sets.base();
    let warnings = lint::lint(rule_set);
    io.report(&warnings)?;
    let count = |n: usize| Arg::Num(i64::try_from(n).unwrap_or(i64::MAX));
    let summary = io.lang.tr_args(
        "rules-check-summary",
        &[
            ("approaches", count(rule_set.approaches.len())),
            ("questions", count(rule_set.questions.len())),
            ("rules", count(rule_set.rules.len())),
            ("warnings", count(warnings.len())),
        ],
    );
    writeln!(io.stdout, "{summary}")?;
    Ok(if !warnings.is_empty() && args.deny.contains(&DenyLevel::Warnings) { Exit::Findings } else { Exit::Ok })
}

fn test(args: &RulesTestArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?;
    let rule_set = rule_sets.base();
    let sources: Vec<SourceFile> = if args.paths.is_empty() {
        ruletest::DEFAULT_TESTS.iter().map(|(name, text)| SourceFile::new(*name, *text)).collect()
    } else {
        let mut sources = Vec::new();
        for path in expand(&args.paths)? {
            sources.push(input::read_source(&path, io.stdin, limits)?);
        }
        sources
    };
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for source in &sources {
        match ruletest::load(source, rule_set, limits) {
            Ok(found) => cases.extend(found.into_iter().map(|mut case| {
                case.name = format!("{}::{}", source.name(), case.name);
                case
            })),
            Err(mut d) => problems.append(&mut d),
        }
    }
    if cases.is_empty() && !problems.is_empty() {
        return Err(Failure::Diagnostics(problems));
    }
    let failed = ruletest::run_in(rule_set, &cases, io.stdout, io.lang)?.failed;
    if !problems.is_empty() {
        return Err(Failure::Diagnostics(problems));
    }
    Ok(if failed > 0 { Exit::Findings } else { Exit::Ok })
}

/// Test files: files as given, and the `*.yaml` files of directories, sorted.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| {
                Failure::Diagnostics(vec![Diagnostic::without_file(
                    Code::IoError,
                    Msg::new("read-failed").arg("name", path.display().to_string()).arg("reason", super::io_reason(&e)),
                )])
            })?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn show(args: &RulesShowArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?;
    // The table shows the texts in the chosen language; YAML stays the rule file's own (English) text.
    let rule_sets = if args.format == ShowFormat::Table { rule_sets.in_locale(io.lang.code()) } else { rule_sets };
    let rule_set = rule_sets.base();
    let lang = io.lang;
    let id = |a: shouldtune::rules::ApproachId| Arg::Str(rule_set.approaches[a].id.as_str());
    match args.format {
        ShowFormat::Yaml => io.stdout.write_all(emit::to_yaml(rule_set).as_bytes())?,
        ShowFormat::Table => {
            let mut rows = Vec::with_capacity(rule_set.rules.len());
            for rule in &rule_set.rules {
                let mut effects: Vec<String> =
                    rule.effects.iter().map(|&(a, w)| format!("{} {w:+}", rule_set.approaches[a].id)).collect();
                effects.extend(rule.veto.iter().map(|&a| lang.tr_args("rules-show-vetoed", &[("approach", id(a))])));
                effects
                    .extend(rule.combine_with.iter().map(|&a| lang.tr_args("rules-show-with", &[("approach", id(a))])));
                if !rule.when_recommended.is_empty() {
                    let ids: Vec<&str> =
                        rule.when_recommended.iter().map(|&a| rule_set.approaches[a].id.as_str()).collect();
                    effects.push(lang.tr_args("rules-show-advice-when", &[("approaches", Arg::Str(&ids.join("/")))]));
                }
                rows.push([rule.id.clone(), rule.when.text.clone(), effects.join("\n"), rule.source.clone()]);
            }
            let mut builder = Builder::default();
            let headings =
                ["rules-show-col-rule", "rules-show-col-when", "rules-show-col-effects", "rules-show-col-source"];
            builder.push_record(headings.map(|h| lang.tr(h)));
            for row in &rows {
                builder.push_record(row.clone());
            }
            let mut table = builder.build();
            table
                .with(TableStyle::rounded())
                .modify(Columns::one(1), Width::wrap(48).keep_words(true))
                .modify(Columns::one(3), Width::wrap(32).keep_words(true));
            if table.total_width() <= io.width {
                writeln!(io.stdout, "{table}")?;
            } else {
                // Too wide for the terminal: one block per rule reads better than a squeezed table.
                let width = io.width.max(40);
                let mut out = String::new();
                let [_, when_label, effects_label, source_label] = headings.map(|h| lang.tr(h));
                for [id, when, effects, source] in &rows {
                    out.push_str(id);
                    out.push('\n');
                    let effects = lang.join(&effects.split('\n').map(str::to_owned).collect::<Vec<_>>());
                    for (label, value) in [(&when_label, when), (&effects_label, &effects), (&source_label, source)] {
                        let text = shouldtune::text::wrap(&format!("{label}: {value}"), width - 4, "    ");
                        out.push_str("  ");
                        out.push_str(text.trim_start());
                    }
                }
                io.stdout.write_all(out.as_bytes())?;
            }
        }
    }
    Ok(Exit::Ok)
}
