use std::collections::VecDeque;

use super::*;
use crate::rules;

/// What a scripted person types: `Enter` accepts the default.
#[derive(Debug, Clone)]
enum Key {
    Enter,
    Text(&'static str),
    Yes(bool),
    Int(i64),
    Pick(&'static str),
    Back,
    Quit,
}

struct Script {
    keys: VecDeque<Key>,
    asked: Vec<String>,
}

impl Script {
    fn new(keys: Vec<Key>) -> Self {
        Script { keys: keys.into(), asked: Vec::new() }
    }
    fn key(&mut self, prompt: &Prompt) -> Key {
        self.asked.push(prompt.message.clone());
        self.keys.pop_front().unwrap_or(Key::Enter)
    }
}

impl Prompter for Script {
    fn text(&mut self, prompt: &Prompt, default: &str) -> Reply<String> {
        match self.key(prompt) {
            Key::Text(t) => Reply::Answer(t.to_owned()),
            Key::Back => Reply::Back,
            Key::Quit => Reply::Quit,
            _ => Reply::Answer(default.to_owned()),
        }
    }
    fn yes_no(&mut self, prompt: &Prompt, default: bool) -> Reply<bool> {
        match self.key(prompt) {
            Key::Yes(b) => Reply::Answer(b),
            Key::Back => Reply::Back,
            Key::Quit => Reply::Quit,
            _ => Reply::Answer(default),
        }
    }
    fn integer(&mut self, prompt: &Prompt, default: i64, _: Option<i64>, _: Option<i64>) -> Reply<i64> {
        match self.key(prompt) {
            Key::Int(i) => Reply::Answer(i),
            Key::Back => Reply::Back,
            Key::Quit => Reply::Quit,
            _ => Reply::Answer(default),
        }
    }
    fn choose(&mut self, prompt: &Prompt, options: &[String], default: usize) -> Reply<usize> {
        match self.key(prompt) {
            Key::Pick(p) => Reply::Answer(options.iter().position(|o| o.starts_with(p)).unwrap_or(default)),
            Key::Back => Reply::Back,
            Key::Quit => Reply::Quit,
            _ => Reply::Answer(default),
        }
    }
}

fn set() -> RuleSet {
    rules::load_default().unwrap()
}

fn empty(set: &RuleSet) -> Draft {
    Draft {
        name: "here".into(),
        description: None,
        planned: None,
        given: set.questions.iter().map(|_| None).collect(),
        incomplete: false,
    }
}

#[test]
fn enter_through_everything_answers_every_applicable_question_with_its_default() {
    let set = set();
    let mut script = Script::new(vec![]);
    let Finish::Completed(draft) = run(&set, empty(&set), true, &mut script) else { panic!() };
    assert_eq!(draft.name, "here");
    assert_eq!(draft.planned, None);
    let after_baseline = ["baseline_approach", "baseline_meets_target"].map(|id| set.question_index(id));
    for (i, q) in set.questions.iter_enumerated() {
        if after_baseline.contains(&Some(i)) {
            assert_eq!(draft.given[i], None, "not applicable without a baseline");
        } else if q.derived.is_some() {
            assert_eq!(draft.given[i], None, "derived facts are never asked");
        } else {
            assert_eq!(draft.given[i], Some(q.default), "{}", q.id);
        }
    }
    // name + 15 applicable questions + plan
    assert_eq!(script.asked.len(), 17);
}

#[test]
fn conditional_questions_are_asked_when_their_condition_holds() {
    let set = set();
    let baseline = set.question_index("baseline_exists").unwrap();
    let mut keys = vec![Key::Enter; 1 + baseline.index()];
    keys.push(Key::Yes(true));
    keys.push(Key::Enter); // baseline_approach: prompt_engineering
    keys.push(Key::Yes(true));
    let mut script = Script::new(keys);
    let Finish::Completed(draft) = run(&set, empty(&set), true, &mut script) else { panic!() };
    assert_eq!(draft.given[QuestionId::from(baseline.index() + 1)], Some(Value::Choice(0)));
    assert_eq!(draft.given[QuestionId::from(baseline.index() + 2)], Some(Value::Bool(true)));
    assert!(script.asked.iter().any(|m| m.contains("What is that baseline")));
    assert!(script.asked.iter().any(|m| m.contains("already meet")));
}

#[test]
fn back_returns_to_the_previous_question_and_keeps_its_answer_as_default() {
    let set = set();
    // name, task_type=classification, deadline=9, back at the next question, deadline again: 12
    let keys = vec![Key::Text("Triage"), Key::Pick("classification"), Key::Int(9), Key::Back, Key::Int(12)];
    let mut script = Script::new(keys);
    let Finish::Completed(draft) = run(&set, empty(&set), true, &mut script) else { panic!() };
    assert_eq!(draft.name, "Triage");
    assert_eq!(draft.given.raw[0], Some(Value::Choice(2)));
    assert_eq!(draft.given.raw[1], Some(Value::Int(12)));
    assert_eq!(script.asked[4], script.asked[2], "went back one question");
}

#[test]
fn back_past_a_skipped_question_lands_on_the_last_asked_one() {
    let set = set();
    let mut script = Script::new(vec![Key::Back, Key::Back, Key::Enter]);
    let Finish::Completed(_) = run(&set, empty(&set), true, &mut script) else { panic!() };
    assert_eq!(script.asked[0], script.asked[1], "back on the first prompt re-asks it");
}

#[test]
fn quitting_keeps_what_was_answered_and_marks_the_draft_incomplete() {
    let set = set();
    let keys = vec![Key::Text("P"), Key::Pick("qa"), Key::Int(3), Key::Pick("daily"), Key::Quit];
    let Finish::Interrupted(draft) = run(&set, empty(&set), true, &mut Script::new(keys)) else { panic!() };
    assert!(draft.incomplete);
    assert_eq!(draft.given.iter().filter(|g| g.is_some()).count(), 3);
    // Resuming asks only what is missing, starting at question 4.
    let mut script = Script::new(vec![]);
    let Finish::Completed(done) = run(&set, draft, false, &mut script) else { panic!() };
    assert_eq!(script.asked[0], set.questions.raw[3].text);
    assert_eq!(done.given.raw[2], Some(Value::Choice(3)));
    assert!(!done.incomplete);
}

#[test]
fn the_plan_offers_the_recommended_combination() {
    let set = set();
    let private = set.question_index("needs_private_knowledge").unwrap();
    let mut draft = empty(&set);
    for (i, q) in set.questions.iter_enumerated() {
        draft.given[i] = Some(q.default);
    }
    draft.given[private] = Some(Value::Bool(true));
    let mut script = Script::new(vec![Key::Pick("rag (recommended)")]);
    let Finish::Completed(done) = run(&set, draft, false, &mut script) else { panic!() };
    assert_eq!(done.planned, Some(vec![ApproachId::from(1)]));
}

#[test]
fn whole_numbers_read_as_people_write_them() {
    for (text, expected) in [
        ("30000", 30_000),
        ("30,000", 30_000),
        ("30 000", 30_000),
        ("1_250_000", 1_250_000),
        ("30k", 30_000),
        ("30 K", 30_000),
        ("1.5k", 1_500),
        ("2M", 2_000_000),
        (" 7 ", 7),
        ("-3", -3),
    ] {
        assert_eq!(parse_whole_number(text), Some(expected), "{text}");
    }
    for text in ["", "k", "3,0", "30,00", "1.5", "1.0005k", "abc", "3 0000", "1e3", "99999999999999999999"] {
        assert_eq!(parse_whole_number(text), None, "{text}");
    }
}
