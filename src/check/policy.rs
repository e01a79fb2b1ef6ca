//! The policy a descriptor's plan is held to.

use crate::descriptor::Descriptor;
use crate::diag::{Code, Diagnostic, Severity, Text};
use crate::eval::{Evaluation, Provenance};
use crate::i18n::{Msg, MsgArg};
use crate::report::Report;
use crate::rules::{Question, RuleSet};

/// Policy switches from the command line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// Unanswered questions are a note rather than an error.
    pub allow_defaults: bool,
    /// Compute each report's what-if (for output formats that show it; it costs
    /// a few dozen extra evaluations per file).
    pub what_if: bool,
    /// Refuse descriptors that name overlay rule files (`--no-overlays`).
    pub no_overlays: bool,
}

/// The findings for one evaluated descriptor: unanswered questions, then the
/// plan findings of `report` (computed by [`crate::report::plan::findings`]) located at the plan.
pub(super) fn findings(
    project: &Descriptor,
    evaluation: &Evaluation,
    report: &Report,
    rule_set: &RuleSet,
    policy: Policy,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    out.extend(assumed_answers(rule_set, project, evaluation, policy));
    let span = project.planned.as_ref().map_or(project.name_span, |p| p.span);
    for finding in report.plan.iter().flat_map(|p| &p.findings) {
        // A built-in finding keeps the messages behind its texts, so that the diagnostic follows the reader's language.
        let (message, help) = &finding.l10n;
        let message = message.clone().map_or_else(|| Text::from(&finding.message), Text::from);
        let mut diagnostic = Diagnostic::error(Code::NoPlan, message, &project.source, span)
            .with_code(finding.id.clone())
            .with_severity(finding.severity);
        for reason in &finding.because {
            diagnostic = diagnostic.with_note(reason.clone());
        }
        match help {
            Some(help) => diagnostic.set_help(help.clone()),
            None => diagnostic.help.clone_from(&finding.help),
        }
        out.push(diagnostic);
    }
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
    let (newer, assumed): (Vec<&Question>, Vec<&Question>) = rule_set
        .questions
        .iter()
        .zip(evaluation.answers.provenance())
        .filter(|(_, p)| **p == Provenance::Assumed)
        .map(|(q, _)| q)
        .partition(|q| q.since.is_some());
    let assumed: Vec<&str> = assumed.iter().map(|q| q.id.as_str()).collect();
    let newer: Vec<&str> = newer.iter().map(|q| q.id.as_str()).collect();
    if assumed.is_empty() {
        // Questions added to the rule set after the descriptor was written never fail it by themselves.
        return (!newer.is_empty()).then(|| {
            let listed: Vec<String> = newer.iter().map(|id| format!("`{id}`")).collect();
            Diagnostic::error(
                Code::AnswerAssumed,
                Msg::new("newer-questions-assumed").arg("count", newer.len()).arg("list", MsgArg::List(listed)),
                source,
                project.answers_span.unwrap_or(project.name_span),
            )
            .with_severity(Severity::Note)
            .with_help(Msg::new("newer-questions-assumed-help"))
        });
    }
    let assumed: Vec<&str> = assumed.into_iter().chain(newer).collect();
    {
        let span = project.answers_span.unwrap_or(project.name_span);
        let listed: Vec<String> = assumed.iter().map(|id| format!("`{id}`")).collect();
        let severity = if policy.allow_defaults { Severity::Note } else { Severity::Error };
        Some(
            Diagnostic::error(
                Code::AnswerAssumed,
                Msg::new("questions-assumed").arg("count", assumed.len()).arg("list", MsgArg::List(listed)),
                source,
                span,
            )
            .with_severity(severity)
            .with_help(Msg::new("questions-assumed-help")),
        )
    }
}
