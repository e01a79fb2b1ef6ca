//! The rule set each descriptor is evaluated with: the base (the embedded
//! default or `--rules` files) plus any overlay files the descriptor names
//! under `rules:`, resolved relative to the descriptor and never outside its
//! repository.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::descriptor::Document;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::load::{Limits, NodeKind, Span};
use crate::rules::{self, Overlay, RuleSet};
use crate::source::SourceFile;

type Compiled = Result<Arc<RuleSet>, Vec<Diagnostic>>;

/// The base rule set and a cache of the overlays descriptors name.
#[derive(Debug)]
pub struct RuleSets {
    base_sources: Vec<SourceFile>,
    base: Arc<RuleSet>,
    limits: Limits,
    overlays: Mutex<BTreeMap<Vec<PathBuf>, Compiled>>,
    /// The language the rule sets handed out have their texts in (`en` unless [`RuleSets::in_locale`]).
    locale: String,
}

impl RuleSets {
    /// Compiles the base rule set from `sources` (the embedded default when empty).
    pub fn new(sources: Vec<SourceFile>, limits: Limits) -> Result<RuleSets, Vec<Diagnostic>> {
        let (base_sources, base) = if sources.is_empty() {
            (vec![rules::default_source()], rules::load_default()?)
        } else {
            let base = rules::load(&sources, limits)?;
            (sources, base)
        };
        let base = Arc::new(base);
        Ok(RuleSets { base_sources, base, limits, overlays: Mutex::new(BTreeMap::new()), locale: "en".to_owned() })
    }

    /// The same rule sets with their texts in `locale` (see [`RuleSet::localized`]):
    /// the base now, overlays as descriptors name them.
    #[must_use]
    pub fn in_locale(mut self, locale: &str) -> RuleSets {
        if locale != self.locale {
            self.base = Arc::new(self.base.localized(locale));
            locale.clone_into(&mut self.locale);
            if let Ok(mut cache) = self.overlays.lock() {
                cache.clear();
            }
        }
        self
    }

    /// The base rule set.
    #[must_use]
    pub fn base(&self) -> &Arc<RuleSet> {
        &self.base
    }

    /// The rule set for the descriptor `document`, read from `path`: the
    /// base, plus the files it names under `rules:`.
    pub fn for_descriptor(&self, path: &Path, document: &Document) -> Compiled {
        let declared = declared_rule_files(document)?;
        if declared.is_empty() {
            return Ok(Arc::clone(&self.base));
        }
        let files = resolve(path, &document.source, &declared)?;
        let names: Vec<String> = declared.iter().map(|(entry, _)| crate::text::sanitize_name(entry)).collect();
        if let Ok(cache) = self.overlays.lock()
            && let Some(found) = cache.get(&files)
        {
            return found.clone();
        }
        let compiled = self.compile_with(&files, &names);
        if let Ok(mut cache) = self.overlays.lock() {
            cache.insert(files, compiled.clone());
        }
        compiled
    }

    fn compile_with(&self, files: &[PathBuf], names: &[String]) -> Compiled {
        let mut sources = self.base_sources.clone();
        for file in files {
            sources.push(crate::input::read_source(file, &mut std::io::empty(), self.limits).map_err(|d| vec![*d])?);
        }
        let mut rule_set = rules::load(&sources, self.limits)?;
        let overlay_sources = &sources[self.base_sources.len()..];
        rule_set.overlays = overlay_sources
            .iter()
            .zip(names)
            .map(|(source, name)| describe_overlay(source, name, &self.base, self.limits))
            .collect();
        if self.locale != "en" {
            rule_set = rule_set.localized(&self.locale);
        }
        Ok(Arc::new(rule_set))
    }

    /// The overlay files `document` names under `rules:`, as written, with their positions.
    pub fn declared_overlays(document: &Document) -> Result<Vec<(String, Span)>, Vec<Diagnostic>> {
        declared_rule_files(document)
    }
}

/// What the overlay `source` (compiled already, so well formed) changes:
/// the ids under `disable:`, its rules marked `override: true`, and its new rules.
fn describe_overlay(source: &SourceFile, name: &str, base: &RuleSet, limits: Limits) -> Overlay {
    let mut overlay = Overlay { file: name.to_owned(), ..Overlay::default() };
    let Ok(root) = crate::load::parse_document(source, limits) else { return overlay };
    let NodeKind::Map(entries) = &root.kind else { return overlay };
    let get = |map: &[(crate::load::Node, crate::load::Node)], key: &str| {
        map.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v.kind.clone())
    };
    if let Some(NodeKind::Seq(items)) = get(entries, "disable") {
        overlay.disabled = items.iter().filter_map(|i| i.as_str().map(str::to_owned)).collect();
    }
    if let Some(NodeKind::Seq(rules)) = get(entries, "rules") {
        for rule in &rules {
            let NodeKind::Map(fields) = &rule.kind else { continue };
            let Some(NodeKind::Str(id)) = get(fields, "id") else { continue };
            if get(fields, "override") == Some(NodeKind::Bool(true)) {
                overlay.overridden.push(id);
            } else if !base.rules.iter().any(|r| r.id == id) {
                overlay.added.push(id);
            }
        }
    }
    for ids in [&mut overlay.disabled, &mut overlay.overridden, &mut overlay.added] {
        *ids = ids.iter().map(|id| crate::text::sanitize_name(id)).collect();
    }
    overlay
}

/// The `rules:` entries of a descriptor, with their positions; empty when there are none.
fn declared_rule_files(document: &Document) -> Result<Vec<(String, Span)>, Vec<Diagnostic>> {
    let source = &document.source;
    let NodeKind::Map(entries) = &document.root.kind else { return Ok(Vec::new()) };
    let Some((_, value)) = entries.iter().find(|(k, _)| k.as_str() == Some("rules")) else {
        return Ok(Vec::new());
    };
    let items: Vec<&crate::load::Node> = match &value.kind {
        NodeKind::Seq(items) => items.iter().collect(),
        NodeKind::Str(_) => vec![value],
        NodeKind::Null => Vec::new(),
        other => {
            return Err(vec![Diagnostic::error(
                Code::WrongType,
                Msg::new("overlay-expected-paths").arg("found", other.describe_msg()),
                source,
                value.span,
            )]);
        }
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for item in items {
        match item.as_str() {
            Some(text) if !text.trim().is_empty() => out.push((text.to_owned(), item.span)),
            _ => problems.push(Diagnostic::error(
                Code::WrongType,
                Msg::new("overlay-expected-path").arg("found", item.kind.describe_msg()),
                source,
                item.span,
            )),
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

/// Resolves `declared` paths relative to the descriptor, refusing any that
/// leave its repository (the nearest ancestor directory holding `.git`, or
/// the descriptor's own directory when there is none).
fn resolve(path: &Path, source: &SourceFile, declared: &[(String, Span)]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let descriptor_dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let descriptor_dir = descriptor_dir.canonicalize().map_err(|e| {
        let message = Msg::new("directory-unresolved")
            .arg("name", crate::paths::show(None, descriptor_dir))
            .arg("reason", crate::i18n::io_reason(&e));
        vec![Diagnostic::without_file(Code::IoError, message)]
    })?;
    let root =
        descriptor_dir.ancestors().find(|dir| dir.join(".git").exists()).unwrap_or(&descriptor_dir).to_path_buf();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (entry, span) in declared {
        let shown = crate::text::sanitize_name(entry);
        let resolved = crate::paths::resolve_lenient(&descriptor_dir.join(entry));
        if !resolved.starts_with(&root) {
            // The same answer whether such a file exists or not.
            problems.push(
                Diagnostic::error(
                    Code::OutsideRepository,
                    Msg::new("overlay-outside-repository").arg("name", &shown),
                    source,
                    *span,
                )
                .with_help(Msg::new("overlay-outside-repository-help")),
            );
            continue;
        }
        let problem = match std::fs::metadata(&resolved) {
            Ok(meta) if meta.is_file() => {
                files.push(resolved);
                continue;
            }
            Ok(meta) if meta.is_dir() => Msg::new("overlay-directory").arg("name", &shown),
            Ok(_) => Msg::new("overlay-not-regular").arg("name", &shown),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Msg::new("overlay-read-failed").arg("name", &shown).arg("reason", Msg::new("io-not-found"))
            }
            Err(e) => Msg::new("overlay-read-failed").arg("name", &shown).arg("reason", e.to_string()),
        };
        problems.push(Diagnostic::error(Code::IoError, problem, source, *span));
    }
    if problems.is_empty() { Ok(files) } else { Err(problems) }
}
