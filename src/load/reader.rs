//! Typed reading of a spanned tree, collecting every problem rather than the first.

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator};

use super::{Node, NodeKind, Span};
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::source::SourceFile;

/// What a message about a value names: a key of the file (`` `name` `` in
/// every language) or a thing described in words, translated by the Fluent
/// message `what` (a select on the variant's kebab-case name). Built only when
/// a problem is reported, so reading a correct file allocates nothing for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What<'a> {
    /// A key of the file, shown as written.
    Key(&'a str),
    /// A rule file.
    RuleFile,
    /// An entry of `sources`.
    Source,
    /// An entry of `approaches`.
    Approach,
    /// An entry of `questions`.
    Question,
    /// An entry of `rules`.
    Rule,
    /// The id of an approach, question, rule, source or test case (the kind, in kebab case).
    Id(&'static str),
    /// The weight of an effect.
    EffectWeight,
    /// A locale name.
    Locale,
    /// A translation file.
    TranslationFile,
    /// The table of one locale's translations (the locale).
    Translations(&'a str),
    /// The translation of one approach, question, rule or source: its kind and id.
    TranslationOf(&'static str, &'a str),
    /// A choice question.
    ChoiceQuestion,
    /// A value of a choice question.
    ChoiceValue,
    /// The descriptor, as a whole.
    Descriptor,
    /// A rule test file.
    RuleTestFile,
    /// A case of a casebook.
    CasebookCase,
    /// A case of a rule test file.
    TestCase,
    /// A next step of a test's expectations.
    NextStep,
    /// A price table.
    PriceTable,
    /// The name of a model in a price table.
    ModelName,
    /// A model of a price table (its name).
    Model(&'a str),
    /// A key of a model of a price table (the model's name, the key).
    ModelKey(&'a str, &'a str),
}

impl What<'_> {
    /// The words for it, in any language.
    #[must_use]
    pub fn msg(self) -> Msg {
        let thing = |name: &'static str| Msg::new("what").arg("thing", name);
        match self {
            What::Key(key) => thing("key").arg("name", key),
            What::RuleFile => thing("rule-file"),
            What::Source => thing("source"),
            What::Approach => thing("approach"),
            What::Question => thing("question"),
            What::Rule => thing("rule"),
            What::Id(kind) => thing("id").arg("kind", kind),
            What::EffectWeight => thing("effect-weight"),
            What::Locale => thing("locale"),
            What::TranslationFile => thing("translation-file"),
            What::Translations(locale) => thing("translations").arg("name", locale),
            What::TranslationOf(kind, id) => thing("translation-of").arg("kind", kind).arg("name", id),
            What::ChoiceQuestion => thing("choice-question"),
            What::ChoiceValue => thing("choice-value"),
            What::Descriptor => thing("descriptor"),
            What::RuleTestFile => thing("rule-test-file"),
            What::CasebookCase => thing("casebook-case"),
            What::TestCase => thing("test-case"),
            What::NextStep => thing("next-step"),
            What::PriceTable => thing("price-table"),
            What::ModelName => thing("model-name"),
            What::Model(name) => thing("model").arg("name", name),
            What::ModelKey(name, key) => thing("model-key").arg("name", name).arg("key", key),
        }
    }
}

/// Most problems kept per file: a hostile file with thousands of mistakes
/// should produce a readable report, not thousands of snippets.
pub(crate) const MAX_DIAGNOSTICS_PER_FILE: usize = 50;

/// Where problems found while reading one file accumulate.
#[derive(Debug)]
pub(crate) struct Sink<'s> {
    pub source: &'s SourceFile,
    pub diagnostics: Vec<Diagnostic>,
    /// Problems past the cap: counted, and decorated here, but not kept.
    suppressed: usize,
    scratch: Option<Diagnostic>,
}

impl<'s> Sink<'s> {
    pub fn new(source: &'s SourceFile) -> Self {
        Sink { source, diagnostics: Vec::new(), suppressed: 0, scratch: None }
    }

    /// Records an error and returns it for further decoration.
    pub fn error(&mut self, code: Code, message: impl Into<crate::diag::Text>, span: Span) -> &mut Diagnostic {
        let diagnostic = Diagnostic::error(code, message, self.source, span);
        if self.diagnostics.len() >= MAX_DIAGNOSTICS_PER_FILE {
            if self.suppressed == 0 {
                let note = Diagnostic::error(
                    Code::TooManyProblems,
                    Msg::new("load-too-many-problems").arg("max", MAX_DIAGNOSTICS_PER_FILE),
                    self.source,
                    span,
                )
                .with_severity(crate::diag::Severity::Note);
                self.diagnostics.push(note);
            }
            self.suppressed += 1;
            return self.scratch.insert(diagnostic);
        }
        self.diagnostics.push(diagnostic);
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    pub fn has_errors(&self) -> bool {
        !self.diagnostics.is_empty()
    }

    /// Adds an already built diagnostic, under the same cap.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        // A placeholder takes the slot (or the scratch space past the cap), then the diagnostic replaces it.
        let span = diagnostic.span;
        *self.error(Code::YamlSyntax, String::new(), span) = diagnostic;
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub(crate) fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// `a`, `b`, `c`: names quoted and listed for a message.
pub fn quoted_list<'c>(names: impl IntoIterator<Item = &'c str>) -> String {
    names.into_iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// `a`, `b`, `c` as a message argument: names quoted, listed with the reader's separator.
pub fn quoted<'c>(names: impl IntoIterator<Item = &'c str>) -> crate::i18n::MsgArg {
    crate::i18n::MsgArg::List(names.into_iter().map(|n| format!("`{n}`")).collect())
}

/// The help for an unknown name: the closest candidate if one is close, else all of them.
pub(crate) fn suggestion<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str> + Clone) -> Msg {
    match did_you_mean(word, candidates.clone()) {
        Some(s) => Msg::new("did-you-mean").arg("name", s),
        None => Msg::new("expected-one-of").arg("list", quoted(candidates)),
    }
}

/// One key of a mapping and its value, as written. `T` is the type the
/// format documents for the value (for its JSON Schema); the value itself is
/// still a node, checked by the reader that validates the format.
pub(crate) struct Entry<'n, T = ()> {
    /// The key.
    pub key: &'n Node,
    /// The value.
    pub value: &'n Node,
    documented: PhantomData<fn() -> T>,
}

impl<T> Clone for Entry<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Entry<'_, T> {}

impl<T> std::fmt::Debug for Entry<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entry").field("key", &self.key).field("value", &self.value).finish()
    }
}

impl<T: JsonSchema> JsonSchema for Entry<'_, T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

/// A key a format requires: its entry if written, and what a message needs when it is not.
pub(crate) struct Required<'n, T = ()> {
    /// The entry, if written.
    pub entry: Option<Entry<'n, T>>,
    key: &'static str,
    map: Span,
}

impl<T> std::fmt::Debug for Required<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Required").field("key", &self.key).field("entry", &self.entry).finish()
    }
}

impl<'n, T> Required<'n, T> {
    /// The value, reporting its absence: "`what` is missing the required key ...".
    pub fn require(&self, sink: &mut Sink<'_>, what: What<'_>) -> Option<&'n Node> {
        if self.entry.is_none() {
            report_missing_key(sink, self.key, what, self.map);
        }
        self.value()
    }

    /// The value, if written.
    pub fn value(&self) -> Option<&'n Node> {
        self.entry.map(|e| e.value)
    }
}

impl<T: JsonSchema> JsonSchema for Required<'_, T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

/// What a field of a format struct holds: an optional or a required entry.
pub(crate) trait Slot<'n>: Sized {
    /// Takes `key` from `map`.
    fn take(map: &mut MapReader<'n>, key: &'static str) -> Self;
}

impl<'n, T> Slot<'n> for Option<Entry<'n, T>> {
    fn take(map: &mut MapReader<'n>, key: &'static str) -> Self {
        map.take(key)
    }
}

impl<'n, T> Slot<'n> for Required<'n, T> {
    fn take(map: &mut MapReader<'n>, key: &'static str) -> Self {
        Required { entry: map.take(key), key, map: map.span }
    }
}

/// Defines a mapping format once: a struct with one field per key (an
/// [`Entry`], or a [`Required`] one), whose doc comments and documented types
/// give the published JSON Schema (`#[derive(JsonSchema)]`), and whose `read`
/// takes every key from a [`MapReader`] and reports the rest as unknown.
///
/// ```text
/// mapping! {
///     /// A question.
///     pub(crate) struct QuestionFields<'n> {
///         /// Stable id.
///         id: Required<'n, String> = "id",
///         /// `boolean`, `integer` or `choice`.
///         kind: Required<'n, QuestionType> = "type",
///     }
/// }
/// ```
macro_rules! mapping {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident<'n> {
            $(
                $(#[$field_meta:meta])*
                $field:ident: $ty:ty = $key:literal,
            )*
        }
    ) => {
        #[derive(Debug, schemars::JsonSchema)]
        #[schemars(deny_unknown_fields)]
        #[allow(dead_code, reason = "a format documents keys another stage reads, and its span for messages")]
        $(#[$meta])*
        $vis struct $name<'n> {
            $(
                $(#[$field_meta])*
                #[schemars(rename = $key)]
                pub $field: $ty,
            )*
            /// Where the mapping is written.
            #[schemars(skip)]
            pub span: $crate::load::Span,
            #[schemars(skip)]
            _node: std::marker::PhantomData<&'n $crate::load::Node>,
        }

        impl<'n> $name<'n> {
            /// The keys of this mapping, in the order the format lists them.
            #[allow(dead_code, reason = "not every format lists its keys outside its reader")]
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            /// Reads `node` as this mapping (`what` names it in messages), reporting unknown keys.
            #[allow(dead_code, reason = "some formats are read key by key through `KEYS`")]
            pub fn read(sink: &mut $crate::load::Sink<'_>, node: &'n $crate::load::Node, what: $crate::load::What<'_>) -> Option<Self> {
                let mut map = $crate::load::MapReader::open(sink, node, what)?;
                let fields = $name {
                    $($field: $crate::load::Slot::take(&mut map, $key),)*
                    span: node.span,
                    _node: std::marker::PhantomData,
                };
                map.finish(sink, Self::KEYS);
                Some(fields)
            }
        }
    };
}
pub(crate) use mapping;

/// The keys of a mapping: taken one by one by whoever reads it; [`MapReader::finish`]
/// reports the ones nobody took as unknown, once.
pub(crate) struct MapReader<'n> {
    span: Span,
    what: Msg,
    /// String keys in document order, and whether they were taken.
    entries: Vec<(&'n str, &'n Node, &'n Node, bool)>,
}

impl<'n> MapReader<'n> {
    /// Opens `node` as a mapping; `what` names it in messages ("a rule", "a question").
    /// A key that is not a string is reported here.
    pub fn open(sink: &mut Sink<'_>, node: &'n Node, what: What<'_>) -> Option<Self> {
        let map = expect_map(sink, node, what)?;
        let mut entries = Vec::with_capacity(map.len());
        for (key, value) in map {
            let Some(name) = key.as_str() else {
                sink.error(
                    Code::WrongType,
                    Msg::new("expected-string-key").arg("what", what.msg()).arg("found", key.kind.describe_msg()),
                    key.span,
                );
                continue;
            };
            entries.push((name, key, value, false));
        }
        Some(MapReader { span: node.span, what: what.msg(), entries })
    }

    /// Reads `node` as a mapping whose keys must be among `allowed`, reporting the others now.
    pub fn new(sink: &mut Sink<'_>, node: &'n Node, what: What<'_>, allowed: &[&str]) -> Option<Self> {
        let mut map = Self::open(sink, node, what)?;
        for entry in &mut map.entries {
            entry.3 = allowed.contains(&entry.0);
        }
        map.finish(sink, allowed);
        Some(map)
    }

    /// Takes `key`: it is known, and [`finish`](Self::finish) will not report it.
    pub fn take<T>(&mut self, key: &str) -> Option<Entry<'n, T>> {
        let entry = self.entries.iter_mut().find(|(name, ..)| *name == key)?;
        entry.3 = true;
        Some(Entry { key: entry.1, value: entry.2, documented: PhantomData })
    }

    /// Reports every key not taken as unknown, suggesting the closest of `allowed`.
    /// Keys taken stay readable with [`get`](Self::get).
    pub fn finish(&mut self, sink: &mut Sink<'_>, allowed: &[&str]) {
        let what = &self.what;
        self.entries.retain(|&(name, key, _, taken)| {
            if !taken {
                let _ = report_unknown_key_in(sink, name, key.span, what.clone(), allowed.iter().copied());
            }
            taken
        });
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(name, ..)| *name == key).map(|(_, _, value, _)| *value)
    }

    /// The value of `key`, reporting its absence.
    pub fn require(&self, sink: &mut Sink<'_>, key: &str, what: What<'_>) -> Option<&'n Node> {
        let value = self.get(key);
        if value.is_none() {
            report_missing_key(sink, key, what, self.span);
        }
        value
    }
}

/// Reports that the mapping at `map` (named `what`) lacks the required `key`.
pub(crate) fn report_missing_key(sink: &mut Sink<'_>, key: &str, what: What<'_>, map: Span) {
    missing_key(sink, key, what.msg(), map);
}

fn missing_key(sink: &mut Sink<'_>, key: &str, what: Msg, map: Span) {
    sink.error(Code::MissingKey, Msg::new("missing-required-key").arg("what", what).arg("key", key), map)
        .set_label(Msg::new("add-key-label").arg("key", key));
}

/// Reports `name` as an unknown key, with the closest allowed key as a suggestion.
pub(crate) fn report_unknown_key<'c, 'k>(
    sink: &'k mut Sink<'_>,
    name: &str,
    span: Span,
    what: What<'_>,
    allowed: impl IntoIterator<Item = &'c str> + Clone,
) -> &'k mut Diagnostic {
    report_unknown_key_in(sink, name, span, what.msg(), allowed)
}

fn report_unknown_key_in<'c, 'k>(
    sink: &'k mut Sink<'_>,
    name: &str,
    span: Span,
    what: Msg,
    allowed: impl IntoIterator<Item = &'c str> + Clone,
) -> &'k mut Diagnostic {
    let help = suggestion(name, allowed);
    let diagnostic = sink.error(Code::UnknownKey, Msg::new("unknown-key-in").arg("key", name).arg("what", what), span);
    diagnostic.set_help(help);
    diagnostic
}

/// The entries of a mapping node.
pub(crate) fn expect_map<'n>(sink: &mut Sink<'_>, node: &'n Node, what: What<'_>) -> Option<&'n [(Node, Node)]> {
    match &node.kind {
        NodeKind::Map(entries) => Some(entries),
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-mapping").arg("what", what.msg()).arg("found", other.describe_msg()),
                node.span,
            );
            None
        }
    }
}

/// The items of a sequence node.
pub(crate) fn expect_seq<'n>(sink: &mut Sink<'_>, node: &'n Node, what: What<'_>) -> Option<&'n [Node]> {
    match &node.kind {
        NodeKind::Seq(items) => Some(items),
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-list").arg("what", what.msg()).arg("found", other.describe_msg()),
                node.span,
            );
            None
        }
    }
}

/// The text of a non-empty string node.
pub(crate) fn expect_str<'n>(sink: &mut Sink<'_>, node: &'n Node, what: What<'_>) -> Option<&'n str> {
    match &node.kind {
        NodeKind::Str(s) if !s.trim().is_empty() => Some(s),
        NodeKind::Str(_) => {
            sink.error(Code::WrongType, Msg::new("expected-nonempty-string").arg("what", what.msg()), node.span);
            None
        }
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-string").arg("what", what.msg()).arg("found", other.describe_msg()),
                node.span,
            );
            None
        }
    }
}

/// The value of a boolean node.
pub(crate) fn expect_bool(sink: &mut Sink<'_>, node: &Node, what: What<'_>) -> Option<bool> {
    match &node.kind {
        NodeKind::Bool(b) => Some(*b),
        other => {
            let diagnostic = sink.error(
                Code::WrongType,
                Msg::new("expected-bool").arg("what", what.msg()).arg("found", other.describe_msg()),
                node.span,
            );
            if let NodeKind::Str(s) = other {
                match s.to_ascii_lowercase().as_str() {
                    "yes" | "y" | "on" => diagnostic.set_help(Msg::new("write-value").arg("value", "true")),
                    "no" | "n" | "off" => diagnostic.set_help(Msg::new("write-value").arg("value", "false")),
                    _ => {}
                }
            }
            None
        }
    }
}

/// The value of an integer node.
pub(crate) fn expect_int(sink: &mut Sink<'_>, node: &Node, what: What<'_>) -> Option<i64> {
    match &node.kind {
        NodeKind::Int(i) => Some(*i),
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-whole-number").arg("what", what.msg()).arg("found", other.describe_msg()),
                node.span,
            );
            None
        }
    }
}

/// An exact decimal number, read from the scalar's source text so that
/// `0.0015` is 0.0015 and not the nearest binary float.
pub(crate) fn expect_decimal(sink: &mut Sink<'_>, node: &Node, what: What<'_>) -> Option<rust_decimal::Decimal> {
    use std::str::FromStr as _;
    let raw = match &node.kind {
        NodeKind::Int(i) => return Some(rust_decimal::Decimal::from(*i)),
        NodeKind::Float(..) => sink.source.text().get(node.span.offset..node.span.offset + node.span.len),
        NodeKind::Str(s) => Some(s.as_str()),
        _ => None,
    };
    let parsed = raw.map(|r| r.trim().trim_matches(['"', '\''])).and_then(|r| {
        rust_decimal::Decimal::from_str(&r.replace('_', "")).or_else(|_| rust_decimal::Decimal::from_scientific(r)).ok()
    });
    if parsed.is_none() {
        sink.error(
            Code::WrongType,
            Msg::new("expected-number").arg("what", what.msg()).arg("found", node.kind.describe_msg()),
            node.span,
        );
    }
    parsed
}
