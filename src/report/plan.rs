//! The plan a descriptor names (`planned_approach`), held against the
//! evaluation.
//!
//! Computed once here and shown everywhere: `evaluate` (every format) and
//! `ask` show these findings in the report, and `check` reports the same
//! findings as diagnostics located at the plan. The generic findings (no
//! plan, a vetoed plan, a plan that differs from the recommendation or leaves
//! out a combination) are built in; everything else is rule data: a rule
//! with `when_planned` reports a finding under its own id, with its own
//! severity, when its condition holds and the plan includes one of the
//! approaches it names, so an overlay can change or disable it.

use serde::Serialize;

use super::{Report, SourceEntry};
use crate::diag::{Code, DiagnosticCode, Severity, Text};
use crate::eval::Evaluation;
use crate::i18n::{Lang, Msg, MsgArg};
use crate::rules::{ApproachId, RuleId, RuleSet};

/// How many reasons a finding quotes.
const MAX_REASONS: usize = 3;

/// The plan and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PlanReport {
    /// The planned approaches' ids, in the order written; `null` when the descriptor names no plan.
    pub planned: Option<Vec<String>>,
    /// The findings, most general first: no plan, vetoed, differs from the recommendation,
    /// missing combination, then plan rules in declaration order.
    pub findings: Vec<PlanFinding>,
}

/// One finding about the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PlanFinding {
    /// A diagnostic code (`plan-vetoed`, ...) or the id of the plan rule that reported it.
    #[schemars(with = "String")]
    pub id: DiagnosticCode,
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// What is wrong, in one line.
    pub message: String,
    /// The reasons behind it.
    pub because: Vec<String>,
    /// What to do about it.
    pub help: Option<String>,
    /// The catalogue sources of the plan rule that reported it (empty for built-in findings).
    pub sources: Vec<SourceEntry>,
    /// The messages `message` and `help` were rendered from, for built-in findings.
    #[serde(skip)]
    #[schemars(skip)]
    pub l10n: (Option<Msg>, Option<Msg>),
}

impl PlanFinding {
    fn new(id: impl Into<DiagnosticCode>, severity: Severity, message: impl Into<Text>) -> PlanFinding {
        let (message, msg) = match message.into() {
            Text::Plain(text) => (text, None),
            Text::Msg(msg) => (msg.render(Lang::En), Some(msg)),
        };
        PlanFinding {
            id: id.into(),
            severity,
            message,
            because: Vec::new(),
            help: None,
            sources: Vec::new(),
            l10n: (msg, None),
        }
    }

    fn set_help(&mut self, help: Msg) {
        self.help = Some(help.render(Lang::En));
        self.l10n.1 = Some(help);
    }

    /// Renders the built-in findings' message and help in `lang` (rule texts are
    /// already in the rule set's chosen locale).
    pub fn localize(&mut self, lang: Lang) {
        if let Some(msg) = &self.l10n.0 {
            self.message = msg.render(lang);
        }
        if let Some(msg) = &self.l10n.1 {
            self.help = Some(msg.render(lang));
        }
    }
}

/// The findings about `planned` (approach indices; `None` without a plan)
/// for `evaluation`, whose `report` supplies the recommended plan.
#[must_use]
pub fn findings(
    rule_set: &RuleSet,
    planned: Option<&[ApproachId]>,
    evaluation: &Evaluation,
    report: &Report,
) -> Vec<PlanFinding> {
    let recommended = &rule_set.approaches[evaluation.recommendation];
    let Some(planned) = planned else {
        let mut finding = PlanFinding::new(
            Code::NoPlan,
            Severity::Note,
            with_clause(Msg::new("plan-finding-none").arg("recommended", &recommended.id), report),
        );
        finding.set_help(Msg::new("plan-finding-none-help").arg("plan", suggested_plan(report)));
        return vec![finding];
    };
    let mut out = Vec::new();
    let plan_text = MsgArg::List(planned.iter().map(|&a| rule_set.approaches[a].id.clone()).collect());

    let vetoed: Vec<_> = evaluation.vetoes.iter().filter(|v| planned.contains(&v.approach)).collect();
    for veto in &vetoed {
        let rule = &rule_set.rules[veto.rule];
        let mut finding = PlanFinding::new(
            Code::PlanVetoed,
            Severity::Error,
            Msg::new("plan-vetoed")
                .arg("planned", &rule_set.approaches[veto.approach].id)
                .arg("rule", &rule.id)
                .arg("title", &rule.title)
                .arg("recommended", &recommended.id),
        );
        finding.because.push(rule.because.clone());
        out.push(finding);
    }
    let all_vetoed = vetoed.len() == planned.len();
    if !planned.contains(&evaluation.recommendation) && !all_vetoed {
        let mut finding = PlanFinding::new(
            Code::PlanContradicts,
            Severity::Error,
            with_clause(
                Msg::new("plan-contradicts").arg("planned", plan_text).arg("recommended", &recommended.id),
                report,
            ),
        );
        finding.set_help(Msg::new("plan-contradicts-help").arg("plan", suggested_plan(report)));
        finding.because = main_reasons(rule_set, evaluation);
        out.push(finding);
    }
    if planned.contains(&evaluation.recommendation) {
        for combination in &evaluation.combine_with {
            if !planned.contains(&combination.approach) {
                let rule = &rule_set.rules[combination.rule];
                let mut finding = PlanFinding::new(
                    Code::PlanMissingCombination,
                    Severity::Warning,
                    Msg::new("plan-missing-combination")
                        .arg("missing", &rule_set.approaches[combination.approach].id)
                        .arg("recommended", &recommended.id),
                );
                finding.because.push(rule.because.clone());
                finding.set_help(Msg::new("plan-suggested").arg("plan", suggested_plan(report)));
                out.push(finding);
            }
        }
    }
    let values = evaluation.answers.values();
    for rule in &rule_set.rules {
        if rule.is_plan() && rule.when_planned.iter().any(|a| planned.contains(a)) && rule.when.expr.eval(values) {
            let mut finding = PlanFinding::new(
                DiagnosticCode::Rule(rule.id.clone()),
                rule.severity.unwrap_or(Severity::Error),
                message_of(&rule.title),
            );
            finding.because.push(rule.because.clone());
            finding.help.clone_from(&rule.next_step);
            finding.sources = SourceEntry::of(rule, rule_set);
            out.push(finding);
        }
    }
    out
}

/// A title as a diagnostic message: lowercase first letter (unless it starts an acronym), no final period.
fn message_of(title: &str) -> String {
    let mut chars = title.chars();
    let text = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_owned(),
    };
    text.trim_end_matches('.').to_owned()
}

/// The `because` of the fired rules that weigh most for the recommendation
/// (or veto what was planned), strongest first.
fn main_reasons(rule_set: &RuleSet, evaluation: &Evaluation) -> Vec<String> {
    let recommended = evaluation.recommendation;
    let mut weighted: Vec<(i32, RuleId)> = evaluation
        .fired
        .iter()
        .filter_map(|&r| {
            let rule = &rule_set.rules[r];
            let for_recommended = rule.effects.iter().find(|(a, _)| *a == recommended).map_or(0, |(_, w)| *w).max(0);
            let against_others: i32 =
                rule.effects.iter().filter(|(a, _)| *a != recommended).map(|(_, w)| (-w).max(0)).sum();
            let vetoes = i32::from(!rule.veto.is_empty()) * 100;
            let weight = for_recommended + against_others + vetoes;
            (weight > 0).then_some((weight, r))
        })
        .collect();
    weighted.sort_by_key(|&(w, r)| (std::cmp::Reverse(w), r));
    weighted.into_iter().take(MAX_REASONS).map(|(_, r)| rule_set.rules[r].because.clone()).collect()
}

/// `message`, or `message` followed by the approaches to combine with the recommendation.
fn with_clause(message: Msg, report: &Report) -> Msg {
    if report.combine_with.is_empty() {
        message
    } else {
        let with = report
            .combine_with
            .iter()
            .map(|c| MsgArg::Str(format!("`{}`", c.approach)))
            .reduce(|all, next| MsgArg::from(Msg::new("plan-with-and").arg("all", all).arg("next", next)))
            .unwrap_or_else(|| MsgArg::Str(String::new()));
        Msg::new("plan-with-combination").arg("message", message).arg("with", with)
    }
}

fn suggested_plan(report: &Report) -> String {
    match report.recommended_plan().as_slice() {
        [one] => (*one).to_owned(),
        all => format!("[{}]", all.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn titles_become_lowercase_messages() {
        assert_eq!(super::message_of("Fine-tuning planned."), "fine-tuning planned");
        assert_eq!(super::message_of("RAG planned"), "RAG planned");
    }
}
