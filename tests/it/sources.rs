//! The source catalogue: citations by id, their titles and URLs in every
//! report format, escaping, overlays, and the errors and warnings about them.

use serde_json::{Value, json};

use crate::{shouldtune, stderr, stdout, succeed};

const DIR: &str = "tests/fixtures/rules/sources";

fn path(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn evaluate(format: &str, rules: &[&str]) -> String {
    let project = path("project.yaml");
    let mut args = vec!["evaluate", project.as_str(), "-f", format];
    let rules: Vec<String> = rules.iter().map(|r| path(r)).collect();
    for rule in &rules {
        args.extend(["--rules", rule.as_str()]);
    }
    let output = shouldtune(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn fired_rules_carry_their_sources_in_json() {
    let report: Value = serde_json::from_str(&evaluate("json", &["catalogue.yaml"])).unwrap();
    let fired = &report["fired"][0];
    assert_eq!(fired["rule"], "many-examples");
    assert_eq!(fired["source"], "Field report; Vendor guide [draft] *one*", "the compatibility string stays");
    assert_eq!(
        fired["sources"],
        json!([
            { "id": "field-report", "title": "Field report", "url": "https://lab.example.test/report" },
            { "id": "vendor-guide", "title": "Vendor guide [draft] *one*", "url": "https://docs.example.test/guide?a=1&b=(2)" },
        ])
    );
}

#[test]
fn the_table_shows_each_source_title_and_url() {
    let text = evaluate("table", &["catalogue.yaml"]);
    assert!(text.contains("rule many-examples, source: Field report <https://lab.example.test/report>\n"), "{text}");
    assert!(text.contains("  and Vendor guide [draft] *one* <https://docs.example.test/guide?a=1&b=(2)>\n"), "{text}");
}

#[test]
fn markdown_links_escape_the_title_and_the_url() {
    let text = evaluate("markdown", &["catalogue.yaml"]);
    let expected = "_Source: [Field report](<https://lab.example.test/report>); \
                    [Vendor guide \\[draft\\] \\*one\\*](<https://docs.example.test/guide?a=1\\&b=\\(2\\)>)_";
    assert!(text.contains(expected), "{text}");
}

#[test]
fn an_overlay_adds_sources_and_cites_the_base_catalogue() {
    let report: Value = serde_json::from_str(&evaluate("json", &["catalogue.yaml", "overlay.yaml"])).unwrap();
    let finding = &report["plan"]["findings"][0];
    assert_eq!(finding["id"], "tuned-without-baseline");
    assert_eq!(finding["severity"], "error", "the overlay's override changed the severity");
    let ids: Vec<&str> = finding["sources"].as_array().unwrap().iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["house-policy", "vendor-guide"]);
}

#[test]
fn an_id_like_citation_missing_from_the_catalogue_is_an_error_with_a_suggestion() {
    let (base, typo) = (path("catalogue.yaml"), path("unknown-id.yaml"));
    let output = shouldtune(&["rules", "check", "--rules", &base, "--rules", &typo]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("error[unknown-source]: `vendor-gide` is not in the source catalogue"), "{err}");
    assert!(err.contains("unknown-id.yaml:7:13") && err.contains("did you mean `vendor-guide`?"), "{err}");
}

#[test]
fn free_text_is_still_a_citation_but_warns_beside_a_catalogue() {
    let (base, memo) = (path("catalogue.yaml"), path("free-text.yaml"));
    let output = shouldtune(&["rules", "check", "--rules", &base, "--rules", &memo]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("warning[source-not-in-catalogue]: rule `memo` cites `Internal memo, March 2024`")
    );
    let denied = shouldtune(&["rules", "check", "--rules", &base, "--rules", &memo, "--deny", "warnings"]);
    assert_eq!(denied.status.code(), Some(1));
    // Without a catalogue, free text is the only kind of citation and nothing warns about it.
    let plain = shouldtune(&["rules", "check", "--rules", "tests/fixtures/rules/lint/always-tied.yaml"]);
    assert!(!stderr(&plain).contains("source-not-in-catalogue"), "{}", stderr(&plain));
}

#[test]
fn malformed_catalogue_entries_and_plan_rules_are_located_errors() {
    let output = shouldtune(&["rules", "check", "--rules", &path("bad-entries.yaml")]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    for expected in [
        "bad-entries.yaml:2:11: error[invalid-rule]: source id `Bad_Id` must be kebab-case",
        "bad-entries.yaml:3:51: error[invalid-rule]: `url` must be an absolute `https://` or `http://` address",
        "bad-entries.yaml:4:72: error[wrong-type]: `date` is `16 October 2023`",
        "bad-entries.yaml:5:5: error[missing-key]: a source is missing the required key `says`",
        "bad-entries.yaml:13:33: error[missing-key]: plan rule `p` needs `severity`",
        "bad-entries.yaml:14:52: error[unknown-key]: `severity` is only for plan rules",
    ] {
        let (location, message) = expected.split_once(": ").unwrap();
        assert!(err.contains(message) && err.contains(location), "missing `{expected}` in\n{err}");
    }
}

#[test]
fn rules_show_prints_the_catalogue_plan_rules_and_citations_as_loadable_yaml() {
    let (base, overlay) = (path("catalogue.yaml"), path("overlay.yaml"));
    let output = shouldtune(&["rules", "show", "-f", "yaml", "--rules", &base, "--rules", &overlay]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for needle in [
        "sources:\n  - id: vendor-guide\n",
        "  - id: house-policy\n",
        "    url: \"https://docs.example.test/guide?a=1&b=(2)\"\n",
        "    when_planned: [tuned]\n    severity: error\n",
        "    source: [field-report, vendor-guide]\n",
        "    source: [house-policy, vendor-guide]\n",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let merged = dir.path().join("merged.yaml");
    std::fs::write(&merged, &text).unwrap();
    let again = shouldtune(&["rules", "show", "-f", "yaml", "--rules", &merged.display().to_string()]);
    assert_eq!(stdout(&again), text, "the printed rule set loads back to itself");
}

#[test]
fn an_overlay_extending_default_cites_the_default_catalogue() {
    let output = shouldtune(&["rules", "check", "--rules", &path("extends-default.yaml"), "--deny", "warnings"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let shown = succeed(&["rules", "show", "-f", "yaml", "--rules", &path("extends-default.yaml")]);
    assert!(shown.contains("  - id: guidance-1\n") && shown.contains("  - id: acme-data-policy\n"), "{shown}");
    assert!(shown.contains("    source: [acme-data-policy, guidance-1]\n"), "{shown}");

    let typo = shouldtune(&["rules", "check", "--rules", &path("extends-default-typo.yaml")]);
    assert_eq!(typo.status.code(), Some(2));
    let err = stderr(&typo);
    assert!(err.contains("error[unknown-source]: `guidance-12` is not in the source catalogue"), "{err}");
    assert!(err.contains("did you mean `guidance-1`?"), "{err}");
}

#[test]
fn the_default_rules_cite_the_guidance_with_its_address() {
    let report: Value =
        serde_json::from_str(&succeed(&["evaluate", "examples/llm-project.yaml", "-f", "json"])).unwrap();
    let fired = report["fired"].as_array().cloned().unwrap();
    assert!(!fired.is_empty());
    for rule in &fired {
        let sources = rule["sources"].as_array().cloned().unwrap();
        assert!(!sources.is_empty(), "{rule}");
        for source in sources {
            assert!(source["url"].as_str().is_some_and(|u| u.starts_with("https://")), "{source}");
        }
    }
    let table = succeed(&["evaluate", "examples/llm-project.yaml"]);
    // Wrapped to the width: compare with the line breaks and indentation folded to spaces.
    let table = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        table.contains("source: Fine Tuning: now available with Azure OpenAI Service, §"),
        "the table names the guidance:\n{table}"
    );
    assert!(table.contains("<https://techcommunity.microsoft.com/t5/ai-azure-ai-services-blog/fine-tuning-now-available-with-azure-openai-service/ba-p/3954693>"), "{table}");
}
