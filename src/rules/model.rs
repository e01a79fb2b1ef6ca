//! The validated rule set: what the evaluator works on.
//!
//! Nothing here can be wrong: ids are unique, conditions are type-checked
//! and refer to questions by index, defaults fit their questions.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use super::expr::Expr;
use crate::diag::Severity;
use crate::load::Span;
use crate::source::SourceFile;

pub use typed_index_collections::{TiSlice, TiVec};

/// Declares a typed position in one of the rule set's lists, so that a rule's
/// position can never index the questions by mistake.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(usize);

        impl $name {
            /// The position as a plain index, for lists that are not typed.
            #[must_use]
            pub const fn index(self) -> usize {
                self.0
            }
        }

        impl From<usize> for $name {
            fn from(index: usize) -> Self {
                Self(index)
            }
        }

        impl From<$name> for usize {
            fn from(id: $name) -> usize {
                id.0
            }
        }
    };
}

id_type! {
    /// Position of a question in [`RuleSet::questions`], which is also the
    /// position of its answer in [`crate::eval::Answers`].
    QuestionId
}
id_type! {
    /// Position of a rule in [`RuleSet::rules`].
    RuleId
}
id_type! {
    /// Position of an approach in [`RuleSet::approaches`]; lower is simpler.
    ApproachId
}
id_type! {
    /// Position of a source in [`RuleSet::sources`].
    SourceId
}

/// A complete, checked rule set.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RuleSet {
    /// The approaches, simplest first: ties go to the earlier one.
    pub approaches: TiVec<ApproachId, Approach>,
    /// The questions, in the order they are asked.
    pub questions: TiVec<QuestionId, Question>,
    /// The rules, in declaration order.
    pub rules: TiVec<RuleId, Rule>,
    /// The source catalogue: what rules cite, in declaration order.
    pub sources: TiVec<SourceId, Source>,
    /// The overlay files a descriptor named, on top of the base rule set.
    pub overlays: Vec<Overlay>,
    /// The locales the rule set declares (`locales:`), English first: every
    /// text should have a translation in each (`rules check` reports gaps).
    pub locales: Vec<String>,
    /// The locales each rule file declares for its own texts, by file name:
    /// `rules check` asks for translations only of texts whose file declares the locale.
    pub file_locales: Vec<(String, Vec<String>)>,
    /// The locale this value's texts are in: `en` as loaded, another after [`RuleSet::localized`].
    pub locale: String,
    /// Translations by locale, then by text key (see [`TextKey`]).
    #[serde(with = "super::embedded::translations")]
    pub translations: Translations,
    /// The conditions and effects compiled for evaluation, built by the loader
    /// from the fields above (which are not changed after loading).
    pub(crate) program: crate::rules::program::Program,
}

/// Translated texts by locale, then by text key (see [`TextKey`]).
pub type TranslationTables = BTreeMap<String, BTreeMap<String, String>>;

/// A rule set's translations: [`TranslationTables`], read through `Deref`
/// or [`Translations::get`].
///
/// The embedded rule set's are decoded from an artefact of their own when
/// first read (see `rules::embedded`): a run in English never reads them. The
/// tables are shared by every clone of the rule set (they never change after
/// loading), so a localized copy neither copies nor decodes them again.
#[derive(Clone)]
pub struct Translations {
    tables: Arc<OnceLock<TranslationTables>>,
    /// The locales of the embedded rule set's tables, while they are not
    /// decoded yet; `None` when the tables were given.
    embedded: Option<Vec<String>>,
}

impl Translations {
    /// The embedded rule set's translations, in `locales`, decoded when first read.
    pub(super) fn embedded(locales: Vec<String>) -> Translations {
        Translations { tables: Arc::new(OnceLock::new()), embedded: Some(locales) }
    }

    /// The table of `locale`, if there is one (without decoding anything for a locale there is none of).
    #[must_use]
    pub fn get(&self, locale: &str) -> Option<&BTreeMap<String, String>> {
        if let Some(locales) = &self.embedded
            && !locales.iter().any(|l| l == locale)
        {
            return None;
        }
        self.tables().get(locale)
    }

    /// The locales there are tables of, without decoding them.
    pub(super) fn locales(&self) -> Vec<&str> {
        match &self.embedded {
            Some(locales) => locales.iter().map(String::as_str).collect(),
            None => self.tables().keys().map(String::as_str).collect(),
        }
    }

    /// Whether the tables are in memory (always, unless they are the embedded ones and still unread).
    #[cfg(test)]
    pub(super) fn decoded(&self) -> bool {
        self.tables.get().is_some()
    }

    fn tables(&self) -> &TranslationTables {
        // Only the embedded rule set's can be unset: `From` and `Default` set them.
        self.tables.get_or_init(super::embedded::decode_translations)
    }
}

impl From<TranslationTables> for Translations {
    fn from(tables: TranslationTables) -> Self {
        Translations { tables: Arc::new(OnceLock::from(tables)), embedded: None }
    }
}

impl Default for Translations {
    fn default() -> Self {
        Translations::from(TranslationTables::new())
    }
}

impl std::ops::Deref for Translations {
    type Target = TranslationTables;

    fn deref(&self) -> &TranslationTables {
        self.tables()
    }
}

impl<'a> IntoIterator for &'a Translations {
    type Item = (&'a String, &'a BTreeMap<String, String>);
    type IntoIter = std::collections::btree_map::Iter<'a, String, BTreeMap<String, String>>;

    fn into_iter(self) -> Self::IntoIter {
        self.tables().iter()
    }
}

impl std::fmt::Debug for Translations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.tables(), f)
    }
}

/// An overlay rule file in force, and what it changed in the rules beneath it.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Overlay {
    /// The file, as the descriptor names it.
    pub file: String,
    /// Rule ids it disabled.
    pub disabled: Vec<String>,
    /// Rule ids it replaced (`override: true`).
    pub overridden: Vec<String>,
    /// Rule ids it added.
    pub added: Vec<String>,
}

impl Overlay {
    /// One line for humans: `file (disables a, b; overrides c; adds d)`.
    #[must_use]
    pub fn summary(&self) -> String {
        self.summary_msg().render(crate::i18n::Lang::En)
    }

    /// [`Overlay::summary`] as a message, to render in any language.
    #[must_use]
    pub fn summary_msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self.changes(str::to_owned) {
            Some(changes) => Msg::new("overlay-summary").arg("file", &self.file).arg("changes", changes),
            None => Msg::new("overlay-file").arg("file", &self.file),
        }
    }

    /// What it changed (`disables a, b; adds d`), each id shown by `show`; `None` when nothing.
    #[must_use]
    pub fn changes(&self, show: impl Fn(&str) -> String) -> Option<crate::i18n::Msg> {
        use crate::i18n::{Msg, MsgArg};
        [("overlay-disables", &self.disabled), ("overlay-overrides", &self.overridden), ("overlay-adds", &self.added)]
            .into_iter()
            .filter(|(_, ids)| !ids.is_empty())
            .map(|(id, ids)| Msg::new(id).arg("list", MsgArg::List(ids.iter().map(|i| show(i)).collect())))
            .reduce(|all, next| Msg::new("overlay-changes-and").arg("all", all).arg("next", next))
    }
}

impl RuleSet {
    /// The compiled form the evaluator runs.
    #[must_use]
    pub fn program(&self) -> &crate::rules::program::Program {
        &self.program
    }

    /// The index of the question with this id.
    #[must_use]
    pub fn question_index(&self, id: &str) -> Option<QuestionId> {
        self.questions.position(|q| q.id == id)
    }

    /// The index of the catalogue source with this id.
    #[must_use]
    pub fn source_index(&self, id: &str) -> Option<SourceId> {
        self.sources.position(|s| s.id == id)
    }

    /// The index of the approach with this id.
    #[must_use]
    pub fn approach_index(&self, id: &str) -> Option<ApproachId> {
        self.approaches.position(|a| a.id == id)
    }

    /// Every translatable text: its key and its English text, in declaration order.
    /// Empty optional texts (a question without help, a rule without a next step) are left out.
    #[must_use]
    pub fn texts(&self) -> Vec<(TextKey, &str)> {
        let mut out = Vec::new();
        for a in &self.approaches {
            out.push((TextKey::new("approaches", &a.id, "title"), a.title.as_str()));
            out.push((TextKey::new("approaches", &a.id, "description"), a.description.as_str()));
        }
        for q in &self.questions {
            out.push((TextKey::new("questions", &q.id, "text"), q.text.as_str()));
            out.push((TextKey::new("questions", &q.id, "help"), q.help.as_str()));
            if let QuestionKind::Choice { values } = &q.kind {
                for v in values {
                    out.push((TextKey::new("questions", &q.id, &format!("values.{v}")), v.as_str()));
                }
            }
        }
        for r in &self.rules {
            out.push((TextKey::new("rules", &r.id, "title"), r.title.as_str()));
            out.push((TextKey::new("rules", &r.id, "because"), r.because.as_str()));
            out.push((TextKey::new("rules", &r.id, "next_step"), r.next_step.as_deref().unwrap_or_default()));
        }
        for s in &self.sources {
            out.push((TextKey::new("sources", &s.id, "title"), s.title.as_str()));
            out.push((TextKey::new("sources", &s.id, "says"), s.says.as_str()));
        }
        out.retain(|(_, text)| !text.is_empty());
        out
    }

    /// The translation of `key` into `locale`, if the rule set has one.
    #[must_use]
    pub fn translation(&self, locale: &str, key: &TextKey) -> Option<&str> {
        self.translations.get(locale)?.get(&key.0).map(String::as_str)
    }

    /// The same rule set with its texts in `locale` (ids, conditions and
    /// weights unchanged): each text with a translation is replaced, the
    /// others stay English. `en`, or a locale without translations, gives a copy.
    #[must_use]
    pub fn localized(&self, locale: &str) -> RuleSet {
        let mut out = self.clone();
        locale.clone_into(&mut out.locale);
        let Some(table) = self.translations.get(locale) else { return out };
        let put = |target: &mut String, kind: &str, id: &str, field: &str| {
            if let Some(text) = table.get(&TextKey::new(kind, id, field).0) {
                text.clone_into(target);
            }
        };
        for a in &mut out.approaches {
            put(&mut a.title, "approaches", &a.id, "title");
            put(&mut a.description, "approaches", &a.id, "description");
        }
        for q in &mut out.questions {
            put(&mut q.text, "questions", &q.id, "text");
            put(&mut q.help, "questions", &q.id, "help");
        }
        for s in &mut out.sources {
            put(&mut s.title, "sources", &s.id, "title");
            put(&mut s.says, "sources", &s.id, "says");
        }
        for r in &mut out.rules {
            put(&mut r.title, "rules", &r.id, "title");
            put(&mut r.because, "rules", &r.id, "because");
            if let Some(step) = &mut r.next_step {
                put(step, "rules", &r.id, "next_step");
            }
            r.source = citation_text(&r.citations, &out.sources);
        }
        out
    }

    /// How a choice value reads to people in this rule set's locale: its
    /// translated label, else the value itself.
    #[must_use]
    pub fn choice_label<'a>(&'a self, question: &str, value: &'a str) -> &'a str {
        self.translation(&self.locale, &TextKey::new("questions", question, &format!("values.{value}")))
            .unwrap_or(value)
    }
}

/// The key of a translatable text: `KIND.ID.FIELD`, e.g. `rules.too-few-examples.because`
/// or `questions.task_type.values.qa`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TextKey(pub String);

impl TextKey {
    /// The key of `field` of the definition `id` of `kind` (`approaches`, `questions`, `rules`, `sources`).
    #[must_use]
    pub fn new(kind: &str, id: &str, field: &str) -> TextKey {
        TextKey(format!("{kind}.{id}.{field}"))
    }
}

/// The citations as one line: catalogue titles and free text, joined by `; `.
pub(crate) fn citation_text(citations: &[Citation], catalogue: &TiSlice<SourceId, Source>) -> String {
    let parts: Vec<&str> = citations
        .iter()
        .map(|c| match c {
            Citation::Catalogue(i) => catalogue.get(*i).map_or("", |s| s.title.as_str()),
            Citation::Text(text) => text.as_str(),
        })
        .collect();
    parts.join("; ")
}

/// Where a definition was written.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// The rule file (in the compiled embedded rule set, by name: see `rules::embedded`).
    #[serde(with = "super::embedded::origin_file")]
    pub file: SourceFile,
    /// The definition's `id` value.
    pub span: Span,
}

/// One of the approaches a project can take.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Approach {
    /// Stable id, e.g. `fine_tuning`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// One line saying what it is.
    pub description: String,
    /// Where it was defined.
    pub origin: Origin,
}

/// An entry of the source catalogue: a publication rules cite by id.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// Stable kebab-case id, e.g. `guidance-2-2`.
    pub id: String,
    /// The title, with the point cited when the source is one point of a longer text.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where to read it (`http` or `https`).
    pub url: String,
    /// When it was published: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// What it says, in one sentence.
    pub says: String,
    /// Where it was defined.
    pub origin: Origin,
}

/// What a rule cites: a catalogue entry, or free text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Citation {
    /// Index into [`RuleSet::sources`].
    Catalogue(SourceId),
    /// A citation that is not a catalogue id, kept as written.
    Text(String),
}

/// A question the project answers.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Question {
    /// Stable id, used as the descriptor's answer key.
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// Longer guidance for whoever answers.
    pub help: String,
    /// Its type and constraints.
    pub kind: QuestionKind,
    /// The conservative answer assumed when none is given.
    pub default: Value,
    /// Asked only when this holds; otherwise not applicable and the default stands.
    pub ask_when: Option<Condition>,
    /// Set for a fact the application derives (from the cost model) instead of asking.
    pub derived: Option<DerivedFact>,
    /// The rule-set revision that added the question: descriptors written
    /// before it may leave it unanswered, and `check` says so as a note only.
    pub since: Option<i64>,
    /// Where it was defined.
    pub origin: Origin,
}

/// A fact derived from the other answers by a model outside the rule set,
/// so rules can read it like an answer instead of restating its thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DerivedFact {
    /// At the project's monthly volume, a fine-tuned deployment costs no more
    /// a month than the baseline approach (training excluded).
    FineTuningBreaksEven,
}

impl DerivedFact {
    /// Every fact, for messages and schemas.
    pub const ALL: &[DerivedFact] = &[DerivedFact::FineTuningBreaksEven];

    /// The name written after `derived:` in a rule file.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            DerivedFact::FineTuningBreaksEven => "cost.fine_tuning_breaks_even",
        }
    }

    /// The fact with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<DerivedFact> {
        Self::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// The type of a question's answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum QuestionKind {
    /// Yes or no.
    Boolean,
    /// A whole number within optional bounds.
    Integer {
        /// Smallest allowed value.
        min: Option<i64>,
        /// Largest allowed value.
        max: Option<i64>,
    },
    /// One of a fixed list of values.
    Choice {
        /// The allowed values, in declaration order.
        values: Vec<String>,
    },
}

impl QuestionKind {
    /// "a boolean", "a whole number", "a choice".
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            QuestionKind::Boolean => "a boolean",
            QuestionKind::Integer { .. } => "a whole number",
            QuestionKind::Choice { .. } => "a choice",
        }
    }

    /// The type's name in rule files.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::Boolean => "boolean",
            QuestionKind::Integer { .. } => "integer",
            QuestionKind::Choice { .. } => "choice",
        }
    }
}

/// An answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// For boolean questions.
    Bool(bool),
    /// For integer questions.
    Int(i64),
    /// For choice questions: the index of the value.
    Choice(u16),
}

impl Question {
    /// The answer as written in a descriptor (`true`, `500`, `weekly`).
    #[must_use]
    pub fn display_value(&self, value: Value) -> String {
        match (value, &self.kind) {
            (Value::Choice(index), QuestionKind::Choice { values }) => {
                values.get(usize::from(index)).cloned().unwrap_or_default()
            }
            (Value::Bool(b), _) => b.to_string(),
            (Value::Int(i), _) => i.to_string(),
            (Value::Choice(index), _) => index.to_string(),
        }
    }

    /// The answer as JSON.
    #[must_use]
    pub fn json_value(&self, value: Value) -> serde_json::Value {
        match value {
            Value::Bool(b) => serde_json::Value::Bool(b),
            Value::Int(i) => serde_json::Value::from(i),
            Value::Choice(_) => serde_json::Value::String(self.display_value(value)),
        }
    }
}

/// A type-checked condition with the text it came from.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Condition {
    /// As written in the rule file.
    pub text: String,
    /// Compiled.
    pub expr: Expr,
}

/// A rule: when its condition holds, it scores, vetoes or advises.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// Short title.
    pub title: String,
    /// When the rule fires.
    pub when: Condition,
    /// Weights added to approaches' scores, in approach order, zero weights omitted.
    pub effects: Vec<(ApproachId, i32)>,
    /// Approaches this rule rules out.
    pub veto: Vec<ApproachId>,
    /// Approaches to keep alongside whatever is recommended.
    pub combine_with: Vec<ApproachId>,
    /// Fires only when the recommendation is one of these (advice rules only).
    pub when_recommended: Vec<ApproachId>,
    /// Makes it a plan rule: a finding about a plan that includes one of these.
    pub when_planned: Vec<ApproachId>,
    /// How serious a plan rule's finding is (plan rules only).
    pub severity: Option<Severity>,
    /// Why, in one or two sentences a reader can act on.
    pub because: String,
    /// What it cites, as one line: catalogue titles and free text, joined by `; `.
    pub source: String,
    /// What it cites, as written.
    pub citations: Vec<Citation>,
    /// What to do next when the rule fires.
    pub next_step: Option<String>,
    /// Where it was defined.
    pub origin: Origin,
}

impl Rule {
    /// Advice rules depend on the recommendation, so they cannot affect it.
    #[must_use]
    pub fn is_advice(&self) -> bool {
        !self.when_recommended.is_empty()
    }

    /// Plan rules judge the descriptor's plan; they neither score nor advise.
    #[must_use]
    pub fn is_plan(&self) -> bool {
        !self.when_planned.is_empty()
    }

    /// Whether the rule takes part in scoring (neither advice nor plan rule).
    #[must_use]
    pub fn is_scoring(&self) -> bool {
        !self.is_advice() && !self.is_plan()
    }

    /// The catalogue entries it cites, in citation order.
    #[must_use]
    pub fn catalogue_sources<'s>(&self, rule_set: &'s RuleSet) -> Vec<&'s Source> {
        self.citations
            .iter()
            .filter_map(|c| match c {
                Citation::Catalogue(i) => rule_set.sources.get(*i),
                Citation::Text(_) => None,
            })
            .collect()
    }
}
