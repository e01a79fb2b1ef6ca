//! Errors in rule files, cost sections and price tables, and the texts of
//! `cost` and `explain`, in Japanese: the messages are Japanese, the codes,
//! keys and positions stay as in English, and bad input still exits 2.

use crate::{stderr, stdout};

/// A directory holding `name` with `text`.
fn dir_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    dir
}

/// An overlay of the default rules whose one rule has the condition `when`.
fn overlay_with_condition(when: &str) -> String {
    format!(
        "extends: default\nrules:\n  - id: r1\n    title: T\n    when: {when}\n    because: B.\n    source: guidance-3-1\n    effects: {{ rag: 1 }}\n"
    )
}

/// `rules check --rules overlay.yaml` in `lang`, which must exit 2: its standard error.
fn rules_check_fails(dir: &tempfile::TempDir, lang: &str) -> String {
    let output = crate::shouldtune_in(dir.path(), &["--lang", lang, "rules", "check", "--rules", "overlay.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}{}", stdout(&output), stderr(&output));
    stderr(&output)
}

/// Words of the English messages that must not appear in a Japanese one.
const ENGLISH: [&str; 9] =
    ["expected", "cannot", "is not", "needs", "found", "column", "help:", "error[", "did you mean"];

fn assert_japanese(message: &str) {
    for word in ENGLISH {
        assert!(!message.contains(word), "English `{word}` in a Japanese message:\n{message}");
    }
}

#[test]
fn condition_errors_speak_japanese_at_the_column_of_the_condition() {
    let cases = [
        // (condition, location, Japanese message, English message)
        (
            "deadline_weeks >= \"x\"",
            "overlay.yaml:5:11: エラー[expr-type-mismatch]: `deadline_weeks` (整数) と `\"x\"` (文字列) は比較できません",
            "cannot compare `deadline_weeks` (a whole number) with `\"x\"` (a string)",
        ),
        (
            "task_type < qa",
            "overlay.yaml:5:11: エラー[expr-type-mismatch]: `<` には整数が必要ですが、`task_type` は選択式の質問です",
            "`<` needs whole numbers, but `task_type` is a choice",
        ),
        (
            "deadline_weeks in [a]",
            "overlay.yaml:5:11: エラー[expr-type-mismatch]: `in` の左辺には選択式の質問が必要ですが、`deadline_weeks` (整数) があります",
            "`in` needs a choice question on its left, found `deadline_weeks` (a whole number)",
        ),
        (
            "task_type in []",
            "overlay.yaml:5:20: エラー[expr-syntax]: `in` の後のリストが空です",
            "the list after `in` is empty",
        ),
        (
            "deadline_weeks",
            "overlay.yaml:5:11: エラー[expr-type-mismatch]: `deadline_weeks` は整数の質問で、条件ではありません",
            "`deadline_weeks` is a whole number, not a condition",
        ),
        (
            "deadline_weeks = 3",
            "overlay.yaml:5:26: エラー[expr-syntax]: `=` は演算子ではありません",
            "`=` is not an operator",
        ),
        (
            "(specific_tone",
            "overlay.yaml:5:25: エラー[expr-syntax]: 条件式が途中で終わっています。`)` が必要です",
            "condition ends early; expected `)`",
        ),
        (
            "specific_tone and",
            "overlay.yaml:5:28: エラー[expr-syntax]: 条件式が途中で終わっています。質問 ID または値が必要です",
            "condition ends early; expected a question id or a value",
        ),
        (
            "task_type in [true]",
            "overlay.yaml:5:25: エラー[expr-type-mismatch]: `task_type` は選択式の質問です。`true` はその選択肢にありません",
            "`task_type` is a choice; `true` is not one of its values",
        ),
        (
            "specific_tone specific_tone",
            "overlay.yaml:5:25: エラー[expr-syntax]: 条件式の終わりの後に予期しない `specific_tone` があります",
            "unexpected `specific_tone` after the end of the condition",
        ),
        (
            "task_type in qa",
            "overlay.yaml:5:24: エラー[expr-syntax]: `in` の後には `[` が必要ですが、`qa` があります",
            "expected `[` after `in`, found `qa`",
        ),
        ("\"\\\"qa\"", "overlay.yaml:5:11: エラー[expr-syntax]: 文字列が閉じられていません", "string is not closed"),
    ];
    for (when, ja, en) in cases {
        let dir = dir_with("overlay.yaml", &overlay_with_condition(when));
        let message = rules_check_fails(&dir, "ja");
        assert!(message.contains(ja), "{when}: {ja}\n{message}");
        assert!(message.contains("条件式の ") && message.contains(" 列目"), "{when}: {message}");
        assert_japanese(&message);
        let message = rules_check_fails(&dir, "en");
        assert!(message.contains(en), "{when}: {en}\n{message}");
    }
}

#[test]
fn condition_help_speaks_japanese() {
    let cases = [
        ("deadline_weeks = 3", "= 対処: 比較には `==` を使ってください。"),
        ("specific_tone & baseline_exists", "= 対処: `and` と記述してください。"),
        ("task_type == clasification", "= 対処: `classification` の誤りではありませんか? 指定できる値: "),
        ("task_type < qa", "= 対処: 選択肢は `==`、`!=`、`in [...]` のいずれかで比較してください。"),
        ("(specific_tone", "= 対処: ここで開いた括弧を閉じてください。"),
    ];
    for (when, help) in cases {
        let dir = dir_with("overlay.yaml", &overlay_with_condition(when));
        let message = rules_check_fails(&dir, "ja");
        assert!(message.contains(help), "{when}: {help}\n{message}");
        assert_japanese(&message);
    }
}

#[test]
fn rule_file_definition_errors_speak_japanese() {
    let overlay = "extends: default
questions:
  - id: q1
    text: Q?
    type: boolean
    min: 3
    default: false
rules:
  - id: R1
    title: T
    when: specific_tone
    because: B.
    source: guidance-3-1
    effects: { rag: 1 }
  - { id: r2, titl: x }
  - id: strict-format
    title: Again
    when: specific_tone
    because: B.
    source: guidance-3-1
    effects: { rag: 1 }
";
    let dir = dir_with("overlay.yaml", overlay);
    let message = rules_check_fails(&dir, "ja");
    for expected in [
        "overlay.yaml:6:5: エラー[unknown-key]: ここでは `min` を指定できません。この質問は真偽値です",
        "overlay.yaml:9:9: エラー[invalid-rule]: ルール ID `R1` は英小文字で始め、`a-z`、`0-9`、`_`、`-` だけを使ってください",
        "overlay.yaml:15:15: エラー[unknown-key]: ルールに不明なキー `titl` があります",
        "= 対処: `title` の誤りではありませんか?",
        "overlay.yaml:15:5: エラー[missing-key]: ルールに必須のキー `when` がありません",
        "overlay.yaml:16:9: エラー[duplicate-id]: ルール `strict-format` が 2 回定義されています",
        "^ ここで再定義",
        "- 最初の定義",
        "= rules/default.yaml:",
        "`override: true` を追加して `strict-format` の前の定義を置き換えてください。",
    ] {
        assert!(message.contains(expected), "{expected}\n{message}");
    }
    assert_japanese(&message);
    let message = rules_check_fails(&dir, "en");
    for expected in [
        "`min` is not allowed here: the question is a boolean",
        "the rule id `R1` must start with a lowercase letter",
        "unknown key `titl` in a rule",
        "rule `strict-format` is defined twice",
        "first defined here",
    ] {
        assert!(message.contains(expected), "{expected}\n{message}");
    }
}

#[test]
fn a_rule_file_with_too_many_problems_says_how_many_more_in_japanese() {
    let rules = "  - id: Bad\n".repeat(60);
    let dir = dir_with("overlay.yaml", &format!("extends: default\nrules:\n{rules}"));
    let message = rules_check_fails(&dir, "ja");
    assert!(message.contains("表示していない問題があと"), "{message}");
    assert!(!message.contains("more problems"), "{message}");
}

#[test]
fn price_table_errors_speak_japanese() {
    let table = std::fs::read_to_string(crate::root().join("rules/pricing/azure-openai-2023-10.yaml"))
        .unwrap()
        .replace("training_per_hour: 34", "training_per_hour: -34")
        .replace("  gpt-35-turbo:\n", "  gpt-35-turbo:\n    training_per_1k_tokens: 0.008\n");
    let dir = dir_with("prices.yaml", &table);
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "cost", "--tables", "--pricing", "prices.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    for expected in [
        "エラー[out-of-range]: `training_per_hour` が負の値です。価格は 0 以上にしてください",
        "エラー[invalid-cost]: `billing_increment_minutes` は `training_per_hour` と組み合わせて指定します",
        "エラー[invalid-cost]: モデル `gpt-35-turbo` に `training_per_hour`、`training_per_1k_tokens` が指定されています。",
        "`default_model` の `gpt-35-turbo` が `models` にありません。`models` にあるのは `babbage-002`、`davinci-002` です",
    ] {
        assert!(message.contains(expected), "{expected}\n{message}");
    }
    let line = message.lines().find(|l| l.contains("が負の値です")).unwrap();
    assert!(line.starts_with("prices.yaml:") && line.contains(":24: "), "{line}");
    assert_japanese(&message);
    let output = crate::shouldtune_in(dir.path(), &["cost", "--tables", "--pricing", "prices.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("`training_per_hour` is negative; prices are 0 or more"), "{}", stderr(&output));
}

#[test]
fn yaml_duplicate_keys_speak_japanese() {
    let dir = dir_with("llm-project.yaml", "name: A\nname: B\n");
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "evaluate", "llm-project.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("llm-project.yaml:2:1: エラー[duplicate-id]: キー `name` が同じマッピングに 2 回あります"),
        "{message}"
    );
    assert_japanese(&message);
}

#[test]
fn explain_describes_conditions_in_japanese() {
    let output = crate::shouldtune(&["--lang", "ja", "explain", "private-knowledge"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let line = text.lines().find(|l| l.contains("次の条件で適用されます: ")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("`needs_private_knowledge` が true かつ (`baseline_exists` が true かつ"), "{line}");
    for english in [" is ", " and ", " or ", "true and"] {
        assert!(!line.contains(english), "`{english}` in {line}");
    }
    // Every rule's condition reads in Japanese: no English connective is left.
    let shown = crate::succeed(&["rules", "show", "--format", "yaml"]);
    let ids: Vec<&str> = shown
        .lines()
        .skip_while(|l| *l != "rules:")
        .take_while(|l| !l.starts_with(|c: char| c.is_ascii_alphabetic()) || *l == "rules:")
        .filter_map(|l| l.strip_prefix("  - id: "))
        .collect();
    assert!(ids.len() > 10, "{ids:?}");
    for id in ids {
        let text = crate::succeed(&["--lang", "ja", "explain", id]);
        if let Some(line) = text.lines().find(|l| l.contains("次の条件で適用されます: ")) {
            for english in [" is ", " and ", " or ", "not (", "one of", "at least", "less than"] {
                assert!(!line.contains(english), "{id}: `{english}` in {line}");
            }
        }
    }
    let english = crate::succeed(&["explain", "private-knowledge"]);
    assert!(english.contains("It fires when `needs_private_knowledge` is true and not ("), "{english}");
}

#[test]
fn cost_tables_and_a_table_are_listed_in_japanese() {
    let list = crate::succeed(&["--lang", "ja", "cost", "--tables"]);
    assert!(list.contains("azure-openai-2023-10  2023-10-16、USD、babbage-002、davinci-002、gpt-35-turbo"), "{list}");
    assert!(list.contains("`cost.price_table` のない記述子は `azure-openai-2023-10` で価格を計算します。"), "{list}");
    assert!(!list.contains("Without"), "{list}");
    let table = crate::succeed(&["--lang", "ja", "cost", "--table", "azure-openai-2026-02"]);
    for expected in [
        "azure-openai-2026-02 (USD、2026-02-11時点)",
        "既定のモデル: o4-mini",
        "読み込み元: rules/pricing/azure-openai-2026-02.yaml",
        "強化ファインチューニング: コアトレーニング 1 時間あたり USD 100.00",
        "ホスティング (1 時間あたり): standard USD 1.70、global_standard USD 1.70",
        "トークン (USD): 入力 100 万あたり 1.10、出力 100 万あたり 4.40",
        "トレーニング (SFT、DPO)、トレーニングトークン 100 万あたり: global USD 2.00",
    ] {
        assert!(table.contains(expected), "{expected}\n{table}");
    }
    for english in ["Source:", "Default model", "Read from", "an hour", "per 1M", "tokens ("] {
        assert!(!table.contains(english), "`{english}` in\n{table}");
    }
    // The English output is unchanged in its words.
    let table = crate::succeed(&["cost", "--table", "azure-openai-2026-02"]);
    assert!(
        table.contains("Default model: o4-mini") && table.contains("input 1.10 per 1M, output 4.40 per 1M"),
        "{table}"
    );
    // An unknown table is an error in Japanese, exit 2.
    let output = crate::shouldtune(&["--lang", "ja", "cost", "--table", "nope"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("不明な価格表 `nope` です"), "{}", stderr(&output));
    assert!(stderr(&output).contains("価格表: `azure-openai-2023-10`、"), "{}", stderr(&output));
}

#[test]
fn cost_assumptions_and_notes_give_their_reasons_in_japanese() {
    let descriptor = "name: Assumed\nanswers:\n  monthly_requests: 1000\ncost:\n  price_table: azure-openai-2026-02\n  model: o4-mini\n  method: rft\n  deployment: developer\n";
    let dir = dir_with("p.yaml", descriptor);
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "cost", "p.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = crate::unwrapped(&stdout(&output)).replace('\n', "");
    for expected in [
        "training_hours = 1 (小規模なトレーニングジョブ)",
        "grader_model = none (モデルグレーダーなし)",
        "注: 開発者向けレベル: デプロイは 24 時間後に削除されます。",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(!text.contains("a small training job") && !text.contains("deployments are removed"), "{text}");
    // JSON keeps the English reasons whatever the language.
    let json = crate::shouldtune_in(dir.path(), &["--lang", "ja", "cost", "p.yaml", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let reasons: Vec<&str> = value["assumed"].as_array().unwrap().iter().filter_map(|a| a["reason"].as_str()).collect();
    assert!(reasons.contains(&"a small training job"), "{reasons:?}");
}

#[test]
fn sarif_in_japanese_describes_its_rules_in_japanese_and_validates() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(crate::root().join("tests/sarif-schema-2.1.0.json")).unwrap())
            .unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let output = crate::shouldtune(&["--lang", "ja", "check", "--format", "sarif", "tests/fixtures/check/mixed"]);
    assert!(matches!(output.status.code(), Some(1 | 2)), "{}", stderr(&output));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let rule = rules.iter().find(|r| r["id"] == "duplicate-id").unwrap();
    assert_eq!(rule["name"], "duplicate-id");
    assert_eq!(rule["shortDescription"]["text"], "同じ ID が 2 回定義されています");
    assert_eq!(rule["fullDescription"]["text"], "同じ ID が 2 回定義されています");
    assert!(rule["help"]["text"].as_str().unwrap().contains("削除してください"), "{rule}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    // Codes and ids stay English; the English run describes the same rules in English.
    let english = crate::shouldtune(&["check", "--format", "sarif", "tests/fixtures/check/mixed"]);
    let english: serde_json::Value = serde_json::from_slice(&english.stdout).unwrap();
    let ids = |log: &serde_json::Value| -> Vec<String> {
        log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].to_string()).collect()
    };
    assert_eq!(ids(&log), ids(&english));
    let rule =
        english["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().iter().find(|r| r["id"] == "duplicate-id");
    assert_eq!(rule.unwrap()["shortDescription"]["text"], "an identifier is defined twice");
}

#[test]
fn rules_check_warnings_speak_japanese() {
    for (file, code, location, words) in [
        ("never-fires", "rule-never-fires", ":3:9", "発火することがありません"),
        ("unread-question", "question-unread", ":3:9", "を読むルールがない"),
        ("unscored-approach", "approach-unscored", ":3:11", "スコアを付ける"),
        ("always-tied", "approaches-always-tied", ":2:11", "常に最初のアプローチ"),
    ] {
        let path = format!("tests/fixtures/rules/lint/{file}.yaml");
        let output = crate::shouldtune(&["--lang", "ja", "rules", "check", "--rules", &path]);
        assert_eq!(output.status.code(), Some(0), "{file}: warnings alone do not fail");
        let err = stderr(&output);
        assert!(err.contains(&format!("[{code}]")) && err.contains(&format!("{path}{location}")), "{file}: {err}");
        assert!(err.contains(words), "{file}: {err}");
        assert!(!err.contains("no rule") && !err.contains("can never"), "{file}: English left in\n{err}");
        let english = crate::shouldtune(&["--lang", "en", "rules", "check", "--rules", &path]);
        assert!(!stderr(&english).contains(words), "{file}: the English run speaks Japanese");
    }
}
