//! shouldtune tells an LLM project whether to invest in prompt engineering,
//! retrieval-augmented generation (RAG) or fine-tuning, and shows why.
//!
//! The data flows one way:
//!
//! ```text
//! YAML text ──load──▶ spanned nodes ──rules / descriptor──▶ RuleSet + answers
//!          ──eval──▶ Evaluation ──report──▶ table | json | markdown | html | adr
//! ```
//!
//! ```
//! use shouldtune::{descriptor, eval, load::Limits, report::Report, rules, source::SourceFile};
//!
//! let rule_set = rules::load_default().unwrap();
//! let file = SourceFile::new("llm-project.yaml", "name: Demo\nanswers:\n  needs_private_knowledge: true\n");
//! let project = descriptor::parse(&file, &rule_set, Limits::default()).unwrap();
//! let evaluation = eval::evaluate(&rule_set, project.answers(&rule_set));
//! let report = Report::new(&rule_set, &project.name, &evaluation);
//! assert_eq!(report.recommendation, "rag");
//! ```

pub(crate) mod artefact;
pub mod check;
pub mod cost;
pub mod describe;
pub mod descriptor;
pub mod diag;
pub mod eval;
pub mod facts;
pub mod i18n;
pub mod input;
pub mod load;
pub mod overlays;
pub mod paths;
pub mod questionnaire;
pub mod report;
pub mod rules;
pub mod ruletest;
pub mod save;
pub mod schema;
pub mod source;
#[cfg(test)]
mod test_support;
pub mod text;
pub mod web;
pub mod whatif;
