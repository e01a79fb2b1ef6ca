//! Project descriptors (`llm-project.yaml`): spanned YAML → checked answers.
//!
//! ```yaml
//! name: Support ticket triage
//! description: Route tickets to 40 queues
//! planned_approach: fine_tuning      # or a list: [fine_tuning, rag]
//! answers:
//!   task_type: classification
//!   examples_available: 20000
//! ```
//!
//! Answers are checked against the rule set's questions: unknown ids, wrong
//! types, out-of-range numbers and unknown choice values are errors.

mod write;

pub use write::{Draft, KEPT_KEYS, kept_sections, one_line, quote, to_yaml};

use crate::diag::{Code, Diagnostic};
use crate::eval::Answers;
use crate::i18n::Msg;
use crate::load::What;
use crate::load::{
    Entry, Limits, Node, NodeKind, Required, Sink, Span, expect_map, expect_str, mapping, parse_document,
    report_unknown_key,
};
use crate::rules::{ApproachId, QuestionId, RuleSet, TiSlice, TiVec, Value};
use crate::source::SourceFile;

/// The file names a directory search treats as descriptors.
pub const FILE_NAMES: &[&str] = &["llm-project.yaml", "llm-project.yml"];

/// The suffix of descriptor files with a prefix (`search.llm-project.yaml`).
pub const FILE_SUFFIX: &str = ".llm-project.yaml";

mapping! {
    /// An LLM project descriptor (`llm-project.yaml`), checked by `shouldtune evaluate` and `shouldtune check`.
    // The schema published for it (`crate::schema::descriptor`) lists a rule set's questions and approaches.
    #[schemars(title = "shouldtune project descriptor")]
    pub(crate) struct Fields<'n> {
        /// The project's name.
        name: Required<'n, String> = "name",
        /// What the project does.
        description: Option<Entry<'n, String>> = "description",
        /// The approach (or approaches) the team plans; `check` compares it with the recommendation.
        planned_approach: Option<Entry<'n, Plan>> = "planned_approach",
        /// Set by an interrupted `shouldtune ask`; `evaluate` and `check` refuse the file until it is finished.
        incomplete: Option<Entry<'n, bool>> = "incomplete",
        /// Rule files (overlays) this project is evaluated with, relative to this file and inside the repository.
        // Read before the descriptor, by `crate::overlays::RuleSets::for_descriptor`.
        rules: Option<Entry<'n, Vec<String>>> = "rules",
        /// Answers to the rule set's questions; unanswered questions take their defaults.
        answers: Option<Entry<'n, serde_json::Map<String, serde_json::Value>>> = "answers",
        /// Settings for `shouldtune cost`.
        cost: Option<Entry<'n, crate::cost::CostSection<'n>>> = "cost",
    }
}

/// One approach or a list of approaches.
#[derive(schemars::JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code, reason = "documents the format; the reader reads the node")]
pub(crate) enum Plan {
    One(String),
    Many(Vec<String>),
}

/// A checked descriptor.
#[derive(Debug, Clone)]
pub struct Descriptor {
    /// The file it came from.
    pub source: SourceFile,
    /// The project's name.
    pub name: String,
    /// What the project does, if given.
    pub description: Option<String>,
    /// The approach(es) the team plans, if given.
    pub planned: Option<Planned>,
    /// One slot per question of the rule set: the answer given, if any.
    pub given: TiVec<QuestionId, Option<Value>>,
    /// Where each given answer is written.
    pub answer_spans: TiVec<QuestionId, Option<Span>>,
    /// Where the `answers:` key is, if present.
    pub answers_span: Option<Span>,
    /// Where the `name:` key is.
    pub name_span: Span,
    /// Where `incomplete: true` is written, when an interrupted `shouldtune ask` saved it.
    pub incomplete: Option<Span>,
    /// The optional `cost:` section.
    pub cost: Option<crate::cost::CostSettings>,
}

/// The approaches a team plans, and where the plan is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The planned approaches, in the order written.
    pub approaches: Vec<ApproachId>,
    /// The `planned_approach` key.
    pub span: Span,
}

impl Descriptor {
    /// The project facts the cost model needs, from the effective answers.
    #[must_use]
    pub fn volume(&self, rule_set: &RuleSet) -> crate::cost::Volume {
        crate::facts::volume(rule_set, &self.answers(rule_set))
    }

    /// The effective answers: given ones, defaults for the rest.
    #[must_use]
    pub fn answers(&self, rule_set: &RuleSet) -> Answers {
        Answers::resolve(rule_set, &self.given)
    }
}

/// Whether `file_name` is the name of a descriptor file.
#[must_use]
pub fn is_descriptor_name(file_name: &str) -> bool {
    FILE_NAMES.contains(&file_name) || (file_name.ends_with(FILE_SUFFIX) && file_name.len() > FILE_SUFFIX.len())
}

/// A descriptor file parsed into its spanned tree, not yet checked against
/// a rule set: which rule set applies can depend on its `rules:` key.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file.
    pub source: SourceFile,
    /// Its top-level mapping.
    pub root: Node,
}

impl Document {
    /// Parses `source` as YAML (syntax, limits, a mapping at the top).
    pub fn parse(source: &SourceFile, limits: Limits) -> Result<Document, Vec<Diagnostic>> {
        let root = parse_document(source, limits).map_err(|d| vec![*d])?;
        Ok(Document { source: source.clone(), root })
    }
}

/// Parses and checks a complete descriptor against `rule_set`, reporting every problem found.
///
/// A descriptor marked `incomplete: true` (an interrupted questionnaire) is refused.
pub fn parse(source: &SourceFile, rule_set: &RuleSet, limits: Limits) -> Result<Descriptor, Vec<Diagnostic>> {
    validate(&Document::parse(source, limits)?, rule_set)
}

/// Checks a parsed descriptor against `rule_set`; an incomplete one is refused.
pub fn validate(document: &Document, rule_set: &RuleSet) -> Result<Descriptor, Vec<Diagnostic>> {
    let descriptor = validate_partial(document, rule_set)?;
    if let Some(span) = descriptor.incomplete {
        return Err(vec![
            Diagnostic::error(Code::IncompleteDescriptor, Msg::new("descriptor-incomplete"), &document.source, span)
                .with_help(Msg::new("descriptor-incomplete-help").arg("name", document.source.name())),
        ]);
    }
    Ok(descriptor)
}

/// Parses a descriptor that may be marked `incomplete: true`, for resuming a questionnaire.
pub fn parse_partial(source: &SourceFile, rule_set: &RuleSet, limits: Limits) -> Result<Descriptor, Vec<Diagnostic>> {
    validate_partial(&Document::parse(source, limits)?, rule_set)
}

/// Checks a parsed descriptor that may be marked incomplete.
pub fn validate_partial(document: &Document, rule_set: &RuleSet) -> Result<Descriptor, Vec<Diagnostic>> {
    let mut sink = Sink::new(&document.source);
    let descriptor = read(&mut sink, &document.root, rule_set);
    match descriptor {
        Some(d) if !sink.has_errors() => Ok(d),
        _ => Err(sink.diagnostics),
    }
}

fn read(sink: &mut Sink<'_>, root: &Node, rule_set: &RuleSet) -> Option<Descriptor> {
    let raw = Fields::read(sink, root, What::Descriptor)?;
    let name = raw.name.require(sink, What::Descriptor).and_then(|n| expect_str(sink, n, What::Key("name")));
    let description = raw.description.and_then(|e| expect_str(sink, e.value, What::Key("description")));
    let planned = raw
        .planned_approach
        .and_then(|e| read_planned(sink, e.value, rule_set).map(|approaches| Planned { approaches, span: e.key.span }));
    let incomplete = raw
        .incomplete
        .filter(|e| crate::load::expect_bool(sink, e.value, What::Key("incomplete")) == Some(true))
        .map(|e| e.key.span);
    let count = rule_set.questions.len();
    let mut given: TiVec<QuestionId, Option<Value>> = std::iter::repeat_n(None, count).collect();
    let mut answer_spans: TiVec<QuestionId, Option<Span>> = std::iter::repeat_n(None, count).collect();
    if let Some(answers) = raw.answers {
        read_answers(sink, answers.value, rule_set, &mut given, &mut answer_spans, false)?;
    }
    Some(Descriptor {
        source: sink.source.clone(),
        name: name?.to_owned(),
        description: description.map(str::to_owned),
        planned,
        given,
        answer_spans,
        answers_span: raw.answers.map(|e| e.key.span),
        name_span: raw.name.entry.map_or(raw.span, |e| e.key.span),
        incomplete,
        cost: raw.cost.and_then(|e| crate::cost::read_settings(sink, e.value, e.key.span)),
    })
}

/// Reads an `answers:` mapping into one slot per question, checking each
/// answer against its question. `None` when the node is not a mapping.
pub(crate) fn read_answers(
    sink: &mut Sink<'_>,
    answers: &Node,
    rule_set: &RuleSet,
    given: &mut TiSlice<QuestionId, Option<Value>>,
    spans: &mut TiSlice<QuestionId, Option<Span>>,
    allow_derived: bool,
) -> Option<()> {
    // `answers:` with nothing under it is an empty mapping, not an error.
    let entries: &[(Node, Node)] =
        if matches!(answers.kind, NodeKind::Null) { &[] } else { expect_map(sink, answers, What::Key("answers"))? };
    for (key, value) in entries {
        let Some(id) = key.as_str() else {
            sink.error(
                Code::WrongType,
                Msg::new("expected-question-id").arg("found", key.kind.describe_msg()),
                key.span,
            );
            continue;
        };
        let Some(index) = rule_set.question_index(id) else {
            let diagnostic = report_unknown_key(
                sink,
                id,
                key.span,
                What::Key("answers"),
                rule_set.questions.iter().map(|q| q.id.as_str()),
            );
            diagnostic.code = Code::UnknownQuestion.into();
            diagnostic.set_message(Msg::new("unknown-question").arg("id", id));
            continue;
        };
        let question = &rule_set.questions[index];
        if let (Some(fact), false) = (question.derived, allow_derived) {
            sink.error(Code::DerivedAnswer, Msg::new("derived-answer").arg("id", id), key.span)
                .set_help(Msg::new("derived-answer-help").arg("id", id).arg("fact", fact.name()));
            continue;
        }
        if let Some(value) = crate::rules::read_answer(sink, value, &question.id, &question.kind) {
            given[index] = Some(value);
            spans[index] = Some(key.span);
        }
    }
    Some(())
}

fn read_planned(sink: &mut Sink<'_>, node: &Node, rule_set: &RuleSet) -> Option<Vec<ApproachId>> {
    let items: Vec<&Node> = match &node.kind {
        NodeKind::Null => return None,
        NodeKind::Str(_) => vec![node],
        NodeKind::Seq(items) if !items.is_empty() => items.iter().collect(),
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-planned-approach").arg("found", other.describe_msg()),
                node.span,
            )
            .set_help(Msg::new("expected-one-of").arg("list", approach_list(rule_set)));
            return None;
        }
    };
    let mut out = Vec::new();
    for item in items {
        let Some(name) = expect_str(sink, item, What::Approach) else { continue };
        match rule_set.approach_index(name) {
            Some(index) if !out.contains(&index) => out.push(index),
            Some(_) => {}
            None => {
                let help = crate::load::suggestion(name, rule_set.approaches.iter().map(|a| a.id.as_str()));
                sink.error(Code::UnknownApproach, Msg::new("unknown-approach").arg("name", name), item.span)
                    .set_help(help);
            }
        }
    }
    if out.is_empty() { None } else { Some(out) }
}

fn approach_list(rule_set: &RuleSet) -> crate::i18n::MsgArg {
    crate::load::quoted(rule_set.approaches.iter().map(|a| a.id.as_str()))
}

#[cfg(test)]
mod tests;
