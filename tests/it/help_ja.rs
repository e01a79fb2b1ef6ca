//! `--help` under `--lang ja`: Japanese headings, about texts, argument help,
//! possible values and defaults, with the English help left as it was.

use crate::{shouldtune, stderr, stdout, succeed, with_env};

/// Whether `line` reads as an English sentence: only ASCII, with three or more
/// plain words (not an example command, whose words are the same in both languages).
fn is_english_sentence(line: &str) -> bool {
    let line = line.trim();
    if !line.is_ascii() {
        return false;
    }
    let plain = |word: &&str| {
        let word = word.trim_end_matches([',', '.', ':', ';', ')']).trim_start_matches('(');
        word.len() > 1 && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
    };
    !line.starts_with("shouldtune ") && line.split_whitespace().filter(plain).count() >= 3
}

/// The Japanese help for `args` (with `--lang ja` first): exit 0, Japanese
/// headings, none of the English help's sentences or clap's English words.
fn japanese_help(args: &[&str]) -> String {
    let output = shouldtune(&[&["--lang", "ja"], args].concat());
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    let help = stdout(&output);
    assert!(help.contains("\n使い方: shouldtune"), "{args:?}:\n{help}");
    assert!(help.contains("\nオプション:\n"), "{args:?}:\n{help}");
    for english in ["Usage:", "Options:", "Arguments:", "Commands:", "Possible values", "[default:", "Print help"] {
        assert!(!help.contains(english), "{args:?} shows `{english}`:\n{help}");
    }
    assert!(!help.contains('\u{1b}'), "{args:?}: escape sequences with NO_COLOR:\n{help}");
    let english = succeed(args);
    let sentences: Vec<&str> = english.lines().filter(|l| is_english_sentence(l)).collect();
    assert!(sentences.len() > 3, "{args:?}: the English help has sentences to compare:\n{english}");
    for sentence in sentences {
        assert!(!help.contains(sentence.trim()), "{args:?} still says `{}`:\n{help}", sentence.trim());
    }
    let left: Vec<&str> = help.lines().filter(|l| is_english_sentence(l)).collect();
    assert!(left.is_empty(), "{args:?}: English left in the Japanese help: {left:?}\n{help}");
    help
}

#[test]
fn the_program_help_is_japanese() {
    let help = japanese_help(&["--help"]);
    assert!(help.starts_with("LLM プロジェクトがプロンプトエンジニアリング、検索拡張生成 (RAG)"), "{help}");
    assert!(help.contains("\nコマンド:\n  init "), "{help}");
    assert!(
        help.contains("  evaluate     1 つのプロジェクト記述子について推奨するアプローチを理由とともに示します\n"),
        "{help}"
    );
    assert!(help.contains("  help         このメッセージ、または指定したサブコマンドのヘルプを表示します\n"), "{help}");
    assert!(help.contains("指定できる値:\n          - auto:   端末では色を使う"), "{help}");
    assert!(help.contains("[既定値: 1048576]"), "{help}");
    assert!(help.contains("\n例:\n  shouldtune init "), "{help}");
    assert!(help.contains("\n終了コード: 0 成功"), "{help}");
    // `-h` is the summary: possible values and the default on the option's line.
    let short = japanese_help(&["-h"]);
    assert!(short.contains("[既定値: auto]") && short.contains("[指定できる値: auto, always, never]"), "{short}");
    assert!(!short.contains("指定できる値:\n"), "{short}");
    assert!(short.contains("ヘルプを表示 (詳細は '--help')"), "{short}");
}

#[test]
fn command_help_is_japanese_in_every_form() {
    let help = japanese_help(&["evaluate", "--help"]);
    assert!(help.starts_with("1 つのプロジェクト記述子について推奨するアプローチを理由とともに示します\n"), "{help}");
    assert!(help.contains("\n使い方: shouldtune evaluate [OPTIONS] <FILE>\n"), "{help}");
    assert!(help.contains("\n引数:\n  <FILE>\n          記述子 (`llm-project.yaml`)。`-` で標準入力\n"), "{help}");
    assert!(help.contains("- adr:      `docs/decisions/` にコミットするアーキテクチャ決定記録"), "{help}");
    assert!(help.contains("[既定値: table]"), "{help}");
    // Global options are translated inside commands too.
    assert!(help.contains("メッセージとレポートの言語"), "{help}");
    assert_eq!(japanese_help(&["help", "evaluate"]), help, "`help evaluate` is `evaluate --help`");
    let short = japanese_help(&["evaluate", "-h"]);
    assert!(short.contains("[既定値: table] [指定できる値: table, json, markdown, html, adr]"), "{short}");
    let check = japanese_help(&["check", "--help"]);
    assert!(check.contains("指定したパスにあるすべての記述子をガイダンスに照らして検査します (CI 向け)"), "{check}");
    assert!(check.contains("[既定値: .]"), "{check}");
    let rules = japanese_help(&["rules", "check", "--help"]);
    assert!(rules.starts_with("ルールセットを読み込み、"), "{rules}");
    let cost = japanese_help(&["help", "cost"]);
    assert!(cost.contains("損益分岐点を見積もります"), "{cost}");
}

#[test]
fn the_environment_chooses_japanese_help_and_the_flag_wins() {
    for vars in [[("SHOULDTUNE_LANG", "ja")], [("LANG", "ja_JP.UTF-8")]] {
        let output = with_env(&vars, &["evaluate", "--help"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(stdout(&output).contains("\n使い方: shouldtune evaluate"), "{vars:?}: {}", stdout(&output));
    }
    let output = with_env(&[("LANG", "ja_JP.UTF-8")], &["evaluate", "--help", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), succeed(&["evaluate", "--help"]), "--lang en gives the English help as it was");
}

#[test]
fn english_help_is_unchanged_by_the_flag_and_parsing_still_works() {
    for args in [&["--help"][..], &["evaluate", "--help"], &["rules", "show", "-h"], &["help", "check"]] {
        assert_eq!(succeed(&[&["--lang", "en"], args].concat()), succeed(args), "{args:?}");
    }
    // Usage errors still exit 2 and the version still prints.
    let output = shouldtune(&["--lang", "ja", "evaluate", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--no-such-flag"), "{}", stderr(&output));
    let version = succeed(&["--lang", "ja", "--version"]);
    assert!(version.starts_with("shouldtune "), "{version}");
}

#[test]
fn japanese_evaluate_help() {
    insta::assert_snapshot!(succeed(&["--lang", "ja", "evaluate", "--help"]));
}
