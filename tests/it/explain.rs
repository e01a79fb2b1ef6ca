//! `shouldtune explain ID`: rules, sources and diagnostic codes, through the binary.

use crate::{shouldtune, stderr, stdout, succeed};

#[test]
fn every_rule_of_the_default_set_is_explained() {
    let rule_set = shouldtune::rules::load_default().unwrap();
    assert!(!rule_set.rules.is_empty());
    for rule in &rule_set.rules {
        let output = shouldtune(&["explain", &rule.id]);
        assert_eq!(output.status.code(), Some(0), "{}: {}", rule.id, stderr(&output));
        let text = stdout(&output);
        for needle in
            ["\nWhat it checks\n", "\nEffects\n", "\nWhy\n", "\nSources\n", "\nExample\n", rule.title.as_str()]
        {
            assert!(text.contains(needle), "`{needle}` missing for `{}`:\n{text}", rule.id);
        }
        assert!(
            text.contains("It fires for this descriptor") || text.contains("It fires with every answer at its default"),
            "{text}"
        );
    }
}

#[test]
fn every_diagnostic_code_is_explained() {
    for code in shouldtune::diag::Code::ALL {
        let output = shouldtune(&["explain", code.as_str()]);
        assert_eq!(output.status.code(), Some(0), "{code}: {}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains(&format!("diagnostic code {code}: {}\n", code.summary())), "{text}");
        assert!(text.contains(&format!("How to fix it\n  {}\n", code.help())), "{text}");
    }
}

#[test]
fn a_rule_reads_back_in_words_with_its_effects_and_a_checked_example() {
    let text = succeed(&["explain", "knowledge-needs-retrieval"]);
    assert!(
        text.contains("It fires when `knowledge_freshness` is not `static` or `needs_private_knowledge` is true.\n"),
        "{text}"
    );
    assert!(
        text.contains("Rules out: `prompt_engineering`\n")
            && text.contains("Keeps alongside the recommendation: `rag`\n"),
        "{text}"
    );
    assert!(text.contains("    answers:\n      knowledge_freshness: monthly\n"), "{text}");
}

#[test]
fn overlays_and_sources_are_honoured() {
    let base = "tests/fixtures/rules/sources/catalogue.yaml";
    let overlay = "tests/fixtures/rules/sources/overlay.yaml";
    let output = shouldtune(&["explain", "tuned-without-baseline", "--rules", base, "--rules", overlay]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("plan rule tuned-without-baseline"), "{text}");
    assert!(text.contains("severity error"), "the overlay's override is what is explained:\n{text}");
    assert!(
        text.contains("  House policy (house-policy, Example Corp, 2025)\n    https://intranet.example.test/policy\n"),
        "{text}"
    );
    assert!(text.contains("    planned_approach: tuned\n"), "{text}");

    let source = succeed(&["explain", "vendor-guide", "--rules", base]);
    assert!(source.contains("source vendor-guide: Vendor guide [draft] *one*\n"), "{source}");
    assert!(source.contains("Cited by\n  many-examples, no-examples, tuned-without-baseline\n"), "{source}");
}

#[test]
fn an_unknown_id_exits_2_with_the_nearest_ids() {
    let output = shouldtune(&["explain", "quick-result-needed"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert!(
        err.contains("error[unknown-id]: `quick-result-needed` is not a rule id, source id or diagnostic code"),
        "{err}"
    );
    assert!(err.contains("the closest are `quick-results-needed`"), "{err}");
}
