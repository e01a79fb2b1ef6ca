//! JSON Schemas for editors and tools: descriptors (knowing the rule set's
//! questions), rule files, and the JSON report.

#![expect(dead_code, reason = "the document types exist only to derive schemas from")]

use schemars::{JsonSchema, Schema, schema_for};
use serde_json::{Map, Value, json};

use crate::rules::{QuestionKind, RuleSet};

/// An LLM project descriptor (`llm-project.yaml`), checked by `shouldtune evaluate` and `shouldtune check`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "shouldtune project descriptor")]
struct DescriptorDoc {
    /// The project's name.
    name: String,
    /// What the project does.
    description: Option<String>,
    /// The approach (or approaches) the team plans; `check` compares it with the recommendation.
    planned_approach: Option<Plan>,
    /// Set by an interrupted `shouldtune ask`; `evaluate` and `check` refuse the file until it is finished.
    incomplete: Option<bool>,
    /// Rule files (overlays) this project is evaluated with, relative to this file and inside the repository.
    rules: Option<Vec<String>>,
    /// Answers to the rule set's questions; unanswered questions take their defaults.
    answers: Option<Map<String, Value>>,
    /// Settings for `shouldtune cost`.
    cost: Option<CostDoc>,
}

/// One approach or a list of approaches.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum Plan {
    One(String),
    Many(Vec<String>),
}

/// Settings for `shouldtune cost`; anything left out is assumed and reported.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct CostDoc {
    /// Price table id (default `azure-openai-2023-10`; `shouldtune cost --tables` lists them).
    price_table: Option<String>,
    /// The model the baseline (prompt engineering, RAG) runs on (default: the table's default model).
    model: Option<String>,
    /// The model fine-tuned and deployed, priced separately (default: `model`).
    fine_tuned_model: Option<String>,
    /// Output tokens per request (default 300).
    output_tokens: Option<u64>,
    /// Prompt tokens per request once instructions and examples move into the fine-tuned model (default a tenth of `prompt_tokens`).
    fine_tuned_prompt_tokens: Option<u64>,
    /// Retrieved tokens RAG adds to each request (default 1500).
    rag_context_tokens: Option<u64>,
    /// Fine-tuning method (default `sft`).
    method: Option<MethodDoc>,
    /// Where SFT and DPO training runs (default `regional`).
    training_tier: Option<TierDoc>,
    /// Training time in hours: active time (per-hour tables) or core training time (RFT) (default 1).
    training_hours: Option<f64>,
    /// Training tokens: tokens in the training file times epochs (per-token tables).
    training_tokens: Option<u64>,
    /// Tokens in the training file, with `epochs` (instead of `training_tokens`).
    training_file_tokens: Option<u64>,
    /// Passes over the training file (default 3).
    epochs: Option<u64>,
    /// The model grading RFT outputs (a model in the same table).
    grader_model: Option<String>,
    /// Input tokens the RFT grader reads over the job.
    grader_input_tokens: Option<u64>,
    /// Output tokens the RFT grader writes over the job.
    grader_output_tokens: Option<u64>,
    /// How the fine-tuned model is deployed (default `standard`).
    deployment: Option<DeploymentDoc>,
    /// Hours a month the fine-tuned model is deployed (default 730).
    hosting_hours_per_month: Option<f64>,
    /// PTU-hours a month, units times hours (`deployment: provisioned`).
    ptu_hours_per_month: Option<f64>,
    /// Your price of one PTU-hour (`deployment: provisioned`).
    ptu_hourly_rate: Option<f64>,
}

/// Fine-tuning methods.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum MethodDoc {
    /// Supervised fine-tuning, billed per training token.
    Sft,
    /// Preference fine-tuning, billed per training token.
    Dpo,
    /// Reinforcement fine-tuning, billed per hour of core training plus grader tokens.
    Rft,
}

/// Training tiers.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum TierDoc {
    /// Regional standard training.
    Regional,
    /// Global standard training.
    Global,
    /// Developer training.
    Developer,
}

/// Deployment types.
#[derive(JsonSchema)]
#[schemars(rename_all = "snake_case")]
enum DeploymentDoc {
    /// Tokens plus an hourly hosting fee.
    Standard,
    /// Tokens plus an hourly hosting fee.
    GlobalStandard,
    /// Tokens only; removed after 24 hours; for evaluation.
    Developer,
    /// PTU-hours at your own rate, no token charges.
    Provisioned,
}

/// A shouldtune rule file.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "shouldtune rule file")]
struct RuleFileDoc {
    /// Format version; only 1 exists.
    version: Option<u32>,
    /// `default` reads this file on top of the embedded default rule set.
    extends: Option<String>,
    /// The languages the rule set's texts are translated into, English first: `[en, ja]`.
    locales: Option<Vec<LocaleDoc>>,
    /// The source catalogue: publications rules cite by id.
    sources: Option<Vec<SourceDoc>>,
    /// Approaches, simplest first (ties go to the earlier one).
    approaches: Option<Vec<ApproachDoc>>,
    /// Questions, in the order they are asked.
    questions: Option<Vec<QuestionDoc>>,
    /// Rules.
    rules: Option<Vec<RuleDoc>>,
    /// Ids of rules from earlier files to remove.
    disable: Option<Vec<String>>,
    /// Translations of the rule set's texts, by language, then by id.
    translations: Option<TranslationsDoc>,
}

/// Translations by language.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct TranslationsDoc {
    /// English (the rule file's own texts are English already).
    en: Option<TranslationDoc>,
    /// Japanese.
    ja: Option<TranslationDoc>,
}

/// A language shouldtune speaks.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum LocaleDoc {
    En,
    Ja,
}

/// One language's translations, by id (also the shape of a translation file, with `locale:`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct TranslationDoc {
    /// Approaches by id.
    approaches: Option<std::collections::BTreeMap<String, TranslatedApproach>>,
    /// Questions by id.
    questions: Option<std::collections::BTreeMap<String, TranslatedQuestion>>,
    /// Rules by id.
    rules: Option<std::collections::BTreeMap<String, TranslatedRule>>,
    /// Sources by id.
    sources: Option<std::collections::BTreeMap<String, TranslatedSource>>,
}

/// An approach's texts.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct TranslatedApproach {
    /// Title.
    title: Option<String>,
    /// One line saying what it is.
    description: Option<String>,
}

/// A question's texts.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct TranslatedQuestion {
    /// The question as asked.
    text: Option<String>,
    /// Guidance for whoever answers.
    help: Option<String>,
    /// A label per choice value.
    values: Option<std::collections::BTreeMap<String, String>>,
}

/// A rule's texts.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct TranslatedRule {
    /// Short title.
    title: Option<String>,
    /// Why.
    because: Option<String>,
    /// What to do next.
    next_step: Option<String>,
}

/// A source's texts.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct TranslatedSource {
    /// Title.
    title: Option<String>,
    /// What it says.
    says: Option<String>,
}

/// A source in the catalogue.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct SourceDoc {
    /// Stable kebab-case id rules cite, e.g. `guidance-2-2`.
    #[schemars(regex(pattern = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"))]
    id: String,
    /// Title, with the point cited when the source is one point of a longer text.
    title: String,
    /// Who published it.
    publisher: String,
    /// Where to read it: an absolute `https://` or `http://` address.
    #[schemars(regex(pattern = r"^https?://[^/\s]"))]
    url: String,
    /// Publication date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    date: String,
    /// What it says, in one sentence.
    says: String,
    /// Replace the source with this id from an earlier file.
    #[schemars(rename = "override")]
    replace: Option<bool>,
}

/// A rule's citation: one source id or free text, or a list of them.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum CitationDoc {
    One(String),
    Many(Vec<String>),
}

/// How serious a plan rule's finding is.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum SeverityDoc {
    Error,
    Warning,
    Note,
}

/// An approach.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ApproachDoc {
    /// Stable id.
    id: String,
    /// Title.
    title: String,
    /// One line saying what it is.
    description: Option<String>,
    /// Replace the title and description of an approach defined in an earlier file.
    #[schemars(rename = "override")]
    replace: Option<bool>,
}

/// A question.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct QuestionDoc {
    /// Stable id, used as the answer key in descriptors.
    id: String,
    /// The question as asked.
    text: String,
    /// Guidance for whoever answers.
    help: Option<String>,
    /// `boolean`, `integer` or `choice`.
    #[schemars(rename = "type")]
    kind: QuestionType,
    /// The allowed values of a choice question.
    values: Option<Vec<String>>,
    /// Smallest allowed integer.
    min: Option<i64>,
    /// Largest allowed integer.
    max: Option<i64>,
    /// The conservative answer assumed when none is given.
    default: Value,
    /// Ask only when this condition holds (it may read only earlier questions).
    ask_when: Option<String>,
    /// Never asked: a boolean fact the application derives, `cost.fine_tuning_breaks_even`.
    derived: Option<String>,
    /// The rule-set revision that added the question; `check` accepts its default without an error in older descriptors.
    since: Option<i64>,
}

/// Question types.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
enum QuestionType {
    Boolean,
    Integer,
    Choice,
}

/// A rule.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct RuleDoc {
    /// Stable id.
    id: String,
    /// Short title.
    title: String,
    /// The condition, e.g. `examples_available >= 500 and not needs_private_knowledge`.
    when: String,
    /// Weights added to approaches' scores, by approach id.
    effects: Option<std::collections::BTreeMap<String, i32>>,
    /// Approaches this rule rules out.
    veto: Option<Vec<String>>,
    /// Approaches to keep alongside the recommendation.
    combine_with: Option<Vec<String>>,
    /// Makes this an advice rule that fires only when one of these is recommended.
    when_recommended: Option<Vec<String>>,
    /// Makes this a plan rule: when its condition holds and the descriptor plans one of these, `check`,
    /// `evaluate` and `ask` report a finding under the rule's id.
    when_planned: Option<Vec<String>>,
    /// A plan rule's severity (required with `when_planned`, allowed only with it).
    severity: Option<SeverityDoc>,
    /// Why, in one or two sentences a reader can act on.
    because: String,
    /// What it cites: source catalogue ids, or free text (one or a list).
    source: CitationDoc,
    /// What to do next when it fires.
    next_step: Option<String>,
    /// Replace the rule with this id from an earlier file.
    #[schemars(rename = "override")]
    replace: Option<bool>,
}

/// The schema of descriptors for `rule_set`: its question ids, types, ranges
/// and choice values, so editors flag misspelt ids and unknown values.
#[must_use]
pub fn descriptor(rule_set: &RuleSet) -> Value {
    let mut schema = to_value(schema_for!(DescriptorDoc));
    let mut properties = Map::new();
    for question in rule_set.questions.iter().filter(|q| q.derived.is_none()) {
        let mut property = match &question.kind {
            QuestionKind::Boolean => json!({ "type": "boolean" }),
            QuestionKind::Integer { min, max } => {
                let mut p = json!({ "type": "integer" });
                if let Some(min) = min {
                    p["minimum"] = json!(min);
                }
                if let Some(max) = max {
                    p["maximum"] = json!(max);
                }
                p
            }
            QuestionKind::Choice { values } => json!({ "type": "string", "enum": values }),
        };
        let description = if question.help.is_empty() {
            question.text.clone()
        } else {
            format!("{} {}", question.text, question.help)
        };
        property["description"] = json!(description);
        property["default"] = question.json_value(question.default);
        properties.insert(question.id.clone(), property);
    }
    let approaches: Vec<&str> = rule_set.approaches.iter().map(|a| a.id.as_str()).collect();
    schema["properties"]["answers"] = json!({
        "description": "Answers to the rule set's questions; unanswered questions take their defaults.",
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    });
    schema["properties"]["planned_approach"] = json!({
        "description": "The approach (or approaches) the team plans; `check` compares it with the recommendation.",
        "anyOf": [
            { "type": "null" },
            { "type": "string", "enum": approaches },
            { "type": "array", "items": { "type": "string", "enum": approaches }, "minItems": 1, "uniqueItems": true },
        ],
    });
    schema
}

/// The schema of rule files.
#[must_use]
pub fn rules() -> Value {
    to_value(schema_for!(RuleFileDoc))
}

/// The schema of the `evaluate --format json` report.
#[must_use]
pub fn report() -> Value {
    to_value(schema_for!(crate::report::Report))
}

fn to_value(schema: Schema) -> Value {
    schema.to_value()
}
