//! Rule overlays: extend, override, disable, conflicts, and overlays named by descriptors.

use std::path::Path;

use crate::{root, shouldtune, shouldtune_in, stderr, stdout};

fn evaluate_with(overlay: &str) -> serde_json::Value {
    let output = shouldtune(&["evaluate", "examples/llm-project.yaml", "--rules", overlay, "-f", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn fired(report: &serde_json::Value) -> Vec<String> {
    report["fired"].as_array().unwrap().iter().filter_map(|f| f["rule"].as_str().map(str::to_owned)).collect()
}

#[test]
fn override_replaces_a_rule_and_an_approach_title() {
    let report = evaluate_with("tests/fixtures/rules/overlays/override.yaml");
    assert_eq!(report["recommendation_title"], "Custom model training");
    let rule = report["fired"].as_array().unwrap().iter().find(|f| f["rule"] == "strict-format").cloned();
    let rule = rule.unwrap();
    assert_eq!(rule["effects"]["fine_tuning"], 10);
    assert_eq!(rule["source"], "Acme platform standard §2");
}

#[test]
fn disable_removes_rules() {
    let plain = fired(&evaluate_with("rules/default.yaml"));
    assert!(plain.contains(&"teach-a-task".to_owned()) && plain.contains(&"strict-format".to_owned()));
    let disabled = fired(&evaluate_with("tests/fixtures/rules/overlays/disable.yaml"));
    assert!(!disabled.contains(&"teach-a-task".to_owned()) && !disabled.contains(&"strict-format".to_owned()));
    assert_eq!(disabled.len() + 2, plain.len());
}

#[test]
fn overlay_mistakes_are_errors_naming_the_place() {
    for (file, text) in [
        ("disable-unknown.yaml", "there is no earlier rule `strict-formats` to disable"),
        ("override-nothing.yaml", "is marked `override` but no earlier file defines it"),
        ("../duplicate-rule-id.yaml", "first defined here"),
    ] {
        let path = format!("tests/fixtures/rules/overlays/{file}");
        let output = shouldtune(&["evaluate", "examples/llm-project.yaml", "--rules", &path]);
        assert_eq!(output.status.code(), Some(2), "{file}");
        assert!(stderr(&output).contains(text), "{file}: {}", stderr(&output));
    }
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

const PII_OVERLAY: &str = "extends: default\nquestions:\n  - id: uses_customer_pii\n    text: PII?\n    type: boolean\n    default: false\nrules:\n  - id: no-fine-tuning-on-pii\n    title: No fine-tuning on customer data\n    when: uses_customer_pii\n    veto: [fine_tuning]\n    because: Policy.\n    source: Acme policy\n";

#[test]
fn a_descriptor_names_its_overlay_and_check_picks_it_up() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    write(&dir.path().join("policy/acme.yaml"), PII_OVERLAY);
    let base = std::fs::read_to_string(root().join("examples/llm-project.yaml")).unwrap();
    let with_pii = base.replace("answers:\n", "rules: [../../policy/acme.yaml]\nanswers:\n  uses_customer_pii: true\n");
    write(&dir.path().join("teams/a/llm-project.yaml"), &with_pii);
    write(&dir.path().join("teams/b/llm-project.yaml"), &base);
    let output = shouldtune_in(dir.path(), &["check", "--format", "json"]);
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(run["results"][0]["path"], "teams/a/llm-project.yaml", "{}", stdout(&output));
    let vetoed_by = |result: &serde_json::Value, approach: &str| {
        result["vetoed"].as_array().unwrap().iter().find(|v| v["approach"] == approach).map(|v| v["rule"].clone())
    };
    assert_eq!(vetoed_by(&run["results"][0], "fine_tuning"), Some(serde_json::json!("no-fine-tuning-on-pii")));
    let ids: Vec<&str> =
        run["results"][0]["findings"].as_array().unwrap().iter().filter_map(|f| f["id"].as_str()).collect();
    assert!(ids.contains(&"plan-vetoed"), "{ids:?}");
    assert_eq!(vetoed_by(&run["results"][1], "fine_tuning"), None, "team b uses the default rules");
}

#[test]
fn a_rule_path_outside_the_repository_is_refused() {
    let outer = tempfile::tempdir().unwrap();
    write(&outer.path().join("evil.yaml"), PII_OVERLAY);
    let repo = outer.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    let base = std::fs::read_to_string(root().join("examples/llm-project.yaml")).unwrap();
    write(&repo.join("llm-project.yaml"), &base.replace("answers:\n", "rules: [../evil.yaml]\nanswers:\n"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outer.path().join("evil.yaml"), repo.join("link.yaml")).unwrap();
        write(&repo.join("b/llm-project.yaml"), &base.replace("answers:\n", "rules: [../link.yaml]\nanswers:\n"));
    }
    let output = shouldtune_in(&repo, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    let out = crate::unwrapped(&stdout(&output));
    assert!(
        out.contains(
            "llm-project.yaml:5:9: error[outside-repository]: rule file `../evil.yaml` is outside the repository"
        ),
        "{out}"
    );
    #[cfg(unix)]
    assert!(
        out.contains("rule file `../link.yaml` is outside the repository"),
        "a symlink cannot smuggle it in: {out}"
    );
}
