//! `ask` driven through a real pseudo-terminal, as a person would.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{ControlCode, Eof, Expect, Session};

use crate::{shouldtune, stderr};

type Pty = expectrl::session::OsSession;

const ENTER: &str = "\r";
const QUESTIONS: usize = 17;

fn spawn(dir: &Path, args: &[&str]) -> Pty {
    let mut command = Command::new(env!("CARGO_BIN_EXE_shouldtune"));
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("SHOULDTUNE_LANG", "en")
        .arg("ask")
        .args(args);
    let mut session = Session::spawn(command).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

fn expect(pty: &mut Pty, text: &str) {
    if let Err(e) = pty.expect(text) {
        panic!("waiting for `{text}`: {e}");
    }
}

fn send(pty: &mut Pty, keys: &str) {
    pty.send(keys).unwrap();
}

/// Waits for the prompt of question `n` and answers it with `keys` then Enter.
fn answer(pty: &mut Pty, n: usize, keys: &str) {
    expect(pty, &format!("question {n} of {QUESTIONS}]"));
    send(pty, keys);
    send(pty, ENTER);
}

fn exit_code(pty: &mut Pty) -> i32 {
    let _ = pty.expect(Eof);
    match pty.get_process_mut().wait() {
        Ok(WaitStatus::Exited(_, code)) => code,
        other => panic!("{other:?}"),
    }
}

fn evaluate_json(path: &Path) -> serde_json::Value {
    let output = shouldtune(&["evaluate", &path.display().to_string(), "-f", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn enter_through_every_default_saves_a_descriptor_that_evaluates() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "Project name?");
    send(&mut pty, ENTER);
    for n in 1..=QUESTIONS {
        if n == 15 || n == 16 {
            continue; // baseline_approach, baseline_meets_target: not asked without a baseline
        }
        answer(&mut pty, n, "");
    }
    expect(&mut pty, "Which approach does the team plan");
    send(&mut pty, ENTER);
    expect(&mut pty, "Recommendation:");
    expect(&mut pty, "Save to llm-project.yaml?");
    send(&mut pty, ENTER);
    expect(&mut pty, "saved `llm-project.yaml`");
    assert_eq!(exit_code(&mut pty), 0);
    let report = evaluate_json(&dir.path().join("llm-project.yaml"));
    assert_eq!(report["recommendation"], "prompt_engineering", "every default points to a prompt first");
    assert_eq!(report["assumed"], serde_json::json!([]), "every applicable question was answered");
    let name = dir.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    assert_eq!(report["name"], name.as_str(), "the default name is the directory's");
}

#[test]
fn in_japanese_the_questions_and_the_final_screen_are_japanese_and_the_saved_ids_english() {
    let dir = tempdir();
    // `--lang` outranks the `SHOULDTUNE_LANG=en` every session here starts with.
    let mut pty = spawn(dir.path(), &["--lang", "ja"]);
    expect(&mut pty, "プロジェクト名は?");
    expect(&mut pty, "Enter: 既定値を採用 · Esc: 前に戻る · Ctrl-C: 保存して終了");
    send(&mut pty, ENTER);
    for n in 1..=QUESTIONS {
        if n == 15 || n == 16 {
            continue; // not asked without a baseline
        }
        expect(&mut pty, &format!("質問 {n}/{QUESTIONS}]"));
        match n {
            1 => expect(&mut pty, "どのような種類のタスクですか？"),
            13 => expect(&mut pty, "1 か月あたり何件のリクエストを見込んでいますか？"),
            _ => {}
        }
        send(&mut pty, ENTER);
    }
    expect(&mut pty, "チームはどの手法を採る予定ですか?");
    expect(&mut pty, "未定 (後で決める) (既定)");
    send(&mut pty, ENTER);
    expect(&mut pty, "推奨: プロンプトエンジニアリング (prompt_engineering)");
    expect(&mut pty, "理由");
    expect(&mut pty, "回答");
    expect(&mut pty, "llm-project.yaml に保存しますか?");
    send(&mut pty, ENTER);
    expect(&mut pty, "`llm-project.yaml` に保存しました");
    assert_eq!(exit_code(&mut pty), 0);
    let saved = std::fs::read_to_string(dir.path().join("llm-project.yaml")).unwrap();
    assert!(saved.contains("task_type: other") && saved.contains("knowledge_freshness: static"), "{saved}");
    let report = evaluate_json(&dir.path().join("llm-project.yaml"));
    assert_eq!(report["recommendation"], "prompt_engineering");
    assert_eq!(report["recommendation_title"], "Prompt engineering", "evaluate without --lang is English");
}

#[test]
fn specific_answers_a_bad_integer_and_going_back() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &["--save", "triage.llm-project.yaml"]);
    expect(&mut pty, "Project name?");
    send(&mut pty, "Ticket triage");
    send(&mut pty, ENTER);
    answer(&mut pty, 1, "classification");
    // A bad integer is refused with a message and asked again.
    answer(&mut pty, 2, "soon");
    expect(&mut pty, "enter a whole number");
    send(&mut pty, "\u{7f}\u{7f}\u{7f}\u{7f}10");
    send(&mut pty, ENTER);
    // Esc at question 3 goes back to question 2, which keeps 10 as its default; change it to 12.
    expect(&mut pty, "question 3 of 17]");
    pty.send(ControlCode::Escape).unwrap();
    expect(&mut pty, "question 2 of 17]");
    expect(&mut pty, "(10)");
    send(&mut pty, "12");
    send(&mut pty, ENTER);
    answer(&mut pty, 3, "");
    answer(&mut pty, 4, "n");
    answer(&mut pty, 5, "medium");
    answer(&mut pty, 6, "y");
    answer(&mut pty, 7, "n");
    answer(&mut pty, 8, "y");
    answer(&mut pty, 9, "20000");
    answer(&mut pty, 10, "n");
    answer(&mut pty, 11, "3500");
    answer(&mut pty, 12, "y");
    answer(&mut pty, 13, "400000");
    answer(&mut pty, 14, "y");
    answer(&mut pty, 15, ""); // baseline_approach: prompt_engineering
    answer(&mut pty, 16, "n");
    answer(&mut pty, 17, "n");
    expect(&mut pty, "Which approach does the team plan");
    send(&mut pty, "fine_tuning (rec");
    send(&mut pty, ENTER);
    expect(&mut pty, "Save to triage.llm-project.yaml?");
    send(&mut pty, ENTER);
    assert_eq!(exit_code(&mut pty), 0);

    let saved = dir.path().join("triage.llm-project.yaml");
    let report = evaluate_json(&saved);
    assert_eq!(report["recommendation"], "fine_tuning");
    let answer_of = |id: &str| {
        report["answers"].as_array().unwrap().iter().find(|a| a["question"] == id).map(|a| a["value"].clone())
    };
    assert_eq!(answer_of("deadline_weeks"), Some(serde_json::json!(12)));
    assert_eq!(answer_of("task_type"), Some(serde_json::json!("classification")));
    // The same answers written by hand give the same result.
    let by_hand = std::fs::read_to_string(crate::root().join("examples/llm-project.yaml"))
        .unwrap()
        .replace("deadline_weeks: 10", "deadline_weeks: 12")
        .replace("Support ticket triage", "Ticket triage")
        .replace("description: Route incoming support tickets to one of 40 queues\n", "");
    let hand = dir.path().join("hand.llm-project.yaml");
    std::fs::write(&hand, by_hand).unwrap();
    let hand_report = evaluate_json(&hand);
    assert_eq!(report["scores"], hand_report["scores"]);
    assert_eq!(report["fired"], hand_report["fired"]);
    let check = shouldtune(&["check", &saved.display().to_string()]);
    assert_eq!(check.status.code(), Some(0), "{}", crate::stdout(&check));
}

#[test]
fn ctrl_c_after_three_answers_saves_them_and_a_second_run_resumes() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "Project name?");
    send(&mut pty, "Resumable");
    send(&mut pty, ENTER);
    answer(&mut pty, 1, "qa");
    answer(&mut pty, 2, "3");
    answer(&mut pty, 3, "daily");
    expect(&mut pty, "question 4 of 17]");
    pty.send(ControlCode::EndOfText).unwrap();
    expect(&mut pty, "resume with: shouldtune ask --save llm-project.yaml");
    assert_eq!(exit_code(&mut pty), 130);

    let saved = dir.path().join("llm-project.yaml");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("incomplete: true") && text.contains("knowledge_freshness: daily"), "{text}");
    let refused = shouldtune(&["evaluate", &saved.display().to_string()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("error[incomplete-descriptor]"), "{}", stderr(&refused));

    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "resuming `llm-project.yaml` (3 answers so far)");
    for n in 4..=QUESTIONS {
        if n != 15 && n != 16 {
            answer(&mut pty, n, "");
        }
    }
    expect(&mut pty, "Which approach does the team plan");
    send(&mut pty, ENTER);
    expect(&mut pty, "Save to llm-project.yaml?");
    send(&mut pty, ENTER);
    assert_eq!(exit_code(&mut pty), 0);
    let report = evaluate_json(&saved);
    assert_eq!(report["name"], "Resumable");
    assert_eq!(report["recommendation"], "rag");
}

#[test]
fn a_complete_descriptor_is_not_overwritten_without_confirmation() {
    let dir = tempdir();
    let original = std::fs::read_to_string(crate::root().join("examples/llm-project.yaml")).unwrap();
    std::fs::write(dir.path().join("llm-project.yaml"), &original).unwrap();
    let mut pty = spawn(dir.path(), &["--from", "llm-project.yaml"]);
    // Everything is pre-filled, including the plan: straight to the review.
    expect(&mut pty, "Save to llm-project.yaml?");
    send(&mut pty, ENTER);
    expect(&mut pty, "already exists and is complete. Overwrite it?");
    send(&mut pty, ENTER);
    expect(&mut pty, "saved `llm-project.new.yaml`");
    assert_eq!(exit_code(&mut pty), 0);
    assert_eq!(std::fs::read_to_string(dir.path().join("llm-project.yaml")).unwrap(), original);
    evaluate_json(&dir.path().join("llm-project.new.yaml"));
}

#[test]
fn without_a_terminal_ask_refuses_at_once() {
    let dir = tempdir();
    let output = assert_cmd::Command::cargo_bin("shouldtune")
        .unwrap()
        .current_dir(dir.path())
        .arg("ask")
        .write_stdin("")
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("needs a terminal"), "{}", stderr(&output));
    assert!(stderr(&output).contains("shouldtune evaluate FILE"));
    assert!(!dir.path().join("llm-project.yaml").exists());
}

/// `evaluate` on a terminal: colour by default, none with `NO_COLOR`.
#[test]
fn colour_on_a_terminal_unless_no_color() {
    let run = |no_color: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_shouldtune"));
        command.current_dir(crate::root()).env("TERM", "xterm").args(["evaluate", "examples/llm-project.yaml"]);
        if no_color {
            command.env("NO_COLOR", "1");
        } else {
            command.env_remove("NO_COLOR");
        }
        let mut session = Session::spawn(command).unwrap();
        session.set_expect_timeout(Some(Duration::from_secs(30)));
        let captured = session.expect(Eof).unwrap();
        let mut all = captured.before().to_vec();
        for m in captured.matches() {
            all.extend_from_slice(m);
        }
        match session.get_process_mut().wait() {
            Ok(WaitStatus::Exited(_, 0)) => {}
            other => panic!("evaluate on a terminal: {other:?}"),
        }
        String::from_utf8_lossy(&all).into_owned()
    };
    let coloured = run(false);
    assert!(coloured.contains("\u{1b}[1m"), "bold headings on a terminal: {coloured:?}");
    assert!(!run(true).contains("\u{1b}[1m"), "NO_COLOR turns colour off");
}

/// The terminal going away (hang-up) after three answers: they are saved, and a second run resumes.
#[test]
fn a_hang_up_mid_way_saves_the_answers_so_far() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "Project name?");
    send(&mut pty, "Hung up");
    send(&mut pty, ENTER);
    answer(&mut pty, 1, "chat");
    answer(&mut pty, 2, "5");
    answer(&mut pty, 3, "weekly");
    expect(&mut pty, "question 4 of 17]");
    pty.get_process_mut().kill(expectrl::process::unix::Signal::SIGHUP).unwrap();
    let status = pty.get_process_mut().wait().unwrap();
    assert!(matches!(status, WaitStatus::Exited(_, 129)), "{status:?}");
    let text = std::fs::read_to_string(dir.path().join("llm-project.yaml")).unwrap();
    assert!(text.contains("incomplete: true"), "{text}");
    assert!(
        text.contains("task_type: chat")
            && text.contains("deadline_weeks: 5")
            && text.contains("knowledge_freshness: weekly"),
        "{text}"
    );
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "resuming `llm-project.yaml` (3 answers so far)");
    expect(&mut pty, "question 4 of 17]");
}

/// `--from` reads its file with the same limits as every other input.
#[test]
fn from_a_pipe_is_refused_instead_of_blocking() {
    let dir = tempdir();
    let made = Command::new("mkfifo").arg(dir.path().join("pipe.yaml")).status().is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
    let mut pty = spawn(dir.path(), &["--from", "pipe.yaml"]);
    expect(&mut pty, "not a regular file");
    assert_eq!(exit_code(&mut pty), 2);
}

/// What a person sees: the pty's output replayed on an 80x24 screen.
struct Screen {
    parser: vt100::Parser,
}

impl Screen {
    /// Sets the pty to 80x24 and starts an empty screen of that size.
    fn new(pty: &mut Pty) -> Screen {
        let _ = pty.get_process_mut().set_window_size(80, 24);
        Screen { parser: vt100::Parser::new(24, 80, 0) }
    }

    /// Waits for `text` in the output and draws everything up to it.
    fn expect(&mut self, pty: &mut Pty, text: &str) {
        match pty.expect(text) {
            Ok(found) => self.parser.process(found.as_bytes()),
            Err(e) => panic!("waiting for `{text}`: {e}"),
        }
    }

    fn rows(&self) -> Vec<String> {
        self.parser.screen().rows(0, 80).map(|r| r.trim_end().to_owned()).collect()
    }
}

const ESC: &str = "\x1b";

#[test]
fn the_first_choice_list_shows_every_choice_with_the_default_marked() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    let mut screen = Screen::new(&mut pty);
    screen.expect(&mut pty, "Project name?");
    send(&mut pty, ENTER);
    screen.expect(&mut pty, &format!("question 1 of {QUESTIONS}]"));
    screen.expect(&mut pty, "type to filter");
    let rows = screen.rows();
    for choice in ["qa", "chat", "classification", "summarization", "extraction", "generation", "nl_to_query"] {
        assert!(rows.iter().any(|r| r.trim_start_matches(['>', ' ']) == choice), "`{choice}` not shown:\n{rows:#?}");
    }
    assert!(rows.iter().any(|r| r.starts_with('>') && r.ends_with("other (default)")), "{rows:#?}");
}

#[test]
fn esc_on_the_first_prompt_does_nothing_and_going_back_leaves_no_stale_lines() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    let mut screen = Screen::new(&mut pty);
    screen.expect(&mut pty, "Project name?");
    send(&mut pty, ESC);
    // Asked again, and nothing of the first attempt is left on screen.
    screen.expect(&mut pty, "Project name?");
    send(&mut pty, "demo");
    send(&mut pty, ENTER);
    screen.expect(&mut pty, &format!("question 1 of {QUESTIONS}]"));
    send(&mut pty, ENTER);
    screen.expect(&mut pty, &format!("question 2 of {QUESTIONS}]"));
    send(&mut pty, ESC);
    // Back at question 1: neither the cancelled prompt nor question 1's old answer stays.
    screen.expect(&mut pty, &format!("question 1 of {QUESTIONS}]"));
    screen.expect(&mut pty, "type to filter");
    let rows = screen.rows();
    assert!(!rows.iter().any(|r| r.contains("<back>")), "{rows:#?}");
    assert!(!rows.iter().any(|r| r.contains(&format!("question 2 of {QUESTIONS}"))), "{rows:#?}");
    assert_eq!(rows.iter().filter(|r| r.contains(&format!("question 1 of {QUESTIONS}"))).count(), 1, "{rows:#?}");
    assert_eq!(rows.iter().filter(|r| r.contains("Project name?")).count(), 1, "{rows:#?}");
    send(&mut pty, "\x03");
    assert_eq!(exit_code(&mut pty), 130);
}

#[test]
fn numbers_accept_separators_and_suffixes_and_errors_give_an_example_in_the_unit() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    let mut screen = Screen::new(&mut pty);
    screen.expect(&mut pty, "Project name?");
    send(&mut pty, ENTER);
    answer(&mut pty, 1, "");
    expect(&mut pty, &format!("question 2 of {QUESTIONS}]"));
    send(&mut pty, "soon");
    send(&mut pty, ENTER);
    // The deadline is in weeks: the example is its default, 2, not a request count.
    screen.expect(&mut pty, "enter a whole number, e.g. 2 (30,000 and 30k work too)");
    for _ in 0.."soon".len() {
        send(&mut pty, "\x7f");
    }
    send(&mut pty, "1,000");
    send(&mut pty, ENTER);
    for n in 3..=8 {
        answer(&mut pty, n, "");
    }
    answer(&mut pty, 9, "30k");
    for n in 10..=12 {
        answer(&mut pty, n, "");
    }
    answer(&mut pty, 13, "30 000");
    send(&mut pty, "\x03");
    assert_eq!(exit_code(&mut pty), 130);
    let saved = std::fs::read_to_string(dir.path().join("llm-project.yaml")).unwrap();
    for line in ["  deadline_weeks: 1000\n", "  examples_available: 30000\n", "  monthly_requests: 30000\n"] {
        assert!(saved.contains(line), "`{line}` missing:\n{saved}");
    }
}

#[test]
fn ctrl_c_before_any_answer_writes_no_file() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "Project name?");
    send(&mut pty, "\x03");
    expect(&mut pty, "interrupted before any answer: nothing saved");
    assert_eq!(exit_code(&mut pty), 130);
    let entries = std::fs::read_dir(dir.path()).map_or(usize::MAX, Iterator::count);
    assert_eq!(entries, 0);
}

#[test]
fn one_answer_reads_as_one_answer() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "Project name?");
    send(&mut pty, ENTER);
    answer(&mut pty, 1, "");
    expect(&mut pty, &format!("question 2 of {QUESTIONS}]"));
    send(&mut pty, "\x03");
    expect(&mut pty, "interrupted: 1 answer saved to `llm-project.yaml`");
    assert_eq!(exit_code(&mut pty), 130);
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "resuming `llm-project.yaml` (1 answer so far)");
    // Ctrl-C only once the prompt is up: before the terminal is in raw mode it is a plain SIGINT.
    expect(&mut pty, &format!("question 2 of {QUESTIONS}]"));
    send(&mut pty, "\x03");
    assert_eq!(exit_code(&mut pty), 130);
}

#[test]
fn from_says_which_answers_it_prefilled_and_saved_files_carry_the_schema_modeline() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("old.yaml"),
        "name: Old\nanswers:\n  task_type: qa\n  needs_private_knowledge: true\n",
    )
    .unwrap();
    let mut pty = spawn(dir.path(), &["--from", "old.yaml"]);
    expect(&mut pty, "pre-filled 2 answers from `old.yaml`: task_type, needs_private_knowledge");
    // Pre-filled questions are skipped: the first one asked is question 2.
    expect(&mut pty, "question 2 of 17]");
    send(&mut pty, "\x03");
    assert_eq!(exit_code(&mut pty), 130);
    let saved = std::fs::read_to_string(dir.path().join("llm-project.yaml")).unwrap();
    assert!(
        saved.starts_with(
            "# yaml-language-server: $schema=https://raw.githubusercontent.com/shouldtune/shouldtune/main/schemas/descriptor.schema.json\n"
        ),
        "{saved}"
    );
}

#[test]
fn the_final_screen_shows_the_plan_conflict_margin_and_cost_within_the_terminal_width() {
    let dir = tempdir();
    // The terminal is 70 columns wide before `ask` starts. The pty library
    // sets its own size (80 columns) from this side once the shell runs, so
    // a size the shell set itself could be overwritten: the size is set here,
    // after that, and the shell waits to see it before starting `ask`.
    let mut command = Command::new("sh");
    command.current_dir(dir.path()).env("NO_COLOR", "1").env("TERM", "xterm").env_remove("COLUMNS").args([
        "-c",
        "until [ \"$(stty size)\" = '40 70' ]; do sleep 0.01; done; exec \"$0\" ask",
        env!("CARGO_BIN_EXE_shouldtune"),
    ]);
    let mut pty = Session::spawn(command).unwrap();
    pty.get_process_mut().set_window_size(70, 40).unwrap();
    pty.set_expect_timeout(Some(Duration::from_secs(30)));
    expect(&mut pty, "Project name?");
    send(&mut pty, ENTER);
    for n in 1..=QUESTIONS {
        if n != 15 && n != 16 {
            answer(&mut pty, n, "");
        }
    }
    expect(&mut pty, "Which approach does the team plan");
    send(&mut pty, "fine_tuning");
    send(&mut pty, ENTER);
    let shown = match pty.expect("Save to llm-project.yaml?") {
        Ok(found) => String::from_utf8_lossy(found.before()).into_owned(),
        Err(e) => panic!("{e}"),
    };
    let review = shown.split("Your answers").nth(1).unwrap();
    assert!(review.contains("error[plan-vetoed]"), "{review}");
    assert!(
        ["Margin: ", "Close call: ", "Every other approach is ruled out."].iter().any(|m| review.contains(m)),
        "the margin: {review}"
    );
    assert!(review.contains("Monthly cost at"), "the cost line: {review}");
    // A single word (a source's URL) cannot wrap without breaking it; every other line must fit.
    // Measured without the terminal's control sequences (cursor moves, erasing), which take no columns.
    let visible = without_control_sequences(review);
    for line in visible.split("\r\n").filter(|l| l.trim().contains(' ')) {
        assert!(line.chars().count() <= 70, "wider than the 70-column terminal: {line:?}");
    }
    send(&mut pty, "\x03");
}

/// `--from` a file with a `cost:` section and `--pricing`: the final screen prices the answers with
/// that section and table (the cost line and the rule reading the derived fact are `evaluate`'s),
/// says so in one line, and the saved file keeps the section, so it evaluates as the original.
#[test]
fn the_final_screen_uses_the_from_files_cost_section_and_the_save_keeps_it() {
    let dir = tempdir();
    let d = dir.path();
    let example = std::fs::read_to_string(crate::root().join("examples/llm-project.yaml")).unwrap();
    std::fs::write(d.join("old.yaml"), &example).unwrap();
    std::fs::write(
        d.join("prices.yaml"),
        "id: azure-openai-2023-10\ncurrency: USD\nas_of: 2026-11-01\nsource: a contract\nmodels:\n  gpt-35-turbo:\n    training_per_hour: 102\n    billing_increment_minutes: 15\n    hosting_per_hour: 0\n    base: { input_per_1k: 0.0015, output_per_1k: 0.002 }\n",
    )
    .unwrap();
    let mut pty = spawn(d, &["--from", "old.yaml", "--save", "new.yaml", "--pricing", "prices.yaml"]);
    let shown = match pty.expect("Save to new.yaml?") {
        Ok(found) => String::from_utf8_lossy(found.before()).into_owned(),
        Err(e) => panic!("{e}"),
    };
    let review = shown.split("Your answers").nth(1).unwrap().replace("\r\n", "\n");
    assert!(review.contains("Token savings repay the hosting fee"), "the derived fact follows the table: {review}");
    assert!(!review.contains("Token savings would not repay"), "{review}");
    assert!(review.contains("Monthly cost at 400,000 requests"), "{review}");
    assert!(review.contains("Costs use the `cost:` section of `old.yaml`"), "{review}");
    send(&mut pty, ENTER);
    assert_eq!(exit_code(&mut pty), 0);
    let saved = std::fs::read_to_string(d.join("new.yaml")).unwrap();
    assert!(saved.contains("\ncost:\n  price_table: \"azure-openai-2023-10\"\n"), "{saved}");
    let evaluate = |name: &str| {
        let output = crate::shouldtune_in(d, &["evaluate", name, "-f", "json", "--pricing", "prices.yaml"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    assert_eq!(evaluate("new.yaml"), evaluate("old.yaml"), "the saved file prices and evaluates as the original");
}

/// `text` without CSI control sequences (`ESC [ ... final-byte`).
fn without_control_sequences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for next in chars.by_ref() {
                if ('@'..='~').contains(&next) {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn example() -> String {
    std::fs::read_to_string(crate::root().join("examples/llm-project.yaml")).unwrap()
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Run A starts with no file; a complete descriptor is saved meanwhile (run
/// B); Ctrl-C in A saves its answers beside it, never over it.
#[test]
fn ctrl_c_never_replaces_a_descriptor_written_while_answering() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "Project name?");
    send(&mut pty, "Run A");
    send(&mut pty, ENTER);
    answer(&mut pty, 1, "qa");
    expect(&mut pty, "question 2 of 17]");
    let finished = example();
    write(&dir.path().join("llm-project.yaml"), &finished);
    send(&mut pty, "\x03");
    expect(&mut pty, "interrupted: 1 answer saved to `llm-project.new.yaml`");
    expect(&mut pty, "`llm-project.yaml` was kept as it is");
    expect(&mut pty, "resume with: shouldtune ask --save llm-project.new.yaml");
    assert_eq!(exit_code(&mut pty), 130);
    assert_eq!(read(&dir.path().join("llm-project.yaml")), finished);
    let saved = read(&dir.path().join("llm-project.new.yaml"));
    assert!(saved.contains("incomplete: true") && saved.contains("task_type: qa"), "{saved}");
}

/// The same through SIGTERM (the binary's own save path), and the name
/// beside it is not taken over either.
#[test]
fn a_termination_never_replaces_a_descriptor_written_while_answering() {
    let dir = tempdir();
    let mut pty = spawn(dir.path(), &[]);
    expect(&mut pty, "Project name?");
    send(&mut pty, "Run A");
    send(&mut pty, ENTER);
    answer(&mut pty, 1, "chat");
    expect(&mut pty, "question 2 of 17]");
    let finished = example();
    write(&dir.path().join("llm-project.yaml"), &finished);
    write(&dir.path().join("llm-project.new.yaml"), "name: someone else's\n");
    pty.get_process_mut().kill(expectrl::process::unix::Signal::SIGTERM).unwrap();
    let status = pty.get_process_mut().wait().unwrap();
    assert!(matches!(status, WaitStatus::Exited(_, 143)), "{status:?}");
    assert_eq!(read(&dir.path().join("llm-project.yaml")), finished);
    assert_eq!(read(&dir.path().join("llm-project.new.yaml")), "name: someone else's\n");
    let saved = read(&dir.path().join("llm-project.new-2.yaml"));
    assert!(saved.contains("incomplete: true") && saved.contains("task_type: chat"), "{saved}");
}

/// At the end, a file that appeared while answering is replaced only after a
/// yes; the default keeps it and saves beside it.
#[test]
fn the_end_asks_before_replacing_a_file_that_appeared_while_answering() {
    let dir = tempdir();
    write(&dir.path().join("from.yaml"), &example());
    let mut pty = spawn(dir.path(), &["--from", "from.yaml", "--save", "out.yaml"]);
    expect(&mut pty, "Save to out.yaml?");
    write(&dir.path().join("out.yaml"), "name: written meanwhile\nanswers: {}\n");
    send(&mut pty, ENTER);
    expect(&mut pty, "out.yaml was created while you answered. Overwrite it?");
    send(&mut pty, ENTER);
    expect(&mut pty, "`out.yaml` was kept as it is: the answers are in `out.new.yaml` beside it");
    expect(&mut pty, "saved `out.new.yaml`");
    assert_eq!(exit_code(&mut pty), 0);
    assert_eq!(read(&dir.path().join("out.yaml")), "name: written meanwhile\nanswers: {}\n");
    assert_eq!(evaluate_json(&dir.path().join("out.new.yaml"))["name"], "Support ticket triage");
}

/// An incomplete descriptor being resumed is replaced without asking only if
/// it is still as it was read; changed meanwhile, it takes a yes.
#[test]
fn a_resumed_file_that_changed_meanwhile_is_replaced_only_after_a_yes() {
    let dir = tempdir();
    let out = dir.path().join("out.yaml");
    write(&out, &example().replace("answers:\n", "incomplete: true\nanswers:\n"));
    let mut pty = spawn(dir.path(), &["--save", "out.yaml"]);
    expect(&mut pty, "resuming `out.yaml`");
    expect(&mut pty, "Save to out.yaml?");
    write(&out, "name: changed meanwhile\nincomplete: true\nanswers: {}\n");
    send(&mut pty, ENTER);
    expect(&mut pty, "out.yaml changed while you answered. Overwrite it?");
    send(&mut pty, "y");
    send(&mut pty, ENTER);
    expect(&mut pty, "saved `out.yaml`");
    assert_eq!(exit_code(&mut pty), 0);
    assert_eq!(evaluate_json(&out)["name"], "Support ticket triage");
    assert!(!dir.path().join("out.new.yaml").exists());
}

/// `--save` naming a pipe or a device is refused before any question (the
/// look at what it holds cannot block or read without end).
#[test]
fn a_save_path_that_is_a_pipe_or_a_device_is_refused_at_once() {
    let dir = tempdir();
    write(&dir.path().join("from.yaml"), &example());
    let made = Command::new("mkfifo").arg(dir.path().join("pipe.yaml")).status().is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
    for save in ["pipe.yaml", "/dev/zero"] {
        let mut pty = spawn(dir.path(), &["--from", "from.yaml", "--save", save]);
        expect(&mut pty, &format!("`{save}` is not a regular file"));
        expect(&mut pty, "choose a regular file");
        assert_eq!(exit_code(&mut pty), 2, "{save}");
    }
}

/// Question text from an overlay with terminal controls is shown escaped in
/// the prompt, and the saved file (name with DEL and NEL from `--from`) loads again.
#[test]
fn control_characters_from_an_overlay_are_escaped_in_prompts_and_in_the_saved_file() {
    let dir = tempdir();
    write(
        &dir.path().join("overlay.yaml"),
        "extends: default\nquestions:\n  - id: hostile\n    text: \"Title\\e]0;pwned\\a? \\x7f\\u0085\\u202e end\"\n    help: \"\\e[2J cleared\"\n    type: boolean\n    default: false\n",
    );
    write(
        &dir.path().join("from.yaml"),
        &example().replace("name: Support ticket triage", "name: \"Demo\\x7f\\u0085\""),
    );
    let mut pty = spawn(dir.path(), &["--rules", "overlay.yaml", "--from", "from.yaml", "--save", "out.yaml"]);
    // The one question `from.yaml` does not answer: the overlay's, with its help below it.
    let shown = match pty.expect("cleared") {
        Ok(found) => String::from_utf8_lossy(found.before()).into_owned() + "cleared",
        Err(e) => unreachable!("{e}"),
    };
    assert!(shown.contains(r"Title\u{1b}]0;pwned\u{7}? \u{7f}\u{85}\u{202e} end"), "{shown:?}");
    assert!(shown.contains(r"\u{1b}[2J cleared"), "{shown:?}");
    assert!(!shown.contains("\u{1b}]0;") && !shown.contains('\u{7}'), "raw controls reached the terminal: {shown:?}");
    send(&mut pty, ENTER);
    expect(&mut pty, "Save to out.yaml?");
    send(&mut pty, ENTER);
    expect(&mut pty, "saved `out.yaml`");
    assert_eq!(exit_code(&mut pty), 0);
    let out = dir.path().join("out.yaml");
    let text = read(&out);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    let overlay = dir.path().join("overlay.yaml").display().to_string();
    let check = shouldtune(&["check", &out.display().to_string(), "--rules", &overlay]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let evaluate = shouldtune(&["evaluate", &out.display().to_string(), "--rules", &overlay, "-f", "json"]);
    assert_eq!(evaluate.status.code(), Some(0), "{}", stderr(&evaluate));
    let report: serde_json::Value = serde_json::from_slice(&evaluate.stdout).unwrap();
    assert_eq!(report["name"], "Demo\u{7f}\u{85}");
}

/// A save that fails (here its directory went away) prints the answers on
/// standard output, says so, and exits 2.
#[test]
fn a_failed_save_prints_the_answers_instead_of_losing_them() {
    let dir = tempdir();
    write(&dir.path().join("from.yaml"), &example());
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let mut pty = spawn(dir.path(), &["--from", "from.yaml", "--save", "out/llm-project.yaml"]);
    expect(&mut pty, "Save to out/llm-project.yaml?");
    std::fs::remove_dir(dir.path().join("out")).unwrap();
    send(&mut pty, ENTER);
    expect(&mut pty, "name: \"Support ticket triage\"");
    expect(&mut pty, "  examples_available: 20000");
    // Diagnostics wrap at the terminal's width: the message may continue on the next line.
    expect(&mut pty, "cannot save the answers to");
    expect(&mut pty, "directory");
    expect(&mut pty, "printed on standard output instead");
    assert_eq!(exit_code(&mut pty), 2);
}
