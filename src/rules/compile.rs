//! Rule files (spanned YAML) → a validated [`RuleSet`].

use std::collections::HashMap;

use super::expr::{self, Expr, ExprError, QuestionInfo, QuestionTable};
use super::format;
use super::locale;
use super::model::{
    Approach, ApproachId, Citation, Condition, DerivedFact, Origin, Question, QuestionId, QuestionKind, Rule, RuleSet,
    Source, SourceId, TiSlice, Value, citation_text,
};
use crate::diag::{Code, Diagnostic, Severity};
use crate::i18n::Msg;
use crate::load::What;
use crate::load::{
    Entry, Limits, Node, NodeKind, Sink, Span, did_you_mean, expect_bool, expect_int, expect_map, expect_seq,
    expect_str, parse_document,
};
use crate::load::{Required, suggestion};
use crate::source::SourceFile;

/// Most problems reported for one rule set.
const MAX_PROBLEMS: usize = 100;

/// The one rule-file format version this build reads.
const FORMAT_VERSION: i64 = 1;

/// A parsed rule file, its top-level sections not yet interpreted.
struct ParsedFile {
    source: SourceFile,
    root: Node,
}

pub(super) fn compile(files: &[SourceFile], limits: Limits) -> Result<RuleSet, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut parsed = Vec::new();
    let mut default_included = files.iter().any(is_embedded_default);
    for file in files {
        match parse(file, limits) {
            Ok(root) => {
                if extends_default(&root) && !default_included {
                    default_included = true;
                    let default = super::default_source();
                    match parse(&default, limits) {
                        Ok(default_root) => parsed.insert(0, ParsedFile { source: default, root: default_root }),
                        Err(d) => diagnostics.push(*d),
                    }
                }
                parsed.push(ParsedFile { source: file.clone(), root });
            }
            Err(d) => diagnostics.push(*d),
        }
    }
    // The default rule set's translations come with it.
    let mut translation_files = Vec::new();
    if parsed.iter().any(|p| is_embedded_default(&p.source)) {
        for source in super::default_translation_sources() {
            match parse_document(&source, Limits::default()) {
                Ok(root) => translation_files.push(ParsedFile { source, root }),
                Err(d) => diagnostics.push(*d),
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut builder = Builder::default();
    for file in &parsed {
        builder.read_file(file);
    }
    for file in &translation_files {
        let mut sink = Sink::new(&file.source);
        if let Some(table) = locale::read_file(&mut sink, &file.source, &file.root) {
            builder.tables.push(table);
        }
        builder.diagnostics.append(&mut sink.diagnostics);
    }
    // The embedded rule set alone passes the whole-set checks (a test says
    // so), and they cost about half its loading time: they run for every other
    // combination of files.
    let embedded_only = parsed.len() == 1 && is_embedded_default(&parsed[0].source);
    let (rule_set, mut problems) = builder.finish(!embedded_only);
    if problems.is_empty() {
        return Ok(rule_set);
    }
    if problems.len() > MAX_PROBLEMS {
        let hidden = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems
            .push(Diagnostic::without_file(Code::InvalidRule, Msg::new("rules-more-problems").arg("count", hidden)));
    }
    Err(problems)
}

fn is_embedded_default(file: &SourceFile) -> bool {
    file.name() == super::DEFAULT_RULES_NAME && file.text() == super::DEFAULT_RULES_TEXT
}

/// The embedded rule set is trusted data: the user's file-size limit is for their files.
fn parse(file: &SourceFile, limits: Limits) -> Result<Node, Box<Diagnostic>> {
    if is_embedded_default(file) { parse_document(file, Limits::default()) } else { parse_document(file, limits) }
}

fn extends_default(root: &Node) -> bool {
    let NodeKind::Map(entries) = &root.kind else { return false };
    entries.iter().any(|(k, v)| k.as_str() == Some("extends") && v.as_str() == Some("default"))
}

/// Raw definitions gathered from every file, compiled together at the end
/// because a condition in one file may read a question from another.
#[derive(Default)]
struct Builder<'f> {
    sources: Vec<Source>,
    approaches: Vec<Approach>,
    raw_questions: Vec<RawQuestion<'f>>,
    /// Positions in `sources`, `approaches` and `raw_questions` by id: files may
    /// define thousands, and each definition is checked against the earlier ones.
    source_positions: HashMap<String, usize>,
    approach_positions: HashMap<String, usize>,
    question_positions: HashMap<String, usize>,
    /// Rules with the index of the file that defines them.
    raw_rules: Vec<(usize, &'f SourceFile, &'f Node)>,
    /// `disable:` entries: file index, rule id, where written.
    disabled: Vec<(usize, &'f SourceFile, String, Span)>,
    /// Files read so far.
    files_read: usize,
    /// The locales the files declare, in order of first mention.
    locales: Vec<String>,
    /// The locales each file declares.
    file_locales: Vec<(String, Vec<String>)>,
    /// Translation tables, checked once every definition is known.
    tables: Vec<locale::RawTable<'f>>,
    diagnostics: Vec<Diagnostic>,
}

/// Definitions read so far, with their positions by id (the `Builder`'s maps).
struct Defined<'a, T> {
    list: &'a [T],
    positions: &'a HashMap<String, usize>,
}

// Two references: copied whatever `T` is (a derive would ask `T: Copy`).
impl<T> Clone for Defined<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Defined<'_, T> {}

impl<T> Defined<'_, T> {
    /// The position of the definition called `id`.
    fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }
}

struct RawQuestion<'f> {
    source: &'f SourceFile,
    id: String,
    id_span: Span,
    fields: format::Question<'f>,
}

impl<'f> Builder<'f> {
    fn read_file(&mut self, file: &'f ParsedFile) {
        let mut sink = Sink::new(&file.source);
        let Some(top) = format::File::read(&mut sink, &file.root, What::RuleFile) else {
            self.diagnostics.append(&mut sink.diagnostics);
            return;
        };
        if let Some(version) = value(top.version)
            && let Some(v) = expect_int(&mut sink, version, What::Key("version"))
            && v != FORMAT_VERSION
        {
            sink.error(
                Code::OutOfRange,
                Msg::new("rules-version-unsupported")
                    .arg("version", v.to_string())
                    .arg("supported", FORMAT_VERSION.to_string()),
                version.span,
            );
        }
        if let Some(extends) = value(top.extends)
            && let Some(name) = expect_str(&mut sink, extends, What::Key("extends"))
            && name != "default"
        {
            sink.error(Code::UnknownChoice, Msg::new("rules-cannot-extend").arg("name", name), extends.span)
                .set_help(Msg::new("rules-cannot-extend-help"));
        }
        if let Some(node) = value(top.locales) {
            let declared = locale::read_locales(&mut sink, node);
            for locale in &declared {
                if !self.locales.contains(locale) {
                    self.locales.push(locale.clone());
                }
            }
            self.file_locales.push((file.source.name().to_owned(), declared));
        }
        if let Some(node) = value(top.translations) {
            self.tables.extend(locale::read_inline(&mut sink, &file.source, node));
        }
        if let Some(items) = value(top.sources).and_then(|n| expect_seq(&mut sink, n, What::Key("sources"))) {
            for item in items {
                self.read_source(&mut sink, item);
            }
        }
        if let Some(items) = value(top.approaches).and_then(|n| expect_seq(&mut sink, n, What::Key("approaches"))) {
            for item in items {
                self.read_approach(&mut sink, item);
            }
        }
        if let Some(items) = value(top.questions).and_then(|n| expect_seq(&mut sink, n, What::Key("questions"))) {
            for item in items {
                self.read_question_id(&mut sink, &file.source, item);
            }
        }
        if let Some(items) = value(top.rules).and_then(|n| expect_seq(&mut sink, n, What::Key("rules"))) {
            let index = self.files_read;
            self.raw_rules.extend(items.iter().map(|item| (index, &file.source, item)));
        }
        if let Some(items) = value(top.disable).and_then(|n| expect_seq(&mut sink, n, What::Key("disable"))) {
            for item in items {
                if let Some((id, span)) = read_id(&mut sink, item, "rule") {
                    self.disabled.push((self.files_read, &file.source, id, span));
                }
            }
        }
        self.files_read += 1;
        self.diagnostics.append(&mut sink.diagnostics);
    }

    fn read_source(&mut self, sink: &mut Sink<'_>, node: &Node) {
        let Some(raw) = format::Source::read(sink, node, What::Source) else { return };
        let id = raw.id.require(sink, What::Source).and_then(|n| read_source_id(sink, n));
        let mut text = |field: &Required<'_, String>, key: &str| {
            field.require(sink, What::Source).and_then(|n| expect_str(sink, n, What::Key(key))).map(str::to_owned)
        };
        let (title, publisher, says) =
            (text(&raw.title, "title"), text(&raw.publisher, "publisher"), text(&raw.says, "says"));
        let url = raw.url.require(sink, What::Source).and_then(|n| read_url(sink, n));
        let date = raw.date.require(sink, What::Source).and_then(|n| read_date(sink, n));
        let overrides = read_override(sink, raw.replace);
        let (Some((id, id_span)), Some(title), Some(publisher), Some(url), Some(date), Some(says)) =
            (id, title, publisher, url, date, says)
        else {
            return;
        };
        let origin = Origin { file: sink.source.clone(), span: id_span };
        let source = Source { id, title, publisher, url, date, says, origin };
        if let Some(first) = self.source_positions.get(&source.id).map(|&i| &mut self.sources[i]) {
            if overrides {
                *first = source;
            } else {
                let origin = first.origin.clone();
                duplicate(sink, "source", &source.id, id_span, &origin);
            }
            return;
        }
        if overrides {
            nothing_to_override(sink, "source", &source.id, id_span);
            return;
        }
        self.source_positions.insert(source.id.clone(), self.sources.len());
        self.sources.push(source);
    }

    fn read_approach(&mut self, sink: &mut Sink<'_>, node: &Node) {
        let Some(raw) = format::Approach::read(sink, node, What::Approach) else { return };
        let id = raw.id.require(sink, What::Approach).and_then(|n| read_id(sink, n, "approach"));
        let title = raw.title.require(sink, What::Approach).and_then(|n| expect_str(sink, n, What::Key("title")));
        let description = value(raw.description).and_then(|n| expect_str(sink, n, What::Key("description")));
        let overrides = read_override(sink, raw.replace);
        let (Some((id, id_span)), Some(title)) = (id, title) else { return };
        if let Some(first) = self.approach_positions.get(&id).map(|&i| &mut self.approaches[i]) {
            if overrides {
                title.clone_into(&mut first.title);
                if let Some(description) = description {
                    description.clone_into(&mut first.description);
                }
            } else {
                let origin = first.origin.clone();
                duplicate(sink, "approach", &id, id_span, &origin);
            }
            return;
        }
        if overrides {
            nothing_to_override(sink, "approach", &id, id_span);
            return;
        }
        self.approach_positions.insert(id.clone(), self.approaches.len());
        self.approaches.push(Approach {
            id,
            title: title.to_owned(),
            description: description.unwrap_or_default().to_owned(),
            origin: Origin { file: sink.source.clone(), span: id_span },
        });
    }

    fn read_question_id(&mut self, sink: &mut Sink<'_>, source: &'f SourceFile, node: &'f Node) {
        let Some(fields) = format::Question::read(sink, node, What::Question) else { return };
        let Some((id, id_span)) = fields.id.require(sink, What::Question).and_then(|n| read_id(sink, n, "question"))
        else {
            return;
        };
        if let Some(first) = self.question_positions.get(&id).map(|&i| &self.raw_questions[i]) {
            let origin = Origin { file: first.source.clone(), span: first.id_span };
            duplicate(sink, "question", &id, id_span, &origin);
            return;
        }
        self.question_positions.insert(id.clone(), self.raw_questions.len());
        self.raw_questions.push(RawQuestion { source, id, id_span, fields });
    }

    fn defined_approaches(&self) -> Defined<'_, Approach> {
        Defined { list: &self.approaches, positions: &self.approach_positions }
    }

    fn defined_sources(&self) -> Defined<'_, Source> {
        Defined { list: &self.sources, positions: &self.source_positions }
    }

    fn finish(mut self, whole_set_checks: bool) -> (RuleSet, Vec<Diagnostic>) {
        let kinds = self.question_kinds();
        // Conditions are checked against every declared question, even one whose
        // other fields failed, so one mistake does not cascade into many.
        let placeholder = QuestionKind::Boolean;
        let raw_questions = std::mem::take(&mut self.raw_questions);
        let infos: Vec<QuestionInfo<'_>> = raw_questions
            .iter()
            .zip(&kinds)
            .map(|(raw, kind)| QuestionInfo { id: &raw.id, kind: kind.as_ref().unwrap_or(&placeholder) })
            .collect();
        let table = QuestionTable::new(&infos);
        let mut questions = Vec::with_capacity(raw_questions.len());
        for (index, (raw, kind)) in raw_questions.iter().zip(&kinds).enumerate() {
            let mut sink = Sink::new(raw.source);
            if let Some(kind) = kind
                && let Some(question) = read_question(&mut sink, raw, kind.clone(), index, &table)
            {
                questions.push(question);
            }
            self.diagnostics.append(&mut sink.diagnostics);
        }
        // (rule, index of the file that defined it), `None` once disabled; and positions by id.
        let mut rules: Vec<Option<(Rule, usize)>> = Vec::new();
        let mut rule_positions: HashMap<String, usize> = HashMap::new();
        for (file_index, source, node) in std::mem::take(&mut self.raw_rules) {
            let mut sink = Sink::new(source);
            if let Some((rule, overrides)) =
                read_rule(&mut sink, node, &table, self.defined_approaches(), self.defined_sources())
            {
                match rule_positions.get(&rule.id).and_then(|&i| rules[i].as_mut()) {
                    Some(slot) if overrides => *slot = (rule, file_index),
                    Some((first, _)) => duplicate(&mut sink, "rule", &rule.id, rule.origin.span, &first.origin),
                    None if overrides => nothing_to_override(&mut sink, "rule", &rule.id, rule.origin.span),
                    None => {
                        rule_positions.insert(rule.id.clone(), rules.len());
                        rules.push(Some((rule, file_index)));
                    }
                }
            }
            self.diagnostics.append(&mut sink.diagnostics);
        }
        let known_rules: Vec<String> = rules.iter().flatten().map(|(r, _)| r.id.clone()).collect();
        for (file_index, source, id, span) in std::mem::take(&mut self.disabled) {
            let position = rule_positions.get(&id).copied();
            if let Some(slot) = position.map(|i| &mut rules[i])
                && slot.as_ref().is_some_and(|(_, defined_in)| *defined_in < file_index)
            {
                *slot = None;
            } else {
                let mut sink = Sink::new(source);
                let known = rules.iter().flatten().map(|(r, _)| r.id.as_str());
                let help = did_you_mean(&id, known)
                    .map_or_else(|| Msg::new("rules-disable-help"), |s| Msg::new("did-you-mean").arg("name", s));
                sink.error(Code::NothingToChange, Msg::new("rules-disable-nothing").arg("id", &id), span)
                    .set_help(help);
                self.diagnostics.append(&mut sink.diagnostics);
            }
        }
        let rules: Vec<Rule> = rules.into_iter().flatten().map(|(rule, _)| rule).collect();
        drop(table);
        drop(infos);
        let program = crate::rules::program::Program::new(self.approaches.len(), &questions, &rules);
        let mut locales = std::mem::take(&mut self.locales);
        if !locales.iter().any(|l| l == "en") {
            locales.insert(0, "en".to_owned());
        }
        let mut rule_set = RuleSet {
            approaches: self.approaches.into(),
            questions: questions.into(),
            rules: rules.into(),
            sources: self.sources.into(),
            overlays: Vec::new(),
            locales,
            file_locales: std::mem::take(&mut self.file_locales),
            locale: "en".to_owned(),
            translations: super::model::Translations::default(),
            program,
        };
        let known = locale::KnownIds { rule_set: &rule_set, rules: known_rules };
        let mut translations: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
            std::collections::BTreeMap::new();
        for table in &self.tables {
            let mut sink = Sink::new(table.source);
            let texts = locale::read_table(&mut sink, table, &known, &rule_set.locales);
            translations.entry(table.locale.clone()).or_default().extend(texts);
            self.diagnostics.append(&mut sink.diagnostics);
        }
        rule_set.translations = translations.into();
        if whole_set_checks && self.diagnostics.is_empty() {
            self.diagnostics.extend(whole_set_problems(&rule_set));
        }
        (rule_set, self.diagnostics)
    }

    /// Every question's type, first: a condition may read any question.
    fn question_kinds(&mut self) -> Vec<Option<QuestionKind>> {
        let mut kinds = Vec::with_capacity(self.raw_questions.len());
        for raw in &self.raw_questions {
            let mut sink = Sink::new(raw.source);
            kinds.push(read_question_kind(&mut sink, raw));
            self.diagnostics.append(&mut sink.diagnostics);
        }
        kinds
    }
}

fn read_question_kind(sink: &mut Sink<'_>, raw: &RawQuestion<'_>) -> Option<QuestionKind> {
    let map = &raw.fields;
    let type_node = map.kind.require(sink, What::Question)?;
    let type_name = expect_str(sink, type_node, What::Key("type"))?;
    // `type` is a kebab-case selector of `rules-key-not-allowed`: `boolean`, `integer`, `choice`.
    let forbid = |sink: &mut Sink<'_>, key: &str, at: Option<Span>, kind: &'static str| {
        if let Some(span) = at {
            sink.error(Code::UnknownKey, Msg::new("rules-key-not-allowed").arg("key", key).arg("kind", kind), span);
        }
    };
    let (values, min, max) = (map.values.map(|e| e.key.span), key_span(map.min), key_span(map.max));
    match format::QuestionType::ALL.iter().find(|(name, _)| *name == type_name).map(|(_, t)| t) {
        Some(format::QuestionType::Boolean) => {
            for (key, at) in [("values", values), ("min", min), ("max", max)] {
                forbid(sink, key, at, "boolean");
            }
            Some(QuestionKind::Boolean)
        }
        Some(format::QuestionType::Integer) => {
            forbid(sink, "values", values, "integer");
            let min = value(map.min).and_then(|n| expect_int(sink, n, What::Key("min")));
            let max = value(map.max).and_then(|n| expect_int(sink, n, What::Key("max")));
            if let (Some(lo), Some(hi)) = (min, max)
                && lo > hi
            {
                let span = key_span(map.max).unwrap_or(type_node.span);
                sink.error(
                    Code::OutOfRange,
                    Msg::new("rules-max-below-min").arg("max", hi.to_string()).arg("min", lo.to_string()),
                    span,
                );
                return None;
            }
            Some(QuestionKind::Integer { min, max })
        }
        Some(format::QuestionType::Choice) => {
            for (key, at) in [("min", min), ("max", max)] {
                forbid(sink, key, at, "choice");
            }
            let values_node = required(sink, map.values, "values", What::ChoiceQuestion, map.span)?;
            let items = expect_seq(sink, values_node, What::Key("values"))?;
            let mut values: Vec<String> = Vec::with_capacity(items.len());
            for item in items {
                let Some((value, span)) = read_id(sink, item, "choice-value") else { continue };
                if values.contains(&value) {
                    sink.error(Code::DuplicateId, Msg::new("rules-choice-twice").arg("value", &value), span);
                } else {
                    values.push(value);
                }
            }
            if values.len() < 2 {
                sink.error(Code::InvalidRule, Msg::new("rules-choice-two-values"), values_node.span);
                return None;
            }
            Some(QuestionKind::Choice { values })
        }
        None => {
            let diagnostic =
                sink.error(Code::UnknownChoice, Msg::new("rules-unknown-type").arg("name", type_name), type_node.span);
            diagnostic.set_help(suggestion(type_name, format::QuestionType::ALL.iter().map(|(name, _)| *name)));
            None
        }
    }
}

fn read_question(
    sink: &mut Sink<'_>,
    raw: &RawQuestion<'_>,
    kind: QuestionKind,
    index: usize,
    table: &QuestionTable<'_, '_>,
) -> Option<Question> {
    let map = &raw.fields;
    let text = map.text.require(sink, What::Question).and_then(|n| expect_str(sink, n, What::Key("text")));
    let help = value(map.help).and_then(|n| expect_str(sink, n, What::Key("help")));
    let default_node = map.default.require(sink, What::Question);
    let default = default_node.and_then(|n| read_value(sink, n, &raw.id, &kind));
    let ask_when = value(map.ask_when).and_then(|node| {
        let condition = read_condition(sink, node, table)?;
        let reads: Vec<QuestionId> = condition.expr.questions();
        if let Some(late) = reads.iter().map(|q| q.index()).find(|&q| q >= index) {
            let message = if late == index {
                Msg::new("rules-ask-when-reads-itself").arg("id", &raw.id)
            } else {
                Msg::new("rules-ask-when-reads-later").arg("id", &raw.id).arg("later", table.infos().raw[late].id)
            };
            sink.error(Code::ConditionOrder, message, node.span).set_help(Msg::new("rules-ask-when-help"));
            return None;
        }
        Some(condition)
    });
    let derived = match value(map.derived) {
        Some(node) => Some(read_derived(sink, node, &kind)?),
        None => None,
    };
    if derived.is_some()
        && let Some(span) = key_span(map.ask_when)
    {
        sink.error(Code::InvalidRule, Msg::new("rules-derived-ask-when"), span);
        return None;
    }
    Some(Question {
        id: raw.id.clone(),
        text: text?.to_owned(),
        help: help.unwrap_or_default().to_owned(),
        kind,
        default: default?,
        ask_when: match map.ask_when {
            Some(_) => Some(ask_when?),
            None => None,
        },
        derived,
        since: value(map.since).and_then(|n| expect_int(sink, n, What::Key("since"))),
        origin: Origin { file: raw.source.clone(), span: raw.id_span },
    })
}

fn read_derived(sink: &mut Sink<'_>, node: &Node, kind: &QuestionKind) -> Option<DerivedFact> {
    let name = expect_str(sink, node, What::Key("derived"))?;
    let Some(fact) = DerivedFact::from_name(name) else {
        sink.error(Code::UnknownChoice, Msg::new("rules-unknown-derived").arg("name", name), node.span)
            .set_help(suggestion(name, DerivedFact::ALL.iter().map(|f| f.name())));
        return None;
    };
    if *kind != QuestionKind::Boolean {
        sink.error(Code::InvalidRule, Msg::new("rules-derived-boolean").arg("name", name), node.span)
            .set_help(Msg::new("rules-derived-boolean-help"));
        return None;
    }
    Some(fact)
}

/// Reads an answer to question `id` of type `kind`, with the checks a descriptor's answers get too.
pub(crate) fn read_value(sink: &mut Sink<'_>, node: &Node, id: &str, kind: &QuestionKind) -> Option<Value> {
    match kind {
        QuestionKind::Boolean => expect_bool(sink, node, What::Key(id)).map(Value::Bool),
        QuestionKind::Integer { min, max } => {
            let value = expect_int(sink, node, What::Key(id))?;
            let below = min.is_some_and(|lo| value < lo);
            let above = max.is_some_and(|hi| value > hi);
            if below || above {
                let range = match (min, max) {
                    (Some(lo), Some(hi)) => Msg::new("range-between").arg("min", *lo).arg("max", *hi),
                    (Some(lo), None) => Msg::new("range-at-least").arg("min", *lo),
                    (None, Some(hi)) => Msg::new("range-at-most").arg("max", *hi),
                    (None, None) => Msg::new("range-any"),
                };
                let message = Msg::new("out-of-range").arg("id", id).arg("value", value).arg("range", range);
                sink.error(Code::OutOfRange, message, node.span);
                return None;
            }
            Some(Value::Int(value))
        }
        QuestionKind::Choice { values } => {
            let text = match &node.kind {
                NodeKind::Str(s) => s.clone(),
                NodeKind::Bool(b) => b.to_string(),
                NodeKind::Int(i) => i.to_string(),
                other => {
                    sink.error(
                        Code::WrongType,
                        Msg::new("expected-choice").arg("id", id).arg("found", other.describe_msg()),
                        node.span,
                    )
                    .set_help(Msg::new("expected-one-of").arg("list", list(values)));
                    return None;
                }
            };
            if let Some(index) = values.iter().position(|v| *v == text) {
                return Some(Value::Choice(u16::try_from(index).unwrap_or(u16::MAX)));
            }
            let help = match did_you_mean(&text, values.iter().map(String::as_str)) {
                Some(s) => Msg::new("did-you-mean-one-of").arg("name", s).arg("list", list(values)),
                None => Msg::new("expected-one-of").arg("list", list(values)),
            };
            sink.error(Code::UnknownChoice, Msg::new("not-a-value-of").arg("value", text).arg("id", id), node.span)
                .set_help(help);
            None
        }
    }
}

fn list(values: &[String]) -> crate::i18n::MsgArg {
    crate::load::quoted(values.iter().map(String::as_str))
}

fn read_condition(sink: &mut Sink<'_>, node: &Node, table: &QuestionTable<'_, '_>) -> Option<Condition> {
    let text = match &node.kind {
        NodeKind::Str(s) => s.clone(),
        NodeKind::Bool(b) => b.to_string(),
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("rules-expected-condition").arg("found", other.describe_msg()),
                node.span,
            );
            return None;
        }
    };
    match expr::compile(&text, table) {
        Ok(expr) => Some(Condition { text, expr }),
        Err(error) => {
            let diagnostic = expr_diagnostic(sink.source, node, &text, error);
            sink.push(diagnostic);
            None
        }
    }
}

fn read_approach_list(
    sink: &mut Sink<'_>,
    node: &Node,
    key: &str,
    approaches: Defined<'_, Approach>,
) -> Vec<ApproachId> {
    let items: Vec<&Node> = match &node.kind {
        NodeKind::Seq(items) => items.iter().collect(),
        NodeKind::Str(_) => vec![node],
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("rules-expected-approach-list").arg("key", key).arg("found", other.describe_msg()),
                node.span,
            );
            return Vec::new();
        }
    };
    let mut out: Vec<ApproachId> = Vec::new();
    for item in items {
        if let Some(index) = read_approach_ref(sink, item, approaches)
            && !out.contains(&index)
        {
            out.push(index);
        }
    }
    out
}

fn read_approach_ref(sink: &mut Sink<'_>, node: &Node, approaches: Defined<'_, Approach>) -> Option<ApproachId> {
    let name = expect_str(sink, node, What::Approach)?;
    if let Some(index) = approaches.position(name) {
        return Some(ApproachId::from(index));
    }
    let help = suggestion(name, approaches.list.iter().map(|a| a.id.as_str()));
    sink.error(Code::UnknownApproach, Msg::new("unknown-approach").arg("name", name), node.span).set_help(help);
    None
}

/// Reads a rule, and whether it is marked `override: true`.
fn read_rule(
    sink: &mut Sink<'_>,
    node: &Node,
    table: &QuestionTable<'_, '_>,
    approaches: Defined<'_, Approach>,
    catalogue: Defined<'_, Source>,
) -> Option<(Rule, bool)> {
    let map = format::Rule::read(sink, node, What::Rule)?;
    let overrides = read_override(sink, map.replace);
    let id = map.id.require(sink, What::Rule).and_then(|n| read_id(sink, n, "rule"));
    let title = map.title.require(sink, What::Rule).and_then(|n| expect_str(sink, n, What::Key("title")));
    let when = map.when.require(sink, What::Rule).and_then(|n| read_condition(sink, n, table));
    let because = map.because.require(sink, What::Rule).and_then(|n| expect_str(sink, n, What::Key("because")));
    let citations = map.source.require(sink, What::Rule).and_then(|n| read_citations(sink, n, catalogue));
    let next_step = value(map.next_step).and_then(|n| expect_str(sink, n, What::Key("next_step")));
    let mut effects = Vec::new();
    if let Some(node) = value(map.effects) {
        for (key, value) in expect_map(sink, node, What::Key("effects")).unwrap_or_default() {
            let Some(approach) = read_approach_ref(sink, key, approaches) else { continue };
            let Some(weight) = expect_int(sink, value, What::EffectWeight) else { continue };
            let Ok(weight) =
                i32::try_from(weight).map_err(|_| ()).and_then(|w| if w.abs() <= 1000 { Ok(w) } else { Err(()) })
            else {
                sink.error(
                    Code::OutOfRange,
                    Msg::new("rules-weight-range").arg("weight", weight.to_string()),
                    value.span,
                );
                continue;
            };
            if effects.iter().any(|(a, _)| *a == approach) {
                sink.error(Code::DuplicateId, Msg::new("rules-two-weights"), key.span);
            } else if weight != 0 {
                effects.push((approach, weight));
            }
        }
        effects.sort_unstable();
    }
    let mut list = |entry: Option<Entry<'_, Vec<String>>>, key: &str| {
        value(entry).map(|n| read_approach_list(sink, n, key, approaches)).unwrap_or_default()
    };
    let veto = list(map.veto, "veto");
    let combine_with = list(map.combine_with, "combine_with");
    let when_recommended = list(map.when_recommended, "when_recommended");
    let when_planned = list(map.when_planned, "when_planned");
    let severity = value(map.severity).and_then(|n| read_severity(sink, n));
    let (id, id_span) = id?;
    let scores_or_advises =
        !effects.is_empty() || !veto.is_empty() || !combine_with.is_empty() || !when_recommended.is_empty();
    if !plan_keys_fit(sink, &map, &id, scores_or_advises) {
        return None;
    }
    if !when_recommended.is_empty() && (!effects.is_empty() || !veto.is_empty()) {
        sink.error(
            Code::InvalidRule,
            Msg::new("rules-advice-scores").arg("id", &id),
            key_span(map.when_recommended).unwrap_or(id_span),
        )
        .set_help(Msg::new("rules-advice-scores-help"));
        return None;
    }
    if effects.is_empty()
        && veto.is_empty()
        && combine_with.is_empty()
        && next_step.is_none()
        && when_planned.is_empty()
    {
        sink.error(Code::InvalidRule, Msg::new("rules-does-nothing").arg("id", &id), id_span)
            .set_help(Msg::new("rules-does-nothing-help"));
        return None;
    }
    let mut rule = Rule {
        id,
        title: title?.to_owned(),
        when: when?,
        effects,
        veto,
        combine_with,
        when_recommended,
        when_planned,
        severity,
        because: because?.to_owned(),
        source: String::new(),
        citations: citations?,
        next_step: next_step.map(str::to_owned),
        origin: Origin { file: sink.source.clone(), span: id_span },
    };
    rule.source = citation_text(&rule.citations, TiSlice::from_ref(catalogue.list));
    Some((rule, overrides))
}

/// `when_planned` and `severity` go together, and a plan rule does nothing else.
fn plan_keys_fit(sink: &mut Sink<'_>, map: &format::Rule<'_>, id: &str, scores_or_advises: bool) -> bool {
    if let Some(when_planned) = key_span(map.when_planned) {
        if scores_or_advises {
            sink.error(Code::InvalidRule, Msg::new("rules-plan-rule-mixed").arg("id", id), when_planned)
                .set_help(Msg::new("rules-plan-rule-mixed-help"));
            return false;
        }
        if map.severity.is_none() {
            sink.error(Code::MissingKey, Msg::new("rules-plan-needs-severity").arg("id", id), when_planned)
                .set_help(Msg::new("rules-plan-needs-severity-help"));
            return false;
        }
    } else if let Some(span) = key_span(map.severity) {
        sink.error(Code::UnknownKey, Msg::new("rules-severity-without-plan").arg("id", id), span)
            .set_help(Msg::new("rules-severity-without-plan-help"));
        return false;
    }
    true
}

/// A rule's `source`: one citation or a list. Each is a catalogue id, or free
/// text; in a rule set with a catalogue, an id-like citation (kebab-case words
/// joined by `-`) that names no entry is an error: a typo would otherwise pass
/// as free text. A single word stays free text (`rules check` warns about it).
fn read_citations(sink: &mut Sink<'_>, node: &Node, catalogue: Defined<'_, Source>) -> Option<Vec<Citation>> {
    let items: Vec<&Node> = match &node.kind {
        NodeKind::Seq(items) => items.iter().collect(),
        _ => vec![node],
    };
    if items.is_empty() {
        sink.error(Code::InvalidRule, Msg::new("rules-source-empty"), node.span)
            .set_help(Msg::new("rules-source-empty-help"));
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for item in items {
        let Some(text) = expect_str(sink, item, What::Key("source")) else {
            ok = false;
            continue;
        };
        if let Some(index) = catalogue.position(text).map(SourceId::from) {
            if !out.contains(&Citation::Catalogue(index)) {
                out.push(Citation::Catalogue(index));
            }
        } else if !catalogue.list.is_empty() && is_kebab_case(text) && text.contains('-') {
            let help = match did_you_mean(text, catalogue.list.iter().map(|s| s.id.as_str())) {
                Some(s) => Msg::new("rules-unknown-source-did-you-mean").arg("name", s).arg("text", text),
                None => Msg::new("rules-unknown-source-help").arg("text", text),
            };
            sink.error(Code::UnknownSource, Msg::new("rules-unknown-source").arg("text", text), item.span)
                .set_help(help);
            ok = false;
        } else {
            out.push(Citation::Text(text.to_owned()));
        }
    }
    ok.then_some(out)
}

/// `a-z` and `0-9` words joined by single `-`, starting with a letter.
pub(crate) fn is_kebab_case(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

fn read_source_id(sink: &mut Sink<'_>, node: &Node) -> Option<(String, Span)> {
    let text = expect_str(sink, node, What::Id("source"))?;
    if !is_kebab_case(text) {
        sink.error(Code::InvalidRule, Msg::new("rules-source-id-kebab").arg("text", text), node.span);
        return None;
    }
    Some((text.to_owned(), node.span))
}

/// An absolute `http` or `https` URL without spaces, quotes, angle brackets or control characters.
fn read_url(sink: &mut Sink<'_>, node: &Node) -> Option<String> {
    let text = expect_str(sink, node, What::Key("url"))?;
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    let bad = text.chars().find(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`' | '\\'));
    match (rest, bad) {
        (Some(rest), None) if !rest.is_empty() && !rest.starts_with('/') => Some(text.to_owned()),
        (_, Some(c)) => {
            sink.error(Code::InvalidRule, Msg::new("rules-url-character").arg("char", format!("{c:?}")), node.span)
                .set_help(Msg::new("rules-url-character-help"));
            None
        }
        _ => {
            sink.error(Code::InvalidRule, Msg::new("rules-url-absolute"), node.span);
            None
        }
    }
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with a month from 1 to 12 and a day from 1 to 31.
fn read_date(sink: &mut Sink<'_>, node: &Node) -> Option<String> {
    let text = match &node.kind {
        NodeKind::Int(i) => i.to_string(),
        _ => expect_str(sink, node, What::Key("date"))?.to_owned(),
    };
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        s.len() == len && s.chars().all(|c| c.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|n| range.contains(&n))
    };
    let valid = match parts.as_slice() {
        [y] => number(y, 4, 0..=9999),
        [y, m] => number(y, 4, 0..=9999) && number(m, 2, 1..=12),
        [y, m, d] => number(y, 4, 0..=9999) && number(m, 2, 1..=12) && number(d, 2, 1..=31),
        _ => false,
    };
    if !valid {
        sink.error(Code::WrongType, Msg::new("rules-date-format").arg("text", text), node.span);
        return None;
    }
    Some(text)
}

fn read_severity(sink: &mut Sink<'_>, node: &Node) -> Option<Severity> {
    let text = expect_str(sink, node, What::Key("severity"))?;
    let found = format::Severity::ALL.iter().find(|(name, _)| *name == text).map(|(_, severity)| match severity {
        format::Severity::Error => Severity::Error,
        format::Severity::Warning => Severity::Warning,
        format::Severity::Note => Severity::Note,
    });
    if found.is_none() {
        sink.error(Code::UnknownChoice, Msg::new("rules-unknown-severity").arg("name", text), node.span)
            .set_help(suggestion(text, format::Severity::ALL.iter().map(|(name, _)| *name)));
    }
    found
}

/// Checks that need the whole rule set.
pub(super) fn whole_set_problems(rule_set: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(first_file) = rule_set
        .rules
        .first()
        .map(|r| r.origin.clone())
        .or_else(|| rule_set.questions.first().map(|q| q.origin.clone()))
        .or_else(|| rule_set.approaches.first().map(|a| a.origin.clone()))
    else {
        out.push(Diagnostic::without_file(Code::InvalidRule, Msg::new("rules-empty")));
        return out;
    };
    if rule_set.approaches.len() < 2 {
        out.push(Diagnostic::error(Code::InvalidRule, Msg::new("rules-two-approaches"), &first_file.file, Span::START));
    }
    // The evaluator must always have an approach to recommend: no answers may veto them all.
    // Gates on opposite answers (knowledge to retrieve or not) may veto every approach between
    // them, so the conjunction is decided by enumeration; undecidable counts as possible.
    let vetoed_by = |a: ApproachId| {
        Expr::Any(rule_set.rules.iter().filter(|r| r.veto.contains(&a)).map(|r| r.when.expr.clone()).collect())
    };
    let all_vetoed = Expr::All(rule_set.approaches.keys().map(vetoed_by).collect());
    // An approach no rule vetoes is always left, whatever the enumeration could decide about the others.
    let every_approach_has_a_veto =
        rule_set.approaches.keys().all(|a| rule_set.rules.iter().any(|r| r.veto.contains(&a)));
    if every_approach_has_a_veto
        && !rule_set.approaches.is_empty()
        && super::lint::can_hold(rule_set, &all_vetoed) != Some(false)
    {
        let last_veto =
            rule_set.rules.iter().rev().find(|r| !r.veto.is_empty()).map_or(first_file, |r| r.origin.clone());
        out.push(
            Diagnostic::error(Code::InvalidRule, Msg::new("rules-all-vetoed"), &last_veto.file, last_veto.span)
                .with_help(Msg::new("rules-all-vetoed-help")),
        );
    }
    out
}
/// The value of an optional key, if written.
fn value<T>(entry: Option<Entry<'_, T>>) -> Option<&Node> {
    entry.map(|e| e.value)
}

/// Where an optional key is written, if it is.
fn key_span<T>(entry: Option<Entry<'_, T>>) -> Option<Span> {
    entry.map(|e| e.key.span)
}

/// The value of a key that is optional in the format but required here (`values` of a choice question).
fn required<'n, T>(
    sink: &mut Sink<'_>,
    entry: Option<Entry<'n, T>>,
    key: &str,
    what: What<'_>,
    map: Span,
) -> Option<&'n Node> {
    if entry.is_none() {
        crate::load::report_missing_key(sink, key, what, map);
    }
    value(entry)
}

/// `override: true`: replace an earlier file's definition.
fn read_override(sink: &mut Sink<'_>, entry: Option<Entry<'_, bool>>) -> bool {
    value(entry).and_then(|n| expect_bool(sink, n, What::Key("override"))).unwrap_or(false)
}

/// An id of the kind `kind` (a selector of the Fluent message `what`: `rule`, `choice-value`).
fn read_id(sink: &mut Sink<'_>, node: &Node, kind: &'static str) -> Option<(String, Span)> {
    let what = What::Id(kind);
    let text = expect_str(sink, node, what)?;
    let valid = text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !valid {
        sink.error(Code::InvalidRule, Msg::new("rules-id-format").arg("what", what.msg()).arg("text", text), node.span);
        return None;
    }
    Some((text.to_owned(), node.span))
}

/// `kind` is a selector of the Fluent message `kind`: `source`, `approach`, `question`, `rule`.
fn nothing_to_override(sink: &mut Sink<'_>, kind: &'static str, id: &str, span: Span) {
    sink.error(
        Code::NothingToChange,
        Msg::new("rules-nothing-to-override").arg("kind", Msg::new("kind").arg("kind", kind)).arg("id", id),
        span,
    )
    .set_help(Msg::new("rules-nothing-to-override-help"));
}

/// `kind` is a selector of the Fluent message `kind`: `source`, `approach`, `question`, `rule`.
fn duplicate(sink: &mut Sink<'_>, kind: &'static str, id: &str, span: Span, first: &Origin) {
    let help = if kind == "question" {
        Msg::new("rules-defined-twice-remove").arg("id", id)
    } else {
        Msg::new("rules-defined-twice-override").arg("id", id)
    };
    let message = Msg::new("rules-defined-twice").arg("kind", Msg::new("kind").arg("kind", kind)).arg("id", id);
    let diagnostic = Diagnostic::error(Code::DuplicateId, message, sink.source, span)
        .with_label(Msg::new("defined-again-here"))
        .with_related(&first.file, first.span, Msg::new("first-defined-here"))
        .with_help(help);
    sink.push(diagnostic);
}

/// Turns an error inside a condition into a diagnostic pointing at the
/// right column of the rule file. When the YAML text of the condition maps
/// byte for byte onto its value (plain or quoted without escapes) the span
/// is exact; otherwise it points at the start of the value.
fn expr_diagnostic(source: &SourceFile, node: &Node, text: &str, error: ExprError) -> Diagnostic {
    let raw = source.text().get(node.span.offset..node.span.offset + node.span.len).unwrap_or_default();
    let shift = if raw.starts_with(text) {
        Some(0)
    } else if (raw.starts_with('"') || raw.starts_with('\'')) && raw[1..].starts_with(text) {
        Some(1)
    } else {
        None
    };
    let span = match shift {
        Some(shift) => node.span.sub(source.text(), shift + error.start, error.len),
        None => node.span,
    };
    let column = text[..error.start.min(text.len())].chars().count() + 1;
    let mut diagnostic = Diagnostic::error(error.code, *error.message_msg, source, span)
        .with_label(Msg::new("expr-column").arg("column", column));
    if let Some(help) = error.help_msg {
        diagnostic.set_help(*help);
    }
    diagnostic
}
