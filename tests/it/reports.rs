//! `evaluate --format html` and `--format adr`: snapshots, structure and escaping.

use crate::{shouldtune, stderr, stdout};

const EXAMPLE: &str = "examples/llm-project.yaml";
const HOSTILE: &[&str] =
    &["tests/fixtures/report/hostile.llm-project.yaml", "--rules", "tests/fixtures/report/hostile-rules.yaml"];

fn evaluate(args: &[&str], format: &str) -> String {
    let mut all = vec!["evaluate"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", format]);
    let output = shouldtune(&all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn html_output() {
    insta::assert_snapshot!(evaluate(&[EXAMPLE], "html"));
}

#[test]
fn adr_output() {
    insta::assert_snapshot!(evaluate(&[EXAMPLE], "adr"));
}

#[test]
fn adr_of_a_tie_with_a_veto_and_no_cost() {
    insta::assert_snapshot!(evaluate(&["tests/fixtures/scenarios/too-few-examples.llm-project.yaml"], "adr"));
}

/// The page parsed as XML (it is written to be well-formed), so its structure can be checked.
fn parse(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    roxmltree::Document::parse_with_options(html, options).unwrap_or_else(|e| panic!("not well-formed: {e}"))
}

#[test]
fn html_is_one_self_contained_page_without_scripts() {
    for args in
        [&[EXAMPLE][..], HOSTILE, &["tests/fixtures/scenarios/invoice-extraction-fresh-format.llm-project.yaml"]]
    {
        let html = evaluate(args, "html");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{args:?}");
        let document = parse(&html);
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "html");
        let names: Vec<&str> =
            root.children().filter(roxmltree::Node::is_element).map(|n| n.tag_name().name()).collect();
        assert_eq!(names, ["head", "body"]);
        let elements: Vec<roxmltree::Node<'_, '_>> =
            document.descendants().filter(roxmltree::Node::is_element).collect();
        let count = |name: &str| elements.iter().filter(|n| n.tag_name().name() == name).count();
        assert_eq!(count("h1"), 1);
        assert_eq!(count("title"), 1);
        assert_eq!(count("style"), 1);
        for forbidden in ["script", "iframe", "img", "link", "object", "embed", "base", "form"] {
            assert_eq!(count(forbidden), 0, "{forbidden} in {args:?}");
        }
        for element in &elements {
            for attribute in element.attributes() {
                assert!(!attribute.name().starts_with("on"), "event handler {} in {args:?}", attribute.name());
                if attribute.name() == "href" {
                    assert!(attribute.value().starts_with("https://"), "{}", attribute.value());
                }
                assert_ne!(attribute.name(), "src", "{args:?}");
            }
        }
        // Every section has a heading it is labelled by.
        for section in elements.iter().filter(|n| n.tag_name().name() == "section") {
            let label = section.attribute("aria-labelledby").unwrap();
            assert!(elements.iter().any(|n| n.attribute("id") == Some(label)), "{label}");
        }
    }
}

#[test]
fn html_shows_the_cost_chart_inline_only_with_a_cost_section() {
    let with_cost = evaluate(&[EXAMPLE], "html");
    let document = parse(&with_cost);
    let figure = document.descendants().find(|n| n.has_tag_name("figure")).map(|f| {
        f.children().filter(roxmltree::Node::is_element).map(|c| c.tag_name().name().to_owned()).collect::<Vec<_>>()
    });
    assert_eq!(figure, Some(vec!["svg".to_owned()]));
    let without = evaluate(&["tests/fixtures/scenarios/medical-faq.llm-project.yaml"], "html");
    assert!(!without.contains("<svg"), "no chart without a cost section");
}

#[test]
fn html_escapes_descriptor_and_rule_text() {
    let html = evaluate(HOSTILE, "html");
    let document = parse(&html);
    let text: String = document.descendants().filter(roxmltree::Node::is_text).filter_map(|n| n.text()).collect();
    // The hostile text survives as text, not as markup.
    assert!(text.contains("Ticket </title><script>alert(1)</script> & \"bot\" 'x' ]]> <!-- c"), "{text}");
    assert!(text.contains("Because </p><script>alert(1)</script> [link](javascript:alert(1)) | cell"));
    assert!(text.contains("Step <iframe src=//evil.example></iframe> & done"));
    // The source's address is a link, cut before the first character that cannot be in one.
    let links: Vec<&str> = document.descendants().filter_map(|n| n.attribute("href")).collect();
    assert!(links.contains(&"https://example.com/guide?a=1&b="), "{links:?}");
    // The other links are the default rules' catalogue sources: web addresses only.
    assert!(links.iter().all(|l| l.starts_with("https://")), "{links:?}");
}

#[test]
fn adr_escapes_descriptor_and_rule_text() {
    let adr = evaluate(HOSTILE, "adr");
    assert!(adr.starts_with("---\nstatus: proposed\n---\n\n# Use "), "{adr}");
    for raw in ["<script", "<img", "<iframe", "](javascript", "<!--"] {
        assert!(!adr.contains(raw), "unescaped `{raw}` in\n{adr}");
    }
    assert!(adr.contains("<https://example.com/guide?a=1&b=>"), "{adr}");
    // No line of hostile text can start a heading or a table row of its own.
    assert_eq!(adr.lines().filter(|l| l.starts_with("# ")).count(), 1);
}

#[test]
fn adr_has_the_madr_sections_in_order() {
    let adr = evaluate(&[EXAMPLE], "adr");
    let headings: Vec<&str> = adr.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Context and Problem Statement",
            "## Decision Drivers",
            "## Considered Options",
            "## Decision Outcome",
            "## Pros and Cons of the Options",
            "## More Information"
        ]
    );
    assert!(adr.contains("Margin: 15 points ahead of Prompt engineering."), "{adr}");
    assert!(adr.contains("* Cost: Monthly cost at 400,000 requests"));
}
