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
//!
//! A **casebook** file documents real decisions. It says which part of the
//! casebook it belongs to (`split: tuned` or `split: held_out`: the held-out
//! part is never used to tune rules), and each case names its public source,
//! the reasoning the source gives, and the answers that had to be assumed.
//! A case the rules still get wrong carries `known_miss: <why>`: it is scored
//! as a miss but does not fail the run, so the score stays honest and a case
//! that passed and starts failing still fails CI.
//!
//! ```yaml
//! split: held_out
//! cases:
//!   - name: support-bot
//!     source: { title: "...", publisher: "...", url: "https://...", date: "2024-03" }
//!     reasoning: answers must cite the current help-centre articles
//!     assumed: [deadline_weeks]
//!     known_miss: the rules cannot tell a demo from production   # optional
//!     answers: { task_type: qa, knowledge_freshness: weekly }
//!     expect: { recommendation: rag }
//! ```

use std::fmt::Write as _;
use std::io::Write;

use crate::descriptor::read_answers;
use crate::diag::{Code, Diagnostic};
use crate::eval::{Answers, Evaluation, evaluate};
use crate::i18n::{Arg, Lang, Msg};
use crate::load::What;
use crate::load::{Entry, Limits, Node, Required, Sink, expect_seq, expect_str, parse_document, report_missing_key};
use crate::rules::{ApproachId, QuestionId, RuleSet, TiVec};
use crate::source::SourceFile;
use crate::text::sanitize;

pub(crate) mod format;

/// The tests shipped with the default rule set.
pub const DEFAULT_TESTS: &[(&str, &str)] = &[
    ("rules/tests/scenarios.yaml", include_str!("../rules/tests/scenarios.yaml")),
    ("rules/tests/casebook.yaml", include_str!("../rules/tests/casebook.yaml")),
    ("rules/tests/casebook-held-out.yaml", include_str!("../rules/tests/casebook-held-out.yaml")),
];

/// Which part of the casebook a file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Cases the rules may be tuned on.
    Tuned,
    /// Cases set aside before the rules were changed, never tuned on.
    HeldOut,
}

impl Split {
    /// The selector of the Fluent message `ruletest-split`.
    fn label(self) -> &'static str {
        match self {
            Split::Tuned => "tuned",
            Split::HeldOut => "held-out",
        }
    }
}

/// Where a documented case comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseSource {
    /// The page's or paper's title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where to read it.
    pub url: String,
    /// When it was published, as precisely as it says.
    pub date: String,
}

/// One test case, checked against the rule set.
#[derive(Debug, Clone)]
pub struct Case {
    /// `file::name`.
    pub name: String,
    /// One slot per question.
    pub given: TiVec<QuestionId, Option<crate::rules::Value>>,
    /// What must hold.
    pub expect: Expectation,
    /// The casebook part of the file the case came from, if it is a casebook file.
    pub split: Option<Split>,
    /// The public source of a documented decision.
    pub source: Option<CaseSource>,
    /// Why the rules still get this case wrong; it is scored as a miss but does not fail the run.
    pub known_miss: Option<String>,
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

/// Reads a test file; ids in expectations are checked against `rule_set`.
pub fn load(source: &SourceFile, rule_set: &RuleSet, limits: Limits) -> Result<Vec<Case>, Vec<Diagnostic>> {
    let root = parse_document(source, limits).map_err(|d| vec![*d])?;
    let mut sink = Sink::new(source);
    let mut cases = Vec::new();
    if let Some(file) = format::File::read(&mut sink, &root, What::RuleTestFile) {
        let split = file.split.and_then(|e| read_split(&mut sink, e.value));
        if let Some(items) =
            file.cases.require(&mut sink, What::RuleTestFile).and_then(|n| expect_seq(&mut sink, n, What::Key("cases")))
        {
            for item in items {
                if let Some(mut case) = read_case(&mut sink, item, rule_set, split.is_some()) {
                    case.split = split;
                    cases.push(case);
                }
            }
        }
    }
    if sink.has_errors() { Err(sink.diagnostics) } else { Ok(cases) }
}

fn read_split(sink: &mut Sink<'_>, node: &Node) -> Option<Split> {
    let name = expect_str(sink, node, What::Key("split"))?;
    if let Some((_, split)) = format::Split::ALL.iter().find(|(n, _)| *n == name) {
        return Some(*split);
    }
    sink.error(Code::UnknownChoice, Msg::new("ruletest-unknown-split").arg("name", name), node.span).set_help(
        Msg::new("expected-one-of").arg("list", crate::load::quoted(format::Split::ALL.iter().map(|(n, _)| *n))),
    );
    None
}

/// A case's source: required in casebook files, where every case documents a real decision.
/// `Err` when it is missing there or malformed (the problem is in `sink`).
fn read_source(sink: &mut Sink<'_>, case: &format::Case<'_>, casebook: bool) -> Result<Option<CaseSource>, ()> {
    let Some(entry) = case.source else {
        if casebook {
            report_missing_key(sink, "source", What::CasebookCase, case.span);
            return Err(());
        }
        return Ok(None);
    };
    let fields = format::CaseSource::read(sink, entry.value, What::Key("source")).ok_or(())?;
    let mut field = |required: &Required<'_, String>, key: &'static str| -> Option<String> {
        required.require(sink, What::Key("source")).and_then(|n| expect_str(sink, n, What::Key(key))).map(str::to_owned)
    };
    let title = field(&fields.title, "title");
    let publisher = field(&fields.publisher, "publisher");
    let url = field(&fields.url, "url");
    let date = field(&fields.date, "date");
    match (title, publisher, url, date) {
        (Some(title), Some(publisher), Some(url), Some(date)) => Ok(Some(CaseSource { title, publisher, url, date })),
        _ => Err(()),
    }
}

fn read_case(sink: &mut Sink<'_>, node: &Node, rule_set: &RuleSet, casebook: bool) -> Option<Case> {
    let case = format::Case::read(sink, node, What::TestCase)?;
    let name = case.name.require(sink, What::TestCase).and_then(|n| expect_str(sink, n, What::Key("name")))?.to_owned();
    let source = read_source(sink, &case, casebook).ok()?;
    match case.reasoning {
        Some(entry) => {
            expect_str(sink, entry.value, What::Key("reasoning"))?;
        }
        None if casebook => {
            report_missing_key(sink, "reasoning", What::CasebookCase, case.span);
            return None;
        }
        None => {}
    }
    let question_ids: Vec<&str> = rule_set.questions.iter().map(|q| q.id.as_str()).collect();
    if let Some(items) = case.assumed.and_then(|e| expect_seq(sink, e.value, What::Key("assumed"))) {
        for item in items {
            read_known(sink, item, &question_ids, "question");
        }
    }
    let known_miss = match case.known_miss {
        Some(entry) => Some(expect_str(sink, entry.value, What::Key("known_miss"))?.to_owned()),
        None => None,
    };
    let count = rule_set.questions.len();
    let mut given: TiVec<QuestionId, Option<crate::rules::Value>> = std::iter::repeat_n(None, count).collect();
    let mut spans: TiVec<QuestionId, Option<crate::load::Span>> = std::iter::repeat_n(None, count).collect();
    if let Some(answers) = case.answers {
        read_answers(sink, answers.value, rule_set, &mut given, &mut spans, true)?;
    }
    let expect_node = case.expect.require(sink, What::TestCase)?;
    let expect = format::Expect::read(sink, expect_node, What::Key("expect"))?;
    let approach_ids: Vec<&str> = rule_set.approaches.iter().map(|a| a.id.as_str()).collect();
    let rule_ids: Vec<&str> = rule_set.rules.iter().map(|r| r.id.as_str()).collect();
    let recommendation = expect
        .recommendation
        .require(sink, What::Key("expect"))
        .and_then(|n| read_known(sink, n, &approach_ids, "approach"))?;
    let list = |sink: &mut Sink<'_>,
                entry: Option<Entry<'_, Vec<String>>>,
                key: &'static str,
                known: &[&str],
                what: &'static str| {
        let items = expect_seq(sink, entry?.value, What::Key(key))?;
        Some(items.iter().filter_map(|item| read_known(sink, item, known, what)).collect::<Vec<String>>())
    };
    let next_steps = expect
        .next_steps
        .and_then(|e| expect_seq(sink, e.value, What::Key("next_steps")))
        .map(|items| items.iter().filter_map(|i| expect_str(sink, i, What::NextStep).map(str::to_owned)).collect())
        .unwrap_or_default();
    Some(Case {
        name,
        given,
        expect: Expectation {
            recommendation,
            combine_with: list(sink, expect.combine_with, "combine_with", &approach_ids, "approach"),
            vetoed: list(sink, expect.vetoed, "vetoed", &approach_ids, "approach"),
            fired: list(sink, expect.fired, "fired", &rule_ids, "rule").unwrap_or_default(),
            not_fired: list(sink, expect.not_fired, "not_fired", &rule_ids, "rule").unwrap_or_default(),
            next_steps,
        },
        split: None,
        source,
        known_miss,
    })
}

/// An id of the kind `kind` (`approach`, `rule`: a selector of the Fluent messages `what` and `kind`).
fn read_known(sink: &mut Sink<'_>, node: &Node, known: &[&str], kind: &'static str) -> Option<String> {
    let text = expect_str(sink, node, What::Id(kind))?;
    if known.contains(&text) {
        return Some(text.to_owned());
    }
    let help = crate::load::suggestion(text, known.iter().copied());
    sink.error(
        Code::UnknownKey,
        Msg::new("unknown-kind").arg("kind", Msg::new("kind").arg("kind", kind)).arg("id", text),
        node.span,
    )
    .set_help(help);
    None
}

/// Why a case failed, one message a line; empty when it passed.
#[must_use]
pub fn run_case(rule_set: &RuleSet, case: &Case) -> (Evaluation, Vec<Msg>) {
    // Derived facts come from the cost model, unless the case states them to test the rules that read them.
    let mut given = crate::facts::with_facts(rule_set, &case.given, None);
    for (slot, stated) in given.iter_mut().zip(&case.given) {
        if stated.is_some() {
            *slot = *stated;
        }
    }
    let evaluation = evaluate(rule_set, Answers::resolve(rule_set, &given));
    let approach = |i: ApproachId| rule_set.approaches[i].id.clone();
    let fired: Vec<&str> = evaluation.fired.iter().map(|&r| rule_set.rules[r].id.as_str()).collect();
    let mut failures = Vec::new();
    let actual = approach(evaluation.recommendation);
    if actual != case.expect.recommendation {
        failures.push(
            Msg::new("ruletest-recommendation").arg("expected", &case.expect.recommendation).arg("actual", actual),
        );
    }
    if let Some(expected) = &case.expect.combine_with {
        let actual: Vec<String> = evaluation.combine_with.iter().map(|c| approach(c.approach)).collect();
        if &actual != expected {
            failures.push(
                Msg::new("ruletest-combine-with")
                    .arg("expected", format!("{expected:?}"))
                    .arg("actual", format!("{actual:?}")),
            );
        }
    }
    if let Some(expected) = &case.expect.vetoed {
        let mut actual: Vec<String> = evaluation.vetoes.iter().map(|v| approach(v.approach)).collect();
        let mut expected = expected.clone();
        actual.sort();
        expected.sort();
        if actual != expected {
            failures.push(
                Msg::new("ruletest-vetoed")
                    .arg("expected", format!("{expected:?}"))
                    .arg("actual", format!("{actual:?}")),
            );
        }
    }
    for rule in &case.expect.fired {
        if !fired.contains(&rule.as_str()) {
            failures.push(Msg::new("ruletest-not-fired").arg("rule", rule));
        }
    }
    for rule in &case.expect.not_fired {
        if fired.contains(&rule.as_str()) {
            failures.push(Msg::new("ruletest-fired").arg("rule", rule));
        }
    }
    let steps: Vec<&str> =
        evaluation.next_steps.iter().filter_map(|&r| rule_set.rules[r].next_step.as_deref()).collect();
    for step in &case.expect.next_steps {
        if !steps.iter().any(|s| s.starts_with(step.as_str())) {
            failures.push(Msg::new("ruletest-no-next-step").arg("step", format!("{step:?}")));
        }
    }
    (evaluation, failures)
}

/// The outcome of a `rules test` run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Cases that passed.
    pub passed: usize,
    /// Cases that failed and are not marked as known misses: these fail the run.
    pub failed: usize,
    /// Cases marked as known misses that still fail.
    pub known_misses: usize,
}

/// Casebook score of one split: cases passed out of cases in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Score {
    passed: usize,
    total: usize,
}

/// Runs every case and writes a `cargo test`-style report, with the
/// casebook's score per split when casebook files are among the cases.
pub fn run(rule_set: &RuleSet, cases: &[Case], out: &mut dyn Write) -> std::io::Result<Outcome> {
    run_in(rule_set, cases, out, Lang::En)
}

/// [`run`] in `lang`: the words of the report are translated; test names,
/// rule and approach ids, `ok` and `FAILED` stay as they are.
pub fn run_in(rule_set: &RuleSet, cases: &[Case], out: &mut dyn Write, lang: Lang) -> std::io::Result<Outcome> {
    let num = |n: usize| Arg::Num(i64::try_from(n).unwrap_or(i64::MAX));
    writeln!(out, "\n{}", lang.tr_args("ruletest-running", &[("count", num(cases.len()))]))?;
    let mut failed_reports = String::new();
    let mut failed_names = Vec::new();
    let mut outcome = Outcome::default();
    let mut scores = [(Split::Tuned, Score::default()), (Split::HeldOut, Score::default())];
    for case in cases {
        let (evaluation, failures) = run_case(rule_set, case);
        if let Some(split) = case.split
            && let Some((_, score)) = scores.iter_mut().find(|(s, _)| *s == split)
        {
            score.total += 1;
            score.passed += usize::from(failures.is_empty());
        }
        let name = sanitize(&case.name);
        let line =
            |id: &str, reason: &str| lang.tr_args(id, &[("name", Arg::Str(&name)), ("reason", Arg::Str(reason))]);
        match (&case.known_miss, failures.is_empty()) {
            (None, true) => {
                outcome.passed += 1;
                writeln!(out, "{}", line("ruletest-ok", ""))?;
                continue;
            }
            (Some(_), true) => {
                outcome.passed += 1;
                writeln!(out, "{}", line("ruletest-ok-marked", ""))?;
                continue;
            }
            (Some(reason), false) => {
                outcome.known_misses += 1;
                writeln!(out, "{}", line("ruletest-known-miss", &sanitize(reason)))?;
                continue;
            }
            (None, false) => {}
        }
        writeln!(out, "{}", line("ruletest-failed", ""))?;
        failed_names.push(name.clone());
        let _ = writeln!(failed_reports, "\n---- {name} ----");
        for failure in &failures {
            let _ = writeln!(failed_reports, "  {}", sanitize(&failure.render(lang)));
        }
        let _ = writeln!(failed_reports, "  {}", lang.tr("ruletest-scores"));
        let vetoed = format!(" {}", lang.tr("ruletest-vetoed-mark"));
        for &a in &evaluation.ranking {
            let vetoed = if evaluation.is_vetoed(a) { vetoed.as_str() } else { "" };
            let _ =
                writeln!(failed_reports, "    {:<22} {:>4}{vetoed}", rule_set.approaches[a].id, evaluation.scores[a]);
        }
        let fired: Vec<String> = evaluation.fired.iter().map(|&r| rule_set.rules[r].id.clone()).collect();
        let _ = writeln!(
            failed_reports,
            "  {}",
            lang.tr_args("ruletest-fired-list", &[("list", Arg::Str(&lang.join(&fired)))])
        );
    }
    outcome.failed = failed_names.len();
    if outcome.failed > 0 {
        let heading = lang.tr("ruletest-failures");
        write!(out, "\n{heading}\n{failed_reports}\n{heading}\n")?;
        for name in &failed_names {
            writeln!(out, "    {name}")?;
        }
    }
    let casebook: Vec<_> = scores.iter().filter(|(_, s)| s.total > 0).collect();
    if !casebook.is_empty() {
        writeln!(out)?;
        for (split, score) in casebook {
            let line = lang.tr_args(
                "ruletest-casebook",
                &[
                    ("split", Arg::Str(split.label())),
                    ("passed", num(score.passed)),
                    ("total", num(score.total)),
                    ("percent", num(score.passed * 100 / score.total)),
                ],
            );
            writeln!(out, "{line}")?;
        }
    }
    let Outcome { passed, failed, known_misses } = outcome;
    let misses = if known_misses == 0 {
        String::new()
    } else {
        lang.tr_args("ruletest-result-misses", &[("count", num(known_misses))])
    };
    let result = lang.tr_args(
        "ruletest-result",
        &[
            ("status", Arg::Str(if failed == 0 { "ok" } else { "FAILED" })),
            ("passed", num(passed)),
            ("failed", num(failed)),
            ("misses", Arg::Str(&misses)),
        ],
    );
    writeln!(out, "\n{result}")?;
    Ok(outcome)
}

#[cfg(test)]
mod tests;
