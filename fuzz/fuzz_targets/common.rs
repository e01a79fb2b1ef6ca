//! What the fuzz targets share: the default rule set and the price tables,
//! loaded once per process, and the round trip of a saved descriptor.

use std::sync::OnceLock;

use shouldtune::cost::PriceTable;
use shouldtune::descriptor::Draft;
use shouldtune::load::Limits;
use shouldtune::rules::RuleSet;
use shouldtune::source::SourceFile;

#[allow(dead_code, reason = "not every target uses every helper")]
pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| shouldtune::rules::load_default().unwrap_or_else(|_| std::process::abort()))
}

#[allow(dead_code, reason = "not every target uses every helper")]
pub fn tables() -> &'static [PriceTable] {
    static TABLES: OnceLock<Vec<PriceTable>> = OnceLock::new();
    TABLES
        .get_or_init(|| shouldtune::cost::load_tables(&[], Limits::default()).unwrap_or_else(|_| std::process::abort()))
}

/// What `ask` would save for `draft` loads again with the same rules: no
/// name, description or question text (from an overlay) can break the file.
#[allow(dead_code, reason = "not every target uses every helper")]
pub fn saved_draft_loads_again(rule_set: &RuleSet, draft: &Draft) {
    let text = shouldtune::descriptor::to_yaml(rule_set, draft);
    let source = SourceFile::new("saved.yaml", text.as_str());
    let document = shouldtune::descriptor::Document::parse(&source, Limits::default());
    assert!(document.is_ok(), "the saved descriptor does not parse: {document:?}\n{text}");
    assert!(!text.chars().any(|c| c != '\n' && c.is_control()), "a raw control character was saved: {text:?}");
}
