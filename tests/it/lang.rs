//! Japanese and English: how the language is chosen, Japanese `evaluate`
//! output, its layout with double-width characters, and machine formats that
//! do not change with the language.

use std::process::Output;

use shouldtune::text::display_width;

use crate::{root, shouldtune, stderr, stdout, with_env};

const EXAMPLE: &str = "examples/llm-project.yaml";

/// An overlay claiming Japanese whose rule `my-rule` has a Japanese title only
/// (everything else of it untranslated).
pub(crate) const OVERLAY_MISSING_A_TRANSLATION: &str = "extends: default
locales: [en, ja]
rules:
  - id: my-rule
    title: My rule
    when: specific_tone
    effects: { fine_tuning: 1 }
    because: Because.
    source: guidance-3-1
translations:
  ja:
    rules:
      my-rule: { title: 私のルール }
";

fn is_japanese(output: &Output) -> bool {
    let text = stdout(output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    let ja = text.contains("推奨: ファインチューニング (fine_tuning)");
    assert!(ja || text.contains("Recommendation: Fine-tuning (fine_tuning)"), "{text}");
    ja
}

#[test]
fn japanese_table_output() {
    let output = shouldtune(&["--lang", "ja", "evaluate", EXAMPLE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn japanese_markdown_output() {
    let output = shouldtune(&[
        "evaluate",
        "tests/fixtures/scenarios/invoice-extraction-fresh-format.llm-project.yaml",
        "-f",
        "markdown",
        "--lang",
        "ja",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn the_flag_beats_shouldtune_lang_which_beats_the_locale() {
    let args = ["evaluate", EXAMPLE];
    assert!(!is_japanese(&with_env(&[], &args)), "English by default");
    assert!(is_japanese(&with_env(&[("LANG", "ja_JP.UTF-8")], &args)));
    assert!(is_japanese(&with_env(&[("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")], &args)));
    assert!(!is_japanese(&with_env(&[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "ja_JP.UTF-8")], &args)));
    assert!(!is_japanese(&with_env(&[("LANG", "fr_FR.UTF-8")], &args)), "an unsupported locale means English");
    assert!(is_japanese(&with_env(&[("SHOULDTUNE_LANG", "ja"), ("LC_ALL", "en_US.UTF-8")], &args)));
    assert!(!is_japanese(&with_env(&[("SHOULDTUNE_LANG", "en"), ("LANG", "ja_JP.UTF-8")], &args)));
    let flag = ["--lang", "en", "evaluate", EXAMPLE];
    assert!(!is_japanese(&with_env(&[("SHOULDTUNE_LANG", "ja")], &flag)));
    let flag = ["evaluate", EXAMPLE, "--lang", "ja"];
    assert!(is_japanese(&with_env(&[("SHOULDTUNE_LANG", "en"), ("LANG", "C")], &flag)), "--lang after the command");
}

#[test]
fn an_unknown_language_is_a_usage_error_with_a_suggestion() {
    let output = shouldtune(&["--lang", "jp", "evaluate", EXAMPLE]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(message.contains("`jp`") && message.contains("did you mean `ja`?"), "{message}");
    let output = with_env(&[("SHOULDTUNE_LANG", "fr")], &["evaluate", EXAMPLE]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(message.starts_with("error: SHOULDTUNE_LANG: unknown language `fr`"), "{message}");
    assert!(message.contains("`en`") && message.contains("`ja`"), "{message}");
    // The value is shown escaped, never raw on the terminal.
    let output = with_env(&[("SHOULDTUNE_LANG", "j\u{1b}[2Ja")], &["evaluate", EXAMPLE]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr(&output).contains('\u{1b}'), "{}", stderr(&output));
}

/// Replaces the human-readable fields (titles, reasons, next steps, messages) with a marker.
fn without_human_fields(value: &mut serde_json::Value) {
    const HUMAN: &[&str] = &["title", "recommendation_title", "because", "reason", "source", "message", "help"];
    match value {
        serde_json::Value::Object(map) => {
            for (key, field) in map.iter_mut() {
                if HUMAN.contains(&key.as_str()) && field.is_string() {
                    *field = serde_json::Value::from("<text>");
                } else if key == "next_steps" || (key == "because" && field.is_array()) {
                    for step in field.as_array_mut().into_iter().flatten() {
                        *step = serde_json::Value::from("<text>");
                    }
                } else {
                    without_human_fields(field);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_human_fields),
        _ => {}
    }
}

#[test]
fn json_is_the_same_in_both_languages_but_for_human_readable_fields() {
    for file in [EXAMPLE, "tests/fixtures/scenarios/invoice-extraction-fresh-format.llm-project.yaml"] {
        let parse = |lang: &str| -> serde_json::Value {
            let output = shouldtune(&["--lang", lang, "evaluate", file, "-f", "json"]);
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            serde_json::from_slice(&output.stdout).unwrap_or_else(|e| unreachable!("{e}"))
        };
        let (mut en, mut ja) = (parse("en"), parse("ja"));
        assert_ne!(en["recommendation_title"], ja["recommendation_title"]);
        assert_ne!(en["fired"][0]["because"], ja["fired"][0]["because"]);
        assert_eq!(en["recommendation"], ja["recommendation"]);
        without_human_fields(&mut en);
        without_human_fields(&mut ja);
        assert_eq!(en, ja, "{file}");
    }
}

#[test]
fn japanese_output_fits_80_columns_measured_in_display_width() {
    for args in [
        &["--lang", "ja", "evaluate", EXAMPLE][..],
        &["--lang", "ja", "evaluate", EXAMPLE, "--rules", "examples/acme-overlay.yaml"],
    ] {
        let output = shouldtune(args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        let mut table_widths = Vec::new();
        for line in text.lines() {
            // Only a single unbreakable word (a source's URL) may pass the width.
            if line.trim().contains(' ') || line.chars().any(|c| display_width(&c.to_string()) == 2) {
                assert!(display_width(line) <= 80, "{} columns: {line}\n{text}", display_width(line));
            }
            if line.starts_with(['╭', '│', '├', '╰']) {
                table_widths.push(display_width(line));
            }
        }
        // The table's borders line up: every row is as wide as the others.
        assert!(table_widths.len() >= 5, "{text}");
        assert!(table_widths.iter().all(|w| *w == table_widths[0]), "{table_widths:?}\n{text}");
        assert!(text.contains("理由") && text.contains("次のステップ"), "{text}");
    }
}

#[test]
fn japanese_lines_break_between_characters_not_only_at_spaces() {
    let mut narrow = assert_cmd::Command::cargo_bin("shouldtune").unwrap_or_else(|e| unreachable!("{e}"));
    narrow.current_dir(root()).env("NO_COLOR", "1").env("COLUMNS", "50").args(["--lang", "ja", "evaluate", EXAMPLE]);
    let output = narrow.output().unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let wide_lines: Vec<&str> =
        text.lines().filter(|l| l.chars().any(|c| display_width(&c.to_string()) == 2)).collect();
    assert!(wide_lines.iter().all(|l| display_width(l) <= 50), "{text}");
    // Long Japanese reasons use the width instead of leaving short lines.
    assert!(wide_lines.iter().any(|l| display_width(l) >= 46), "{text}");
    // No line starts with closing punctuation.
    assert!(text.lines().all(|l| !l.trim_start().starts_with(['、', '。', '）', '」'])), "{text}");
}

#[test]
fn rules_check_reports_a_missing_translation_and_a_misspelt_id() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    std::fs::write(dir.path().join("overlay.yaml"), OVERLAY_MISSING_A_TRANSLATION)
        .unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["rules", "check", "--rules", "overlay.yaml", "--deny", "warnings"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("warning[missing-translation]: rule `my-rule` has no `ja` translation of `because`"),
        "{message}"
    );
    assert!(message.contains("overlay.yaml:4:9"), "{message}");
    assert_eq!(message.matches("missing-translation").count(), 1, "{message}");

    let misspelt = OVERLAY_MISSING_A_TRANSLATION.replace("my-rule: { title", "my-rul: { title");
    std::fs::write(dir.path().join("overlay.yaml"), misspelt).unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["rules", "check", "--rules", "overlay.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("error[unknown-key]: the rule set has no rule `my-rul` to translate"), "{message}");
    assert!(message.contains("overlay.yaml:13:7") && message.contains("did you mean `my-rule`?"), "{message}");

    // The overlay's own translation shows in Japanese output.
    let translated =
        OVERLAY_MISSING_A_TRANSLATION.replace("{ title: 私のルール }", "{ title: 私のルール, because: 理由です。 }");
    std::fs::write(dir.path().join("overlay.yaml"), translated).unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["rules", "check", "--rules", "overlay.yaml", "--deny", "warnings"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let descriptor = "name: Tone\nanswers:\n  specific_tone: true\n";
    std::fs::write(dir.path().join("p.yaml"), descriptor).unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "evaluate", "p.yaml", "--rules", "overlay.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("私のルール") && stdout(&output).contains("理由です。"), "{}", stdout(&output));
}

#[test]
fn check_explain_and_rules_show_give_rule_texts_in_japanese_and_ids_in_english() {
    let files = [EXAMPLE, "tests/fixtures/scenarios/invoice-extraction-fresh-format.llm-project.yaml"];
    let parse = |lang: &str| -> serde_json::Value {
        let mut args = vec!["--lang", lang, "check", "-f", "json", "--allow-defaults"];
        args.extend(files);
        let output = shouldtune(&args);
        assert!(matches!(output.status.code(), Some(0 | 1)), "{}", stderr(&output));
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| unreachable!("{e}"))
    };
    let (mut en, mut ja) = (parse("en"), parse("ja"));
    let (en_text, ja_text) = (en.to_string(), ja.to_string());
    assert!(!en_text.contains("ファインチューニング"), "{en_text}");
    assert!(ja_text.contains("ファインチューニングはモデルに新しい知識ではなくタスクを教える"), "{ja_text}");
    without_human_fields(&mut en);
    without_human_fields(&mut ja);
    assert_eq!(en, ja);

    let explained = stdout(&shouldtune(&["--lang", "ja", "explain", "too-few-examples"]));
    assert!(explained.contains("ルール too-few-examples: ファインチューニングには例が少なすぎる"), "{explained}");
    for heading in ["\n確認する内容\n", "\n効果\n", "\n理由\n", "\n出典\n", "\n例\n"] {
        assert!(explained.contains(heading), "{heading}\n{explained}");
    }
    assert!(!explained.contains("What it checks") && explained.contains("    name: example"), "{explained}");
    let code = stdout(&shouldtune(&["--lang", "ja", "explain", "unknown-key"]));
    assert!(
        code.starts_with("診断コード unknown-key: マッピングにその位置では使えないキーがあります\n\n対処\n"),
        "{code}"
    );
    let unknown = shouldtune(&["--lang", "ja", "explain", "too-few-exampels"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown)
            .contains("エラー[unknown-id]: `too-few-exampels` はルール ID、出典 ID、診断コードのいずれでもありません"),
        "{}",
        stderr(&unknown)
    );
    let shown = shouldtune(&["rules", "show", "--lang", "ja"]);
    assert_eq!(shown.status.code(), Some(0));
    assert!(stdout(&shown).contains("Fine-tuning（OpenAI API ガイド）"), "{}", stdout(&shown));
    assert!(stdout(&shown).lines().all(|l| display_width(l) <= 80 || !l.trim().contains(' ')), "{}", stdout(&shown));
    // The YAML form is the rule file's own text, in any language.
    let yaml = shouldtune(&["rules", "show", "-f", "yaml", "--lang", "ja"]);
    assert_eq!(stdout(&yaml), stdout(&shouldtune(&["rules", "show", "-f", "yaml"])));
}

#[test]
fn the_html_report_in_japanese_is_well_formed_and_says_its_language() {
    let output = shouldtune(&["--lang", "ja", "evaluate", EXAMPLE, "-f", "html"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = stdout(&output);
    let body = page.strip_prefix("<!DOCTYPE html>\n").unwrap_or_else(|| unreachable!("{page}"));
    let document = roxmltree::Document::parse(body).unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(document.root_element().attribute("lang"), Some("ja"));
    let headings: Vec<&str> =
        document.descendants().filter(|n| n.has_tag_name("h2")).filter_map(|n| n.text()).collect();
    for heading in ["推奨", "スコア", "理由", "推奨が変わる条件", "次のステップ", "回答"] {
        assert!(headings.contains(&heading), "{headings:?}");
    }
    assert!(
        page.contains("検索拡張生成 (RAG)") && page.contains("ルール <code>nothing-to-retrieve</code> · 出典:"),
        "{page}"
    );
    let english = stdout(&shouldtune(&["evaluate", EXAMPLE, "-f", "html"]));
    assert!(english.contains(r#"<html lang="en">"#) && !english.contains("推奨"), "{english}");
}

#[test]
fn check_wraps_japanese_reasons_at_80_columns() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let descriptor = "name: Plan without a baseline\nplanned_approach: fine_tuning\nanswers:\n  examples_available: 5000\n  deadline_weeks: 12\n  task_type: classification\n";
    std::fs::write(dir.path().join("llm-project.yaml"), descriptor).unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "check", "llm-project.yaml", "--allow-defaults"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    // The plan rule's reason, in Japanese, is long enough to need more than one line.
    assert!(text.contains("= 理由: 上回るべき基準を持つために"), "{text}");
    for line in text.lines().filter(|l| l.trim().contains(' ')) {
        assert!(display_width(line) <= 80, "{} columns: {line}\n{text}", display_width(line));
    }
    let because: String = text
        .lines()
        .skip_while(|l| !l.contains("= 理由: 上回るべき"))
        .take_while(|l| !l.contains("= 対処:"))
        .map(|l| l.trim().trim_start_matches("= 理由:").trim())
        .collect();
    assert!(because.contains("ベースラインを作ってください。"), "{because}\n{text}");
}

/// A descriptor with the most common mistakes: an unknown question, an unknown choice, a number out of range.
const MISTAKES: &str = "name: Mistakes\nplanned_approach: rag\nanswers:\n  deadline_wekes: 3\n  task_type: clasification\n  examples_available: -5\n";

#[test]
fn load_errors_are_in_japanese_with_english_codes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    std::fs::write(dir.path().join("llm-project.yaml"), MISTAKES).unwrap_or_else(|e| unreachable!("{e}"));
    let ja = crate::shouldtune_in(dir.path(), &["--lang", "ja", "evaluate", "llm-project.yaml"]);
    assert_eq!(ja.status.code(), Some(2));
    let message = stderr(&ja);
    for expected in [
        "エラー[unknown-question]: 不明な質問 `deadline_wekes` です",
        "= 対処: `deadline_weeks` の誤りではありませんか?",
        "エラー[unknown-choice]: `clasification` は `task_type` の選択肢にありません",
        "エラー[out-of-range]: `examples_available` が -5 です。",
        "llm-project.yaml:4:3",
    ] {
        assert!(message.contains(expected), "{expected}\n{message}");
    }
    assert!(!message.contains("error[") && !message.contains("did you mean"), "{message}");
    let en = crate::shouldtune_in(dir.path(), &["--lang", "en", "evaluate", "llm-project.yaml"]);
    assert_eq!(en.status.code(), Some(2));
    let message = stderr(&en);
    assert!(message.contains("error[unknown-question]: unknown question `deadline_wekes`"), "{message}");
    assert!(message.contains("help: did you mean `deadline_weeks`?"), "{message}");
    // A file that cannot be read, and one that is not YAML.
    let missing = crate::shouldtune_in(dir.path(), &["--lang", "ja", "evaluate", "nothere.yaml"]);
    assert!(
        stderr(&missing).contains("エラー[io-error]: `nothere.yaml` を読み込めません: ファイルが存在しません"),
        "{}",
        stderr(&missing)
    );
    std::fs::write(dir.path().join("bad.yaml"), "name: [unclosed\n").unwrap_or_else(|e| unreachable!("{e}"));
    let bad = crate::shouldtune_in(dir.path(), &["--lang", "ja", "evaluate", "bad.yaml"]);
    assert!(stderr(&bad).contains("エラー[yaml-syntax]: YAML として不正です: "), "{}", stderr(&bad));
}

#[test]
fn check_reports_in_japanese_keep_ids_codes_and_keys_in_english() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let plan = "name: Plan\nplanned_approach: fine_tuning\nanswers:\n  examples_available: 5000\n  deadline_weeks: 12\n  task_type: classification\n";
    std::fs::write(dir.path().join("a.llm-project.yaml"), plan).unwrap_or_else(|e| unreachable!("{e}"));
    std::fs::write(dir.path().join("b.llm-project.yaml"), MISTAKES).unwrap_or_else(|e| unreachable!("{e}"));
    let run = |lang: &str, format: &str| -> String {
        let output =
            crate::shouldtune_in(dir.path(), &["--lang", lang, "check", ".", "--allow-defaults", "-f", format]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        stdout(&output)
    };
    let human = run("ja", "human");
    assert!(human.contains("ファイル 2 件、エラー ") && human.contains("(確認できなかったファイル 1 件)"), "{human}");
    assert!(human.contains("b.llm-project.yaml (確認できませんでした)"), "{human}");
    assert!(human.contains("(計画: fine_tuning、推奨: "), "{human}");
    assert!(human.contains("エラー[fine-tuning-without-baseline]:") && human.contains("= 対処:"), "{human}");
    assert!(!human.contains("error[") && !human.contains("because:"), "{human}");

    let markdown = run("ja", "markdown");
    assert!(markdown.contains("| ファイル | 計画 | 推奨 | 結果 |"), "{markdown}");
    assert!(
        markdown.contains("- **エラー** `unknown-question` (4 行目): 不明な質問 `deadline_wekes` です"),
        "{markdown}"
    );

    let github = run("ja", "github");
    assert!(
        github.lines().all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice ")),
        "{github}"
    );
    assert!(
        github.contains("title=shouldtune unknown-question%3A ルールセットにない質問に回答しています::不明な質問"),
        "{github}"
    );

    let junit = run("ja", "junit");
    roxmltree::Document::parse(&junit).unwrap_or_else(|e| unreachable!("{e}\n{junit}"));
    assert!(
        junit.contains(r#"type="unknown-question""#) && junit.contains("エラー[unknown-question]: 不明な質問"),
        "{junit}"
    );

    // GitLab: the same issues (fingerprints, names, severities) in both languages for built-in codes
    // (a plan rule's finding is its title, in the rule set's language); descriptions translated.
    let parse =
        |text: &str| -> serde_json::Value { serde_json::from_str(text).unwrap_or_else(|e| unreachable!("{e}")) };
    let (en, ja) = (parse(&run("en", "gitlab")), parse(&run("ja", "gitlab")));
    let identity = |report: &serde_json::Value| -> Vec<String> {
        let issues = report.as_array().cloned().unwrap_or_default();
        issues
            .iter()
            .filter(|i| i["check_name"] != "fine-tuning-without-baseline")
            .map(|i| format!("{} {} {} {}", i["fingerprint"], i["check_name"], i["severity"], i["location"]))
            .collect()
    };
    assert!(identity(&en).len() >= 4, "{en}");
    assert_eq!(identity(&en), identity(&ja));
    assert_ne!(en[0]["description"], ja[0]["description"]);
}

#[test]
fn check_json_is_the_same_in_both_languages_but_for_message_fields() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let plan = "name: Plan\nplanned_approach: rag\nanswers:\n  examples_available: 5000\n";
    std::fs::write(dir.path().join("a.llm-project.yaml"), plan).unwrap_or_else(|e| unreachable!("{e}"));
    std::fs::write(dir.path().join("b.llm-project.yaml"), MISTAKES).unwrap_or_else(|e| unreachable!("{e}"));
    let parse = |lang: &str| -> (serde_json::Value, String) {
        let output = crate::shouldtune_in(dir.path(), &["--lang", lang, "check", ".", "nothere", "-f", "json"]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let text = stdout(&output);
        (serde_json::from_str(&text).unwrap_or_else(|e| unreachable!("{e}\n{text}")), text)
    };
    let ((mut en, en_text), (mut ja, ja_text)) = (parse("en"), parse("ja"));
    assert!(en_text.contains("unknown question `deadline_wekes`"), "{en_text}");
    assert!(ja_text.contains("不明な質問 `deadline_wekes` です") && ja_text.contains("未回答のため"), "{ja_text}");
    assert!(ja_text.contains("\"unknown-question\"") && ja_text.contains("\"answer-assumed\""), "{ja_text}");
    without_human_fields(&mut en);
    without_human_fields(&mut ja);
    assert_eq!(en, ja);
}

#[test]
fn cost_output_in_japanese_formats_money_and_dates_for_prose_and_keeps_json() {
    let ja = shouldtune(&["--lang", "ja", "cost", EXAMPLE]);
    assert_eq!(ja.status.code(), Some(0), "{}", stderr(&ja));
    let text = unwrapped_ja(&stdout(&ja));
    for expected in [
        "│ 手法",
        "月額 (USD)",
        "初期費用 (USD)",
        "損益分岐点: 月間 1,081,482 リクエスト以上で",
        "2023年10月16日時点の価格",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(stderr(&ja).starts_with("警告: 価格表 `azure-openai-2023-10` の日付は 2023-10-16 で"), "{}", stderr(&ja));
    let evaluate = unwrapped_ja(&stdout(&shouldtune(&["--lang", "ja", "evaluate", EXAMPLE])));
    assert!(
        evaluate.contains("プロンプトエンジニアリング $2,340.00、RAG") && evaluate.contains("$3,240.00"),
        "{evaluate}"
    );
    assert!(evaluate.contains("の2023年10月16日時点の価格") && !evaluate.contains("USD"), "{evaluate}");
    let english = stdout(&shouldtune(&["evaluate", EXAMPLE]));
    assert!(crate::unwrapped(&english).contains("prompt engineering USD 2,340.00, RAG USD 3,240.00"), "{english}");
    // JSON keeps exact decimal strings and ISO dates in every language.
    let json = |lang: &str| stdout(&shouldtune(&["--lang", lang, "cost", EXAMPLE, "-f", "json"]));
    assert_eq!(json("ja"), json("en"));
}

/// Japanese prose as one line: wrapped lines joined without the spaces a break leaves.
fn unwrapped_ja(text: &str) -> String {
    text.lines().map(str::trim).collect::<Vec<_>>().join("")
}

#[test]
fn the_decision_record_in_japanese_has_japanese_headings_and_english_ids() {
    let output = shouldtune(&["--lang", "ja", "evaluate", EXAMPLE, "-f", "adr"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("---\nstatus: proposed\n---\n\n# Support ticket triage にファインチューニングを採用する\n"),
        "{text}"
    );
    for heading in [
        "## 背景と課題",
        "## 決定の要因",
        "## 検討した選択肢",
        "## 決定の結果",
        "### 影響",
        "## 各選択肢の長所と短所",
        "## 詳細情報",
    ] {
        assert!(text.contains(&format!("\n{heading}\n")), "{heading}\n{text}");
    }
    assert!(text.contains("| ファインチューニング (`fine_tuning`) | 15 | **選択** |"), "{text}");
    assert!(text.contains("| 検索拡張生成 \\(RAG\\) | 0 | 除外 (`nothing-to-retrieve`) |"), "{text}");
    assert!(text.contains("| `deadline_weeks` | 10 | 回答済み |"), "{text}");
    assert!(!text.contains("Chosen option") && !text.contains("Pros and Cons"), "{text}");
}

#[test]
fn init_in_japanese_writes_japanese_comments_and_a_descriptor_that_checks() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "init", "llm-project.yaml", "--name", "Demo"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("`llm-project.yaml` を作成しました"), "{}", stdout(&output));
    let text = std::fs::read_to_string(dir.path().join("llm-project.yaml")).unwrap_or_else(|e| unreachable!("{e}"));
    assert!(text.contains("すべての質問に既定値 (保守的な回答) が入っています。"), "{text}");
    assert!(text.contains("  # どのような種類のタスクですか？\n") && text.contains("  task_type: other\n"), "{text}");
    assert!(text.contains("指定できる値: 0 以上の整数。"), "{text}");
    // Comments wrap at 76 columns after their indent (`  #   `), in display width, as in English.
    for line in text.lines() {
        assert!(display_width(line) <= 82, "{} columns: {line}", display_width(line));
    }
    // Ids, keys and values stay as the rules write them: the file checks cleanly in either language.
    let output = crate::shouldtune_in(dir.path(), &["check", "llm-project.yaml", "--allow-defaults"]);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
}

#[test]
fn cost_section_errors_speak_japanese_with_english_codes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let descriptor = "name: Cost\ncost:\n  training_hours: 3\n  training_tokens: 5\n";
    std::fs::write(dir.path().join("p.yaml"), descriptor).unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "evaluate", "p.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("p.yaml:4:3"), "{message}");
    assert!(message.contains("[invalid-cost]"), "{message}");
    assert!(
        message.contains("`training_hours` と `training_tokens` はどちらか一方だけを指定してください"),
        "{message}"
    );
    assert!(message.contains("時間単位の価格表と `method: rft` は `training_hours` で"), "{message}");
    assert!(!message.contains("not both"), "{message}");

    let output = crate::shouldtune_in(dir.path(), &["--lang", "en", "evaluate", "p.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("give `training_hours` or `training_tokens`, not both"), "{}", stderr(&output));
}

#[test]
fn rule_file_errors_speak_japanese_with_english_codes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let overlay = "extends: default
rules:
  - id: idle-rule
    title: Idle
    when: specific_tone
    because: Because.
    source: guidance-3-1
";
    std::fs::write(dir.path().join("overlay.yaml"), overlay).unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "rules", "check", "--rules", "overlay.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("overlay.yaml:3:9"), "{message}");
    assert!(message.contains("[invalid-rule]: ルール `idle-rule` には効果がありません"), "{message}");
    assert!(message.contains("`effects`、`veto`、`combine_with`、`next_step`、`when_planned` のいずれか"), "{message}");

    let output = crate::shouldtune_in(dir.path(), &["rules", "check", "--rules", "overlay.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("error[invalid-rule]: rule `idle-rule` does nothing"), "{}", stderr(&output));

    let misspelt = overlay.replace("when: specific_tone", "when: specfic_tone\n    effects: { fine_tuning: 1 }");
    std::fs::write(dir.path().join("overlay.yaml"), misspelt).unwrap_or_else(|e| unreachable!("{e}"));
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "rules", "check", "--rules", "overlay.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("overlay.yaml:5:11"), "{message}");
    assert!(message.contains("不明な質問 `specfic_tone` です"), "{message}");
    assert!(message.contains("`specific_tone` の誤りではありませんか?"), "{message}");
}
