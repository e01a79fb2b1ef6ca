//! `rules test`: unit tests for rule sets, as data.
//!
//! ```yaml
//! cases:
//!   - name: ticket triage
//!     answers: { task_type: classification, examples_available: 20000 }
//!     expect:
//!       recommendation: fine_tuning      # required
//!       combine_with: [rag]              # exact list, in order (optional)
//!       vetoed: [prompt_engineering]     # exact set (optional)
//!       fired: [teach-a-task]            # each must fire (optional)
//!       not_fired: [quick-results-needed]  # none may fire (optional)
//!       next_steps: ["Build and measure"]  # each must start some next step (optional)
//! ```

use std::fmt::Write as _;
use std::io::Write;

use crate::descriptor::read_answers;
use crate::diag::{Diagnostic, codes};
use crate::eval::{Answers, Evaluation, evaluate};
use crate::load::{Limits, MapReader, Node, Sink, expect_seq, expect_str, parse_document};
use crate::report::text::sanitize;
use crate::rules::RuleSet;
use crate::source::SourceFile;

/// The tests shipped with the default rule set.
pub const DEFAULT_TESTS: &[(&str, &str)] =
    &[("rules/tests/scenarios.yaml", include_str!("../rules/tests/scenarios.yaml"))];

/// One test case, checked against the rule set.
#[derive(Debug, Clone)]
pub struct Case {
    /// `file::name`.
    pub name: String,
    /// One slot per question.
    pub given: Vec<Option<crate::rules::Value>>,
    /// What must hold.
    pub expect: Expectation,
}

/// What a case expects, by id.
#[derive(Debug, Clone, Default)]
pub struct Expectation {
    /// The recommended approach.
    pub recommendation: String,
    /// The approaches to combine with, in order.
    pub combine_with: Option<Vec<String>>,
    /// The vetoed approaches, as a set.
    pub vetoed: Option<Vec<String>>,
    /// Rules that must fire.
    pub fired: Vec<String>,
    /// Rules that must not fire.
    pub not_fired: Vec<String>,
    /// Prefixes of next steps that must appear.
    pub next_steps: Vec<String>,
}

const FILE_KEYS: &[&str] = &["cases"];
const CASE_KEYS: &[&str] = &["name", "answers", "expect"];
const EXPECT_KEYS: &[&str] = &["recommendation", "combine_with", "vetoed", "fired", "not_fired", "next_steps"];

/// Reads a test file; ids in expectations are checked against `rule_set`.
pub fn load(source: &SourceFile, rule_set: &RuleSet, limits: Limits) -> Result<Vec<Case>, Vec<Diagnostic>> {
    let root = parse_document(source, limits).map_err(|d| vec![*d])?;
    let mut sink = Sink::new(source);
    let mut cases = Vec::new();
    if let Some(top) = MapReader::new(&mut sink, &root, "a rule test file", FILE_KEYS)
        && let Some(items) =
            top.require(&mut sink, "cases", "a rule test file").and_then(|n| expect_seq(&mut sink, n, "`cases`"))
    {
        for item in items {
            if let Some(case) = read_case(&mut sink, item, rule_set) {
                cases.push(case);
            }
        }
    }
    if sink.has_errors() { Err(sink.diagnostics) } else { Ok(cases) }
}

fn read_case(sink: &mut Sink<'_>, node: &Node, rule_set: &RuleSet) -> Option<Case> {
    let map = MapReader::new(sink, node, "a test case", CASE_KEYS)?;
    let name = map.require(sink, "name", "a test case").and_then(|n| expect_str(sink, n, "`name`"))?.to_owned();
    let count = rule_set.questions.len();
    let (mut given, mut spans) = (vec![None; count], vec![None; count]);
    if let Some(answers) = map.get("answers") {
        read_answers(sink, answers, rule_set, &mut given, &mut spans)?;
    }
    let expect_node = map.require(sink, "expect", "a test case")?;
    let expect = MapReader::new(sink, expect_node, "`expect`", EXPECT_KEYS)?;
    let approach_ids: Vec<&str> = rule_set.approaches.iter().map(|a| a.id.as_str()).collect();
    let rule_ids: Vec<&str> = rule_set.rules.iter().map(|r| r.id.as_str()).collect();
    let recommendation = expect
        .require(sink, "recommendation", "`expect`")
        .and_then(|n| read_known(sink, n, &approach_ids, "approach"))?;
    let list = |sink: &mut Sink<'_>, key: &str, known: &[&str], what: &str| -> Option<Vec<String>> {
        let node = expect.get(key)?;
        let items = expect_seq(sink, node, &format!("`{key}`"))?;
        Some(items.iter().filter_map(|item| read_known(sink, item, known, what)).collect())
    };
    let next_steps = expect
        .get("next_steps")
        .and_then(|n| expect_seq(sink, n, "`next_steps`"))
        .map(|items| items.iter().filter_map(|i| expect_str(sink, i, "a next step").map(str::to_owned)).collect())
        .unwrap_or_default();
    Some(Case {
        name,
        given,
        expect: Expectation {
            recommendation,
            combine_with: list(sink, "combine_with", &approach_ids, "approach"),
            vetoed: list(sink, "vetoed", &approach_ids, "approach"),
            fired: list(sink, "fired", &rule_ids, "rule").unwrap_or_default(),
            not_fired: list(sink, "not_fired", &rule_ids, "rule").unwrap_or_default(),
            next_steps,
        },
    })
}

fn read_known(sink: &mut Sink<'_>, node: &Node, known: &[&str], what: &str) -> Option<String> {
    let text = expect_str(sink, node, &format!("an {what} id"))?;
    if known.contains(&text) {
        return Some(text.to_owned());
    }
    let help = crate::load::did_you_mean(text, known.iter().copied())
        .map_or_else(|| format!("expected one of {}", known.join(", ")), |s| format!("did you mean `{s}`?"));
    sink.error(codes::UNKNOWN_KEY, format!("unknown {what} `{text}`"), node.span).help = Some(help);
    None
}

/// Why a case failed, one line each; empty when it passed.
#[must_use]
pub fn check(rule_set: &RuleSet, case: &Case) -> (Evaluation, Vec<String>) {
    let evaluation = evaluate(rule_set, Answers::resolve(rule_set, &case.given));
    let approach = |i: usize| rule_set.approaches[i].id.clone();
    let fired: Vec<&str> = evaluation.fired.iter().map(|&r| rule_set.rules[r].id.as_str()).collect();
    let mut failures = Vec::new();
    let actual = approach(evaluation.recommendation);
    if actual != case.expect.recommendation {
        failures.push(format!("recommendation: expected `{}`, got `{actual}`", case.expect.recommendation));
    }
    if let Some(expected) = &case.expect.combine_with {
        let actual: Vec<String> = evaluation.combine_with.iter().map(|c| approach(c.approach)).collect();
        if &actual != expected {
            failures.push(format!("combine_with: expected {expected:?}, got {actual:?}"));
        }
    }
    if let Some(expected) = &case.expect.vetoed {
        let mut actual: Vec<String> = evaluation.vetoes.iter().map(|v| approach(v.approach)).collect();
        let mut expected = expected.clone();
        actual.sort();
        expected.sort();
        if actual != expected {
            failures.push(format!("vetoed: expected {expected:?}, got {actual:?}"));
        }
    }
    for rule in &case.expect.fired {
        if !fired.contains(&rule.as_str()) {
            failures.push(format!("rule `{rule}` was expected to fire and did not"));
        }
    }
    for rule in &case.expect.not_fired {
        if fired.contains(&rule.as_str()) {
            failures.push(format!("rule `{rule}` fired and was expected not to"));
        }
    }
    let steps: Vec<&str> =
        evaluation.next_steps.iter().filter_map(|&r| rule_set.rules[r].next_step.as_deref()).collect();
    for step in &case.expect.next_steps {
        if !steps.iter().any(|s| s.starts_with(step.as_str())) {
            failures.push(format!("no next step starts with {step:?}"));
        }
    }
    (evaluation, failures)
}

/// Runs every case and writes a `cargo test`-style report; returns (passed, failed).
pub fn run(rule_set: &RuleSet, cases: &[Case], out: &mut dyn Write) -> std::io::Result<(usize, usize)> {
    writeln!(out, "\nrunning {} test{}", cases.len(), if cases.len() == 1 { "" } else { "s" })?;
    let mut failed_reports = String::new();
    let mut failed_names = Vec::new();
    for case in cases {
        let (evaluation, failures) = check(rule_set, case);
        let name = sanitize(&case.name);
        if failures.is_empty() {
            writeln!(out, "test {name} ... ok")?;
            continue;
        }
        writeln!(out, "test {name} ... FAILED")?;
        failed_names.push(name.clone());
        let _ = writeln!(failed_reports, "\n---- {name} ----");
        for failure in &failures {
            let _ = writeln!(failed_reports, "  {}", sanitize(failure));
        }
        let _ = writeln!(failed_reports, "  scores:");
        for &a in &evaluation.ranking {
            let vetoed = if evaluation.is_vetoed(a) { " (vetoed)" } else { "" };
            let _ =
                writeln!(failed_reports, "    {:<22} {:>4}{vetoed}", rule_set.approaches[a].id, evaluation.scores[a]);
        }
        let fired: Vec<&str> = evaluation.fired.iter().map(|&r| rule_set.rules[r].id.as_str()).collect();
        let _ = writeln!(failed_reports, "  fired: {}", fired.join(", "));
    }
    let failed = failed_names.len();
    let passed = cases.len() - failed;
    if failed > 0 {
        write!(out, "\nfailures:\n{failed_reports}\nfailures:\n")?;
        for name in &failed_names {
            writeln!(out, "    {name}")?;
        }
    }
    writeln!(out, "\ntest result: {}. {passed} passed, {failed} failed", if failed == 0 { "ok" } else { "FAILED" })?;
    Ok((passed, failed))
}

#[cfg(test)]
mod tests;
