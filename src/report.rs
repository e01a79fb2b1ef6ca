//! Evaluation → a self-contained [`Report`], and its renderers.
//!
//! A report holds owned, display-ready data (ids, titles, reasons), so each
//! output format is a view of the same value and never goes back to the
//! rule set. The JSON format is the report serialised as is; its field names
//! are a public contract versioned by [`SCHEMA_VERSION`].

pub mod adr;
pub mod check;
pub mod html;
pub mod json;
pub mod markdown;
pub mod plan;
pub mod table;

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::eval::{Evaluation, Provenance};
use crate::i18n::{Arg, Lang};
use crate::rules::{ApproachId, QuestionId, RuleSet, TiSlice, Value};

/// Version of the JSON report layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything `evaluate` says about one project.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Report {
    /// Version of this layout.
    pub schema_version: u32,
    /// The project's name.
    pub name: String,
    /// The approach to invest in next.
    pub recommendation: String,
    /// Its title.
    pub recommendation_title: String,
    /// Whether the recommendation tied on score and won for being simpler.
    pub won_by_tie: bool,
    /// The recommendation's score minus the best other approach's that is not
    /// vetoed; `null` when every other approach is vetoed.
    pub margin: Option<i32>,
    /// Whether the margin is at most the close-call threshold (2 points, one
    /// ordinary rule): a single answer may well reverse the call.
    pub close_call: bool,
    /// Approaches to keep or add alongside it.
    pub combine_with: Vec<CombineEntry>,
    /// Score per approach, in the rule set's approach order.
    #[schemars(with = "std::collections::BTreeMap<String, ScoreEntry>")]
    pub scores: Scores,
    /// All approaches, best first.
    pub ranking: Vec<String>,
    /// Approaches ruled out.
    pub vetoed: Vec<VetoEntry>,
    /// Rules that fired, in declaration order.
    pub fired: Vec<FiredRule>,
    /// Questions answered by their default.
    pub assumed: Vec<String>,
    /// Questions not asked because their condition is false (their answers, if any, were ignored).
    pub not_applicable: Vec<String>,
    /// The effective answer to every question.
    pub answers: Vec<AnswerEntry>,
    /// What to do next, most important first.
    pub next_steps: Vec<String>,
    /// The smallest single-answer changes that would change the recommendation, smallest first.
    pub what_if: Vec<WhatIfEntry>,
    /// Present and true when the what-if search stopped at its work budget
    /// (a very large rule set): other changes may exist.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub what_if_truncated: bool,
    /// Overlay rule files the descriptor named, each with the rule ids it
    /// disabled, overrode and added; absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overlays: Vec<crate::rules::Overlay>,
    /// The planned approaches and the findings about them (the same `check` reports);
    /// absent only from reports built without a descriptor's plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<crate::report::plan::PlanReport>,
    /// The cost estimate, when the descriptor has a `cost:` section (the same fields as `cost --format json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<crate::cost::CostEstimate>,
}

/// One answer changed, and what would then be recommended.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct WhatIfEntry {
    /// The question id.
    pub answer: String,
    /// The answer now.
    pub from: serde_json::Value,
    /// The changed answer.
    pub to: serde_json::Value,
    /// The approach that would then be recommended.
    pub recommendation: String,
}

/// Where an approach stands in a report, for the status column of renderers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing<'r> {
    /// Ruled out by this rule.
    Vetoed {
        /// The rule id.
        by: &'r str,
    },
    /// The recommendation.
    Recommended,
    /// To keep or add alongside the recommendation.
    KeepAlongside,
    /// None of these.
    Other,
}

/// A JSON answer as a person would write it (`weekly`, not `"weekly"`).
#[must_use]
pub fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// An approach to keep alongside the recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CombineEntry {
    /// The approach id.
    pub approach: String,
    /// Its title.
    pub title: String,
    /// The rule asking for it.
    pub rule: String,
    /// Why.
    pub reason: String,
}

/// An approach's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ScoreEntry {
    /// The approach id (the key in JSON).
    #[serde(skip)]
    pub approach: String,
    /// Its title.
    pub title: String,
    /// The sum of the weights of fired rules.
    pub score: i32,
    /// Whether a rule ruled it out.
    pub vetoed: bool,
}

/// Scores, serialised as an object keyed by approach id in approach order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores(pub Vec<ScoreEntry>);

impl Serialize for Scores {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for entry in &self.0 {
            map.serialize_entry(&entry.approach, entry)?;
        }
        map.end()
    }
}

/// An approach ruled out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct VetoEntry {
    /// The approach id.
    pub approach: String,
    /// The rule that ruled it out.
    pub rule: String,
    /// Why.
    pub reason: String,
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FiredRule {
    /// The rule id.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// Weights it added, keyed by approach id.
    #[schemars(with = "std::collections::BTreeMap<String, i32>")]
    pub effects: Effects,
    /// Approaches it vetoed.
    pub veto: Vec<String>,
    /// Why.
    pub because: String,
    /// What it cites, as one line: catalogue titles and free-text citations, joined by `; `.
    pub source: String,
    /// The catalogue entries it cites (free-text citations appear only in `source`).
    pub sources: Vec<SourceEntry>,
}

/// A catalogue source a rule cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SourceEntry {
    /// The catalogue id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where to read it.
    pub url: String,
}

impl SourceEntry {
    /// The entries `rule` cites.
    #[must_use]
    pub fn of(rule: &crate::rules::Rule, rule_set: &RuleSet) -> Vec<SourceEntry> {
        rule.catalogue_sources(rule_set)
            .into_iter()
            .map(|s| SourceEntry { id: s.id.clone(), title: s.title.clone(), url: s.url.clone() })
            .collect()
    }
}

/// Weights keyed by approach id, in approach order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effects(pub Vec<(String, i32)>);

impl Serialize for Effects {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (approach, weight) in &self.0 {
            map.serialize_entry(approach, weight)?;
        }
        map.end()
    }
}

/// The effective answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AnswerEntry {
    /// The question id.
    pub question: String,
    /// The answer.
    pub value: serde_json::Value,
    /// `given`, `assumed` or `not_applicable`.
    #[schemars(with = "String")]
    pub provenance: &'static str,
}

impl Report {
    /// The same report with the built-in plan findings in `lang` (rule texts
    /// come from the rule set, already in its chosen locale).
    #[must_use]
    pub fn in_lang(mut self, lang: crate::i18n::Lang) -> Report {
        for finding in self.plan.iter_mut().flat_map(|p| &mut p.findings) {
            finding.localize(lang);
        }
        self
    }

    /// Builds the report of `evaluation` for the project called `name`.
    #[must_use]
    pub fn new(rule_set: &RuleSet, name: &str, evaluation: &Evaluation) -> Report {
        let approach_id = |a: ApproachId| rule_set.approaches[a].id.clone();
        let rules = &rule_set.rules;
        let recommended = &rule_set.approaches[evaluation.recommendation];
        let scores = rule_set
            .approaches
            .iter_enumerated()
            .map(|(i, a)| ScoreEntry {
                approach: a.id.clone(),
                title: a.title.clone(),
                score: evaluation.scores[i],
                vetoed: evaluation.is_vetoed(i),
            })
            .collect();
        let mut assumed = Vec::new();
        let mut not_applicable = Vec::new();
        let mut answers = Vec::new();
        for (i, question) in rule_set.questions.iter_enumerated() {
            let provenance = evaluation.answers.provenance()[i];
            let label = match provenance {
                Provenance::Given => "given",
                Provenance::Assumed => {
                    assumed.push(question.id.clone());
                    "assumed"
                }
                Provenance::NotApplicable => {
                    not_applicable.push(question.id.clone());
                    "not_applicable"
                }
                Provenance::Derived => "derived",
            };
            answers.push(AnswerEntry {
                question: question.id.clone(),
                value: question.json_value(evaluation.answers.values()[i]),
                provenance: label,
            });
        }
        Report {
            schema_version: SCHEMA_VERSION,
            name: name.to_owned(),
            recommendation: recommended.id.clone(),
            recommendation_title: recommended.title.clone(),
            won_by_tie: evaluation.won_by_tie,
            margin: evaluation.margin,
            close_call: evaluation.is_close_call(),
            combine_with: evaluation
                .combine_with
                .iter()
                .map(|c| CombineEntry {
                    approach: approach_id(c.approach),
                    title: rule_set.approaches[c.approach].title.clone(),
                    rule: rules[c.rule].id.clone(),
                    reason: rules[c.rule].because.clone(),
                })
                .collect(),
            scores: Scores(scores),
            ranking: evaluation.ranking.iter().map(|&a| approach_id(a)).collect(),
            vetoed: evaluation
                .vetoes
                .iter()
                .map(|v| VetoEntry {
                    approach: approach_id(v.approach),
                    rule: rules[v.rule].id.clone(),
                    reason: rules[v.rule].because.clone(),
                })
                .collect(),
            fired: evaluation
                .fired
                .iter()
                .map(|&r| {
                    let rule = &rules[r];
                    FiredRule {
                        rule: rule.id.clone(),
                        title: rule.title.clone(),
                        effects: Effects(rule.effects.iter().map(|&(a, w)| (approach_id(a), w)).collect()),
                        veto: rule.veto.iter().map(|&a| approach_id(a)).collect(),
                        because: rule.because.clone(),
                        source: rule.source.clone(),
                        sources: SourceEntry::of(rule, rule_set),
                    }
                })
                .collect(),
            assumed,
            not_applicable,
            answers,
            next_steps: evaluation.next_steps.iter().filter_map(|&r| rules[r].next_step.clone()).collect(),
            what_if: Vec::new(),
            what_if_truncated: false,
            overlays: rule_set.overlays.clone(),
            plan: None,
            cost: None,
        }
    }

    /// The recommendation followed by the approaches to combine with it.
    #[must_use]
    pub fn recommended_plan(&self) -> Vec<&str> {
        std::iter::once(self.recommendation.as_str())
            .chain(self.combine_with.iter().map(|c| c.approach.as_str()))
            .collect()
    }

    /// The best-ranked approach after the recommendation that is not ruled out, if any.
    #[must_use]
    pub fn runner_up(&self) -> Option<&ScoreEntry> {
        self.ranking
            .iter()
            .filter(|a| **a != self.recommendation)
            .filter_map(|a| self.scores.0.iter().find(|s| &s.approach == a))
            .find(|s| !s.vetoed)
    }

    /// The title of an approach by id (the id itself if unknown).
    #[must_use]
    pub fn title_of<'a>(&'a self, approach: &'a str) -> &'a str {
        self.scores.0.iter().find(|s| s.approach == approach).map_or(approach, |s| s.title.as_str())
    }

    /// How sure the call is, in one or two sentences: the margin over the
    /// best approach left standing, and for a close call the single answer
    /// that would settle it (from what-if), or that none would.
    #[must_use]
    pub fn confidence(&self) -> String {
        self.confidence_in(Lang::En)
    }

    /// [`Report::confidence`] in `lang`.
    #[must_use]
    pub fn confidence_in(&self, lang: Lang) -> String {
        let Some(margin) = self.margin else {
            return lang.tr("all-others-vetoed");
        };
        let runner_up = self.ranking.get(1).map_or("", |a| self.title_of(a));
        let args = [("margin", Arg::Num(i64::from(margin))), ("runner_up", Arg::Str(runner_up))];
        if !self.close_call {
            return lang.tr_args("margin-ahead", &args);
        }
        let lead = lang.tr_args(if margin == 0 { "close-call-tied" } else { "close-call-ahead" }, &args);
        match self.what_if.first() {
            Some(w) => lang.tr_args(
                "close-call-tip",
                &[
                    ("lead", Arg::Str(&lead)),
                    ("answer", Arg::Str(&w.answer)),
                    ("to", Arg::Str(&plain(&w.to))),
                    ("from", Arg::Str(&plain(&w.from))),
                    ("title", Arg::Str(self.title_of(&w.recommendation))),
                ],
            ),
            None if self.what_if_truncated => lang.tr_args("close-call-cut-short", &[("lead", Arg::Str(&lead))]),
            None => lang.tr_args("close-call-no-tip", &[("lead", Arg::Str(&lead))]),
        }
    }

    /// Where `approach` stands: vetoed (and by which rule), recommended, to keep alongside, or none of these.
    #[must_use]
    pub fn standing(&self, approach: &str) -> Standing<'_> {
        if let Some(veto) = self.vetoed.iter().find(|v| v.approach == approach) {
            Standing::Vetoed { by: &veto.rule }
        } else if approach == self.recommendation {
            Standing::Recommended
        } else if self.combine_with.iter().any(|c| c.approach == approach) {
            Standing::KeepAlongside
        } else {
            Standing::Other
        }
    }

    /// Adds the plan (approach indices, `None` when the descriptor names
    /// none) and its findings; see [`crate::report::plan`].
    #[must_use]
    pub fn with_plan(mut self, rule_set: &RuleSet, planned: Option<&[ApproachId]>, evaluation: &Evaluation) -> Report {
        let findings = crate::report::plan::findings(rule_set, planned, evaluation, &self);
        let planned = planned.map(|p| p.iter().map(|&a| rule_set.approaches[a].id.clone()).collect());
        self.plan = Some(crate::report::plan::PlanReport { planned, findings });
        self
    }

    /// Adds the cost estimate, if any.
    #[must_use]
    pub fn with_cost(mut self, estimate: Option<crate::cost::CostEstimate>) -> Report {
        self.cost = estimate;
        self
    }

    /// Adds what would change the recommendation (see [`crate::whatif`]).
    /// `given` holds the answers as given, one slot per question.
    #[must_use]
    pub fn with_what_if(
        mut self,
        rule_set: &RuleSet,
        given: &TiSlice<QuestionId, Option<Value>>,
        evaluation: &Evaluation,
    ) -> Report {
        let search = crate::whatif::what_if_within(rule_set, given, evaluation, crate::whatif::WORK_BUDGET);
        self.what_if_truncated = search.truncated;
        self.what_if = search
            .flips
            .into_iter()
            .map(|w| {
                let question = &rule_set.questions[w.question];
                WhatIfEntry {
                    answer: question.id.clone(),
                    from: question.json_value(w.from),
                    to: question.json_value(w.to),
                    recommendation: rule_set.approaches[w.recommendation].id.clone(),
                }
            })
            .collect();
        self
    }
}
