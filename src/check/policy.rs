//! The policy a descriptor's plan is held to.

use crate::descriptor::Descriptor;
use crate::diag::{Diagnostic, Severity, codes};
use crate::eval::{Evaluation, Provenance};
use crate::report::Report;
use crate::rules::{RuleSet, Value};

/// Policy switches from the command line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// Unanswered questions are a note rather than an error.
    pub allow_defaults: bool,
    /// Compute each report's what-if (for output formats that show it; it costs
    /// a few dozen extra evaluations per file).
    pub what_if: bool,
}

/// How many reasons a finding quotes.
const MAX_REASONS: usize = 3;

/// The findings for one evaluated descriptor.
pub(super) fn findings(
    rule_set: &RuleSet,
    project: &Descriptor,
    evaluation: &Evaluation,
    report: &Report,
    policy: Policy,
) -> Vec<Diagnostic> {
    let source = &project.source;
    let mut out = Vec::new();
    let recommended = &rule_set.approaches[evaluation.recommendation];

    out.extend(assumed_answers(rule_set, project, evaluation, policy));

    let Some(planned) = &project.planned else {
        out.push(
            Diagnostic::error(
                codes::NO_PLAN,
                format!("no `planned_approach`; the rules recommend `{}`{}", recommended.id, with_clause(report)),
                source,
                project.name_span,
            )
            .with_severity(Severity::Note)
            .with_help(format!("add `planned_approach: {}` to have the plan checked", suggested_plan(report))),
        );
        return out;
    };
    let span = planned.span;
    let plan_text =
        planned.approaches.iter().map(|&a| rule_set.approaches[a].id.as_str()).collect::<Vec<_>>().join(", ");

    let vetoed: Vec<_> = evaluation.vetoes.iter().filter(|v| planned.approaches.contains(&v.approach)).collect();
    for veto in &vetoed {
        let rule = &rule_set.rules[veto.rule];
        out.push(
            Diagnostic::error(
                codes::PLAN_VETOED,
                format!(
                    "planned `{}` is ruled out by rule `{}` ({}); the rules recommend `{}`",
                    rule_set.approaches[veto.approach].id, rule.id, rule.title, recommended.id
                ),
                source,
                span,
            )
            .with_note(rule.because.clone()),
        );
    }
    let all_vetoed = vetoed.len() == planned.approaches.len();
    if !planned.approaches.contains(&evaluation.recommendation) && !all_vetoed {
        let mut diagnostic = Diagnostic::error(
            codes::PLAN_CONTRADICTS,
            format!("planned `{plan_text}`, but the rules recommend `{}`{}", recommended.id, with_clause(report)),
            source,
            span,
        )
        .with_help(format!("plan `{}`, or revisit the answers behind the recommendation", suggested_plan(report)));
        for reason in main_reasons(rule_set, evaluation) {
            diagnostic = diagnostic.with_note(reason);
        }
        out.push(diagnostic);
    }
    if planned.approaches.contains(&evaluation.recommendation) {
        for combination in &evaluation.combine_with {
            if !planned.approaches.contains(&combination.approach) {
                let rule = &rule_set.rules[combination.rule];
                out.push(
                    Diagnostic::error(
                        codes::PLAN_MISSING_COMBINATION,
                        format!(
                            "the plan leaves out `{}`, which the rules say to combine with `{}`",
                            rule_set.approaches[combination.approach].id, recommended.id
                        ),
                        source,
                        span,
                    )
                    .with_severity(Severity::Warning)
                    .with_note(rule.because.clone())
                    .with_help(format!("plan `{}`", suggested_plan(report))),
                );
            }
        }
    }
    out.extend(fine_tuning_without_baseline(rule_set, project, evaluation));
    out
}

/// One finding listing every question answered by default.
fn assumed_answers(
    rule_set: &RuleSet,
    project: &Descriptor,
    evaluation: &Evaluation,
    policy: Policy,
) -> Option<Diagnostic> {
    let source = &project.source;
    let assumed: Vec<&str> = rule_set
        .questions
        .iter()
        .zip(evaluation.answers.provenance())
        .filter(|(_, p)| **p == Provenance::Assumed)
        .map(|(q, _)| q.id.as_str())
        .collect();
    if assumed.is_empty() {
        return None;
    }
    {
        let span = project.answers_span.unwrap_or(project.name_span);
        let listed: Vec<String> = assumed.iter().map(|id| format!("`{id}`")).collect();
        let severity = if policy.allow_defaults { Severity::Note } else { Severity::Error };
        Some(
            Diagnostic::error(
                codes::ANSWER_ASSUMED,
                format!(
                    "{} question{} unanswered, so the default was assumed: {}",
                    assumed.len(),
                    if assumed.len() == 1 { "" } else { "s" },
                    listed.join(", ")
                ),
                source,
                span,
            )
            .with_severity(severity)
            .with_help("answer them under `answers:`, or pass `--allow-defaults` to accept the defaults"),
        )
    }
}
/// Fine-tuning planned while `baseline_exists` is false (given or assumed), for rule sets that ask it.
fn fine_tuning_without_baseline(
    rule_set: &RuleSet,
    project: &Descriptor,
    evaluation: &Evaluation,
) -> Option<Diagnostic> {
    let planned = project.planned.as_ref()?;
    let fine_tuning = rule_set.approach_index("fine_tuning")?;
    let baseline = rule_set.question_index("baseline_exists")?;
    if !planned.approaches.contains(&fine_tuning) || evaluation.answers.values()[baseline] != Value::Bool(false) {
        return None;
    }
    Some(
        Diagnostic::error(
            codes::FINE_TUNING_WITHOUT_BASELINE,
            "fine-tuning is planned, but no prompt-engineering or RAG baseline has been measured",
            &project.source,
            planned.span,
        )
        .with_note(
            "build a baseline with prompt engineering or RAG before fine-tuning, so there is something to beat \
             (guidance §1)",
        )
        .with_help("measure a baseline on held-out examples, then set `baseline_exists: true`"),
    )
}

/// The `because` of the fired rules that weigh most for the recommendation
/// (or veto what was planned), strongest first.
fn main_reasons(rule_set: &RuleSet, evaluation: &Evaluation) -> Vec<String> {
    let recommended = evaluation.recommendation;
    let mut weighted: Vec<(i32, usize)> = evaluation
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

fn with_clause(report: &Report) -> String {
    if report.combine_with.is_empty() {
        String::new()
    } else {
        let with: Vec<String> = report.combine_with.iter().map(|c| format!("`{}`", c.approach)).collect();
        format!(" together with {}", with.join(" and "))
    }
}

fn suggested_plan(report: &Report) -> String {
    match report.recommended_plan().as_slice() {
        [one] => (*one).to_owned(),
        all => format!("[{}]", all.join(", ")),
    }
}
