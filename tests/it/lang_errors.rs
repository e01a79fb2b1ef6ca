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

/// A descriptor's head before a `cost:` section (line 5); the section's keys start on line 6.
const COST_HEAD: &str = "name: X\nanswers:\n  prompt_tokens: 1000\n  monthly_requests: 10000\ncost:\n";

#[test]
#[expect(clippy::too_many_lines, reason = "one case a few lines: the table is the test")]
fn cost_section_value_errors_speak_japanese() {
    // (section, location, Japanese texts, English message)
    let cases: &[(&str, &str, &[&str], &str)] = &[
        (
            "  method: sftt\n",
            ":6:11",
            &[
                "エラー[unknown-choice]: `method` に指定された `sftt` は使えません",
                "= 対処: `sft` の誤りではありませんか?",
            ],
            "`method` is `sftt`",
        ),
        (
            "  epochs: -1\n",
            ":6:11",
            &["エラー[out-of-range]: `epochs` が -1 です。0 以上の値を指定してください"],
            "`epochs` is -1; expected 0 or more",
        ),
        (
            "  hosting_hours_per_month: -5\n",
            ":6:28",
            &["エラー[out-of-range]: `hosting_hours_per_month` が -5 です。0 以上の値を指定してください"],
            "`hosting_hours_per_month` is -5; expected 0 or more",
        ),
        (
            "  price_table: nope\n",
            ":6:16",
            &[
                "エラー[unknown-choice]: 不明な価格表 `nope` です",
                "= 対処: 使える価格表は `azure-openai-2023-10`、",
                "`--pricing FILE` で価格表を追加することもできます。",
            ],
            "unknown price table `nope`",
        ),
        (
            "  price_table: azure-openai-2023-10\n  model: gpt-4\n",
            ":7:10",
            &[
                "価格表 `azure-openai-2023-10` にモデル `gpt-4` はありません。この価格表にあるのは `babbage-002`、`davinci-002`、`gpt-35-turbo` です",
            ],
            "price table `azure-openai-2023-10` has no model `gpt-4`; it has `babbage-002`, `davinci-002`, `gpt-35-turbo`",
        ),
        (
            "  price_table: azure-openai-2023-10\n  training_tier: global\n",
            ":7:18",
            &[
                "価格表 `azure-openai-2023-10` には、`gpt-35-turbo` の次の価格がありません: トレーニング価格 (`global`)。",
                "`gpt-35-turbo` にある価格: 時間単位のトレーニング (regional)、ホスティング (",
                "、トークン単価",
            ],
            "has no `global` training price for `gpt-35-turbo`; for `gpt-35-turbo` it has training by the hour (regional); hosting (",
        ),
        (
            "  price_table: azure-openai-2023-10\n  deployment: developer\n",
            ":7:15",
            &["`gpt-35-turbo` の次の価格がありません: ホスティング料金 (デプロイ `developer`)。"],
            "has no hosting fee for deployment `developer` for `gpt-35-turbo`",
        ),
        (
            "  price_table: azure-openai-2026-02\n  model: o4-mini\n  method: sft\n",
            ":7:10",
            &[
                "`o4-mini` の次の価格がありません: 教師ありトレーニングの価格。",
                "にある価格: 時間単位の強化ファインチューニング、ホスティング (standard、global_standard、developer)、トークン単価",
                "= 対処: 価格表にはこのモデルの強化ファインチューニングの価格があります。",
            ],
            "has no supervised training price for `o4-mini`; for `o4-mini` it has reinforcement fine-tuning by the hour; hosting (standard, global_standard, developer); token prices",
        ),
        (
            "  price_table: azure-openai-2026-02\n  model: gpt-4.1\n",
            ":7:10",
            &[
                "`gpt-4.1` の次の価格がありません: トークン単価。`gpt-4.1` にある価格: トークン単位のトレーニング (global)",
            ],
            "has no token prices for `gpt-4.1`; for `gpt-4.1` it has training per token (global)",
        ),
        (
            "  price_table: openai-2023-08\n  method: rft\n",
            ":5:1",
            &["`gpt-3.5-turbo` の次の価格がありません: 強化ファインチューニングの価格。"],
            "has no reinforcement fine-tuning price for `gpt-3.5-turbo`",
        ),
        (
            "  price_table: openai-2023-08\n  training_file_tokens: 9000000000000000000\n  epochs: 3\n",
            ":5:1",
            &[
                "エラー[out-of-range]: トレーニングのトークン数が 18446744073709551615 トークンを超えています",
                "= 対処: `prompt_tokens`、`examples_available`、`cost:` のトークン数を確認してください。",
            ],
            "the training tokens is more than 18446744073709551615 tokens",
        ),
    ];
    for (n, (section, at, japanese, english)) in cases.iter().enumerate() {
        let dir = dir_with("p.yaml", &format!("{COST_HEAD}{section}"));
        let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "cost", "p.yaml"]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{n}: {message}");
        assert!(message.starts_with(&format!("p.yaml{at}: エラー[")), "{n}: want {at} in\n{message}");
        for text in *japanese {
            assert!(crate::unwrapped(&message).contains(text), "{n}: want `{text}` in\n{message}");
        }
        assert_japanese(&message);
        for english in ["is `", "; expected", "price table", "has no", "it has", "tokens is"] {
            assert!(!message.contains(english), "{n}: English `{english}` in\n{message}");
        }
        let output = crate::shouldtune_in(dir.path(), &["--lang", "en", "cost", "p.yaml"]);
        assert_eq!(output.status.code(), Some(2), "{n}: {}", stderr(&output));
        assert!(stderr(&output).contains(english), "{n}: want `{english}` in\n{}", stderr(&output));
    }
}

#[test]
fn amounts_too_large_speak_japanese() {
    let args = ["--lang", "ja", "evaluate", "tests/fixtures/cost/huge-volume.yaml"];
    let output = crate::shouldtune(&args);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.starts_with("tests/fixtures/cost/huge-volume.yaml:5:1: エラー[out-of-range]: "), "{message}");
    assert!(
        message.contains("が大きすぎて計算できません (計算できる金額の上限は 79228162514264337593543950335 です)"),
        "{message}"
    );
    assert!(message.contains("= 対処: `prompt_tokens`、`monthly_requests`、"), "{message}");
    assert_japanese(&message);
    assert!(!message.contains("too large") && !message.contains("the monthly"), "{message}");
}

#[test]
fn an_incomplete_descriptor_is_refused_in_japanese() {
    let dir = dir_with("p.yaml", "name: X\nincomplete: true\n");
    let output = crate::shouldtune_in(dir.path(), &["--lang", "ja", "evaluate", "p.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.starts_with("p.yaml:2:"), "{message}");
    assert!(
        message.contains("エラー[incomplete-descriptor]: この記述子には `incomplete` が付いています。"),
        "{message}"
    );
    assert!(message.contains("= 対処: `shouldtune ask --save p.yaml` で回答を最後まで入力してください。"), "{message}");
    assert_japanese(&message);
    assert!(!message.contains("marked") && !message.contains("finish it"), "{message}");
    let output = crate::shouldtune_in(dir.path(), &["evaluate", "p.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("this descriptor is marked `incomplete`"), "{}", stderr(&output));
}

/// `shouldtune --lang ja ARGS` in `dir`: exit code, standard output, standard error.
fn ja_in(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let args: Vec<&str> = ["--lang", "ja"].iter().chain(args).copied().collect();
    let output = crate::shouldtune_in(dir, &args);
    (output.status.code(), stdout(&output), stderr(&output))
}

#[test]
fn check_messages_of_the_binary_speak_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, _, err) = ja_in(d, &["check", ".", "--root", "no-such-dir"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("エラー[io-error]: `--root no-such-dir` はディレクトリではありません"), "{err}");
    assert!(err.contains("= 対処: リポジトリの最上位のディレクトリを指定するか、"), "{err}");
    assert_japanese(&err);

    let (code, _, err) = ja_in(d, &["check", ".", "-o", "json=a.json", "-o", "sarif=a.json"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`a.json` が 2 つの `-o` オプションで指定されています"), "{err}");
    assert!(err.contains("= 対処: レポートごとに別のファイルを指定してください。"), "{err}");
    assert_japanese(&err);

    let (code, _, err) = ja_in(d, &["check", ".", "-o", "json=missing/a.json"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`missing/a.json` に書き込めません: ファイルまたはディレクトリが存在しません"), "{err}");
    assert!(
        err.contains("= 対処: `-o FORMAT=PATH` には、書き込みできる既存のディレクトリ内のパスを指定してください。"),
        "{err}"
    );
    assert_japanese(&err);
    assert!(!err.contains("no such file"), "{err}");

    // No descriptor is a note, not a failure, in every format.
    let (code, out, err) = ja_in(d, &["check", "."]);
    assert_eq!(code, Some(0), "{err}");
    let out = out.replace("\n    ", "");
    assert!(out.contains("注記[no-descriptor]: `.` の下に記述子が見つかりません"), "{out}");
    assert!(out.contains("`shouldtune init` で記述子を作成できます。"), "{out}");
    assert!(!out.contains("no descriptor found") && !out.contains("name descriptors"), "{out}");
    let (code, out, err) = ja_in(d, &["check", ".", "-f", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json.to_string().contains("の下に記述子が見つかりません"), "{json}");
    assert!(json.to_string().contains("\"no-descriptor\""), "the code stays English: {json}");
}

#[test]
fn other_messages_of_the_binary_speak_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, _, err) = ja_in(d, &["man", "nope"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`nope` のマニュアルページはありません"), "{err}");
    assert!(err.contains("= 対処: 指定できるページ: init、evaluate、"), "{err}");
    assert_japanese(&err);

    // Standard input is not a terminal here.
    let (code, _, err) = ja_in(d, &["ask"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`ask` には対話できる端末が必要ですが、標準入力が端末ではありません"), "{err}");
    assert!(err.contains("対話なしで記述子を評価するには `shouldtune evaluate FILE` を"), "{err}");
    assert_japanese(&err);

    let (code, _, err) = ja_in(d, &["init", "missing/llm-project.yaml"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`missing/llm-project.yaml` に書き込めません: "), "{err}");
    assert_japanese(&err);

    std::fs::write(d.join("p.yaml"), "name: X\n").unwrap();
    let (code, _, err) = ja_in(d, &["cost", "p.yaml", "--plot", "chart.svg"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("グラフを `chart.svg` に書き込みました"), "{err}");
    let chart = std::fs::read_to_string(d.join("chart.svg")).unwrap();
    for text in
        ["手法別の月額コスト", "月間リクエスト数 (対数目盛)", "プロンプトエンジニアリング", "このプロジェクト: "]
    {
        assert!(chart.contains(text), "`{text}` in the chart");
    }
    for english in ["monthly cost by approach", "Monthly requests", "Prompt engineering", "This project"] {
        assert!(!chart.contains(english), "English `{english}` in the chart");
    }
    let (code, _, err) = ja_in(d, &["cost", "p.yaml", "--plot", "chart.svg"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`chart.svg` に書き込めません: ファイルが既に存在します"), "{err}");
    assert!(err.contains("= 対処: 置き換えるには `--force` を付けてください。"), "{err}");
    assert_japanese(&err);
    assert!(!err.contains("already exists"), "{err}");

    // The HTML report's chart speaks the report's language.
    let (code, html, err) = ja_in(&crate::root(), &["evaluate", "tests/fixtures/cost/chatbot-2026.yaml", "-f", "html"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(html.contains("月間リクエスト数 (対数目盛)") && !html.contains("Monthly requests"), "{html}");
}

#[test]
fn rules_check_show_and_test_speak_japanese() {
    let out = crate::succeed(&["--lang", "ja", "rules", "check"]);
    let line = out.lines().last().unwrap_or_default();
    assert!(line.starts_with("手法 3 件、質問 ") && line.ends_with(": 警告 0 件"), "{out}");
    assert!(crate::succeed(&["rules", "check"]).contains("3 approaches, "));

    // 80 columns: one block per rule.
    let blocks = crate::succeed(&["--lang", "ja", "rules", "show"]);
    for text in
        ["\n  条件: ", "\n  効果: prompt_engineering 除外、rag と併用\n", "\n  出典: ", "推奨が rag のときの助言"]
    {
        assert!(blocks.contains(text), "`{text}` in\n{blocks}");
    }
    // A terminal wide enough for the table.
    let mut command = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
    let output =
        command.env("NO_COLOR", "1").env("COLUMNS", "250").args(["--lang", "ja", "rules", "show"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let table = stdout(&output);
    let head = table.lines().nth(1).unwrap_or_default();
    for text in ["ルール", "条件", "効果", "出典"] {
        assert!(head.contains(text), "`{text}` in\n{table}");
    }
    assert!(table.contains("prompt_engineering 除外") && table.contains("rag と併用"), "{table}");
    for english in [blocks, table] {
        assert!(!english.contains("vetoed") && !english.contains("effects") && !english.contains("when:"), "{english}");
    }

    let output = crate::shouldtune(&["--lang", "ja", "rules", "test", "tests/fixtures/ruletest/failing.yaml"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "2 件のテストを実行します",
        "テスト tests/fixtures/ruletest/failing.yaml::right ... ok",
        "テスト tests/fixtures/ruletest/failing.yaml::expects the wrong thing ... FAILED",
        "  推奨: `fine_tuning` を期待しましたが、`rag` でした",
        "  ルール `strict-format` は発火するはずでしたが、発火しませんでした",
        "  スコア:",
        "(除外)",
        "  発火したルール: knowledge-needs-retrieval、too-few-examples、",
        "失敗したテスト:",
        "テスト結果: FAILED。成功 1 件、失敗 1 件",
    ] {
        assert!(text.contains(expected), "`{expected}` in\n{text}");
    }
    for english in ["running", "expected", "got", "scores:", "fired", "failures:", "test result", "passed"] {
        assert!(!text.contains(english), "English `{english}` in\n{text}");
    }
    // The shipped casebook: its score per split, and the known misses.
    let text = crate::succeed(&["--lang", "ja", "rules", "test"]);
    assert!(text.contains("ケースブック (調整用): ") && text.contains("ケースブック (検証用): "), "{text}");
    assert!(text.contains("件の判断が一致 ("), "{text}");
    assert!(!text.contains("casebook (") && !text.contains("decisions matched"), "{text}");
    let result = text.lines().rfind(|l| l.starts_with("テスト結果: ok。")).unwrap_or_else(|| panic!("{text}"));
    if text.contains("既知の不一致: ") {
        assert!(result.contains("、既知の不一致 "), "{result}");
    }
}

#[test]
fn a_missing_translation_is_reported_in_japanese() {
    let dir = dir_with("overlay.yaml", crate::lang::OVERLAY_MISSING_A_TRANSLATION);
    let (code, _, err) = ja_in(dir.path(), &["rules", "check", "--rules", "overlay.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("overlay.yaml:4:9: 警告[missing-translation]: ルール `my-rule` に `ja` の翻訳がない項目があります: `because`"),
        "{err}"
    );
    assert!(err.contains("= 対処: `ja` の翻訳の `rules: { my-rule: ... }` に追加するか、"), "{err}");
    assert_japanese(&err);
    assert!(!err.contains("translation of"), "{err}");
}

#[test]
fn lists_in_japanese_sentences_use_the_japanese_comma() {
    let dir = dir_with("p.yaml", "name: X\nplanned_approach: [rag, prompt_engineering]\nanswers:\n  task_type: qa\n");
    for (format, lists) in [
        ("table", &["deadline_weeks = 2、knowledge_freshness = static", "計画: rag、prompt_engineering"][..]),
        ("markdown", &["`deadline_weeks`、`knowledge_freshness`", "計画している手法: `rag`、`prompt_engineering`"]),
        (
            "html",
            &["計画している手法: <code>rag</code>、<code>prompt_engineering</code>", "prompt_engineering +2、rag +1"],
        ),
        ("adr", &["(`prompt_engineering` +2、`rag` +1)"]),
    ] {
        let (code, out, err) = ja_in(dir.path(), &["evaluate", "p.yaml", "-f", format]);
        assert_eq!(code, Some(0), "{format}: {err}");
        // The table wraps at 80 columns: join the continued lines.
        let out = out.replace("\n    ", "");
        for list in lists {
            assert!(out.contains(list), "{format}: `{list}` in\n{out}");
        }
        assert!(!out.contains("rag, prompt_engineering") && !out.contains("+2, "), "{format}: {out}");
    }
    let (code, out, err) = ja_in(dir.path(), &["check", "p.yaml"]);
    assert_eq!(code, Some(1), "{err}");
    let out = out.replace("\n    ", "");
    assert!(out.contains("(計画: rag、prompt_engineering、推奨: prompt_engineering)"), "{out}");
    assert!(out.contains("既定値を仮定しました: `deadline_weeks`、`knowledge_freshness`、"), "{out}");
    // `init`'s comments.
    let (code, _, err) = ja_in(dir.path(), &["init", "new.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    let text = std::fs::read_to_string(dir.path().join("new.yaml")).unwrap();
    assert!(text.contains("# 手法: prompt_engineering、rag、fine_tuning。"), "{text}");
    assert!(text.contains("generation、nl_to_query、other のいずれか。"), "{text}");
    assert!(!text.contains("prompt_engineering, rag") && !text.contains("nl_to_query, other"), "{text}");
}

#[test]
fn overlays_in_force_are_summarised_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join(".git")).unwrap();
    let policy = "extends: default\ndisable: [teach-a-task, strict-format]\nrules:\n  - id: extra\n    title: Extra\n    when: specific_tone\n    effects: { rag: 1 }\n    because: B.\n    source: guidance-3-1\n";
    std::fs::write(d.join("policy.yaml"), policy).unwrap();
    let base = std::fs::read_to_string(crate::root().join("examples/llm-project.yaml")).unwrap();
    std::fs::write(d.join("llm-project.yaml"), base.replace("answers:\n", "rules: [policy.yaml]\nanswers:\n")).unwrap();
    for format in ["table", "markdown", "html", "adr"] {
        let (code, out, err) = ja_in(d, &["evaluate", "llm-project.yaml", "-f", format]);
        assert_eq!(code, Some(0), "{format}: {err}");
        let out = out.replace("\n    ", "");
        let ids = if format == "html" {
            "<code>teach-a-task</code>、<code>strict-format</code>"
        } else {
            "teach-a-task、strict-format"
        };
        assert!(out.contains(&format!("無効化: {ids}")), "{format}: {out}");
        assert!(!out.contains("disables") && !out.contains("Rule overlays in force"), "{format}: {out}");
    }
    let (code, out, err) = ja_in(d, &["check", "llm-project.yaml"]);
    assert!(matches!(code, Some(0 | 1)), "{err}");
    let out = out.replace("\n    ", "");
    assert!(out.contains("policy.yaml (無効化: teach-a-task、strict-format / 追加: extra)"), "{out}");
    // Markdown does not wrap.
    let output = crate::shouldtune_in(d, &["evaluate", "llm-project.yaml", "-f", "markdown"]);
    let english = stdout(&output);
    assert!(english.contains("(disables teach-a-task, strict-format; adds extra\\)"), "{english}");
}

/// `serve` in Japanese: what it says on standard error, and the bodies of the requests the page does not make.
#[cfg(unix)]
#[test]
fn serve_speaks_japanese_to_requests_the_page_does_not_make() {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("shouldtune"))
        .current_dir(crate::root())
        .args(["--lang", "ja", "serve", "--port", "0", "--open"])
        .env("BROWSER", "/nonexistent/browser")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port: u16 = line.trim().trim_start_matches("http://127.0.0.1:").trim_end_matches('/').parse().unwrap();
    let request = |head: &str, body: &str| -> (u16, String) {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let text = format!("{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        stream.write_all(text.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        (head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0), body.to_owned())
    };
    let host = format!("Host: 127.0.0.1:{port}");
    let cases = [
        (format!("GET /nope HTTP/1.0\r\n{host}"), "", 404, "ページが見つかりません\n"),
        (format!("DELETE / HTTP/1.0\r\n{host}"), "", 405, "このメソッドは使えません\n"),
        (
            "GET / HTTP/1.0\r\nHost: example.com".to_owned(),
            "",
            403,
            "アクセスできません。`shouldtune serve` が表示したアドレスを使ってください\n",
        ),
        (
            format!("POST /api/load HTTP/1.0\r\n{host}\r\nContent-Type: text/plain"),
            "x",
            415,
            "Content-Type は application/json にしてください\n",
        ),
    ];
    for (head, body, status, text) in cases {
        assert_eq!(request(&head, body), (status, text.to_owned()), "{head}");
    }
    let (status, body) = request(&format!("POST /api/load HTTP/1.0\r\n{host}\r\nContent-Type: application/json"), "[");
    assert_eq!(status, 400, "{body}");
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(body["error"].as_str().unwrap_or_default().starts_with("ファイルを JSON として読めません"), "{body}");
    let _ = child.kill();
    let _ = child.wait();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(err.contains(&format!("質問票を http://127.0.0.1:{port}/ で公開しています (127.0.0.1 のみ。")), "{err}");
    let warning = format!(
        "警告: ブラウザーを開けません (ファイルまたはディレクトリが存在しません)。http://127.0.0.1:{port}/ を手動で開いてください"
    );
    assert!(err.contains(&warning), "{err}");
    assert!(!err.contains("Serving") && !err.contains("yourself"), "{err}");

    // A port already taken: the error and its help in Japanese, exit 2.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = crate::shouldtune(&["--lang", "ja", "serve", "--port", &port]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains(&format!("127.0.0.1:{port} で待ち受けできません: ")), "{err}");
    assert!(err.contains("= 対処: `--port N` で別のポートを選ぶか、"), "{err}");
    assert_japanese(&err);
}

/// `ask` in Japanese whose save fails: the answers go to standard output and the error says so in Japanese.
#[cfg(unix)]
#[test]
fn a_failed_save_in_japanese_says_where_the_answers_went() {
    use expectrl::Expect;
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(crate::root().join("examples/llm-project.yaml")).unwrap();
    std::fs::write(dir.path().join("from.yaml"), example).unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_shouldtune"));
    command.current_dir(dir.path()).env("NO_COLOR", "1").env("TERM", "xterm").env_remove("SHOULDTUNE_LANG");
    command.args(["--lang", "ja", "ask", "--from", "from.yaml", "--save", "out/llm-project.yaml"]);
    let mut pty = expectrl::Session::spawn(command).unwrap();
    // Wide enough that no message is wrapped.
    let _ = pty.get_process_mut().set_window_size(250, 40);
    pty.set_expect_timeout(Some(std::time::Duration::from_secs(30)));
    pty.expect("out/llm-project.yaml に保存しますか?").unwrap();
    std::fs::remove_dir(dir.path().join("out")).unwrap();
    pty.send("\r").unwrap();
    pty.expect("  examples_available: 20000").unwrap();
    pty.expect("エラー[io-error]: 回答を `out/llm-project.yaml` に保存できません: ").unwrap();
    pty.expect("回答は代わりに標準出力に表示しました。").unwrap();
    let rest = pty.expect(expectrl::Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.before()).into_owned();
    assert!(!rest.contains("cannot") && !rest.contains("printed on standard output"), "{rest}");
    match pty.get_process_mut().wait() {
        Ok(expectrl::process::unix::WaitStatus::Exited(_, code)) => assert_eq!(code, 2),
        other => panic!("{other:?}"),
    }
}

/// A plan that contradicts the recommendation: the finding speaks Japanese in every format of `check`.
#[test]
fn plan_findings_of_check_speak_japanese_in_every_format() {
    for format in ["human", "markdown", "junit", "github", "gitlab", "sarif", "json"] {
        let output = crate::shouldtune(&["--lang", "ja", "check", "tests/fixtures/check/mixed", "-f", format]);
        assert_eq!(output.status.code(), Some(2), "{format}: {}", stderr(&output));
        // Human output wraps at 80 columns: join the continued lines.
        let out = stdout(&output).replace("\n    ", "");
        assert!(out.contains("計画は `fine_tuning` ですが、ルールの推奨は `rag` です"), "{format}: {out}");
        assert!(out.contains("`rag` を計画するか、"), "{format}: {out}");
        assert!(!out.contains("but the rules recommend") && !out.contains("revisit the answers"), "{format}: {out}");
        assert!(out.contains("plan-contradicts-recommendation"), "{format}: the code stays English");
    }
}

/// Standard output that cannot be written (a full device): the error says why, in Japanese.
#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error_in_japanese() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("shouldtune"))
        .current_dir(crate::root())
        .env("NO_COLOR", "1")
        .args(["--lang", "ja", "evaluate", "examples/llm-project.yaml"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("エラー: 出力を書き込めません: デバイスの空き容量がありません"), "{err}");
    assert_japanese(&err);
}

#[test]
fn rules_test_reports_every_kind_of_failure_in_japanese() {
    let cases = "cases:
  - name: wrong everywhere
    answers: { needs_private_knowledge: true }
    expect:
      recommendation: rag
      combine_with: [fine_tuning]
      vetoed: [rag]
      not_fired: [private-knowledge]
      next_steps: [\"Nothing starts like this\"]
  - name: marked but right
    known_miss: the rules got it wrong once
    answers: {}
    expect:
      recommendation: prompt_engineering
";
    let dir = dir_with("cases.yaml", cases);
    let (code, out, err) = ja_in(dir.path(), &["rules", "test", "cases.yaml"]);
    assert_eq!(code, Some(1), "{err}");
    for expected in [
        "テスト cases.yaml::marked but right ... ok (既知の不一致として登録されています。登録を外してください)",
        "  combine_with: [\"fine_tuning\"] を期待しましたが、[] でした",
        "  vetoed: [\"rag\"] を期待しましたが、",
        "  ルール `private-knowledge` は発火しないはずでしたが、発火しました",
        "  \"Nothing starts like this\" で始まる次のステップがありません",
    ] {
        assert!(out.contains(expected), "`{expected}` in\n{out}");
    }
    for english in ["expected", "got", "fired and", "no next step", "marked as"] {
        assert!(!out.contains(english), "English `{english}` in\n{out}");
    }
}

#[test]
fn a_price_table_without_token_prices_asks_for_a_model_in_japanese() {
    let dir = dir_with(
        "t.yaml",
        "id: t\ncurrency: USD\nas_of: 2026-01-01\nsource: s\nmodels:\n  m:\n    training_per_1m_tokens: { global: 2 }\n",
    );
    std::fs::write(dir.path().join("q.yaml"), "name: X\ncost:\n  price_table: t\n").unwrap();
    let (code, _, err) = ja_in(dir.path(), &["cost", "q.yaml", "--pricing", "t.yaml"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("q.yaml:2:1: エラー[missing-key]: 価格表 `t` にはトークン単価のあるモデルがありません。`cost.model` でモデルを指定してください"),
        "{err}"
    );
    assert_japanese(&err);
    let output = crate::shouldtune_in(dir.path(), &["cost", "q.yaml", "--pricing", "t.yaml"]);
    assert!(stderr(&output).contains("price table `t` has no model with token prices"), "{}", stderr(&output));
}
