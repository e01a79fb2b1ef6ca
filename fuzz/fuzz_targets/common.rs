//! What the fuzz targets share: the default rule set, compiled once per process.

use std::sync::OnceLock;

use shouldtune::rules::RuleSet;

pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| shouldtune::rules::load_default().unwrap_or_else(|_| std::process::abort()))
}
