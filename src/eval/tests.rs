use super::*;
use crate::rules::{self, RuleSet};
use crate::source::SourceFile;

fn rule_set(rules_yaml: &str) -> RuleSet {
    let text = format!(
        "version: 1
approaches:
  - {{ id: simple, title: Simple }}
  - {{ id: middle, title: Middle }}
  - {{ id: complex, title: Complex }}
questions:
  - {{ id: a, text: A?, type: boolean, default: false }}
  - {{ id: n, text: N?, type: integer, min: 0, default: 0 }}
  - {{ id: b, text: B?, type: boolean, default: true, ask_when: a }}
rules:
{rules_yaml}"
    );
    match rules::load(&[SourceFile::new("test.yaml", text)], crate::load::Limits::default()) {
        Ok(set) => set,
        Err(d) => unreachable!("{d:#?}"),
    }
}

fn run(set: &RuleSet, given: &[Option<Value>]) -> Evaluation {
    evaluate(set, Answers::resolve(set, given))
}

#[test]
fn ties_go_to_the_simpler_approach() {
    let set = rule_set("  - { id: r, title: R, when: a, effects: { simple: 1, complex: 1 }, because: x, source: y }\n");
    let e = run(&set, &[Some(Value::Bool(true))]);
    assert_eq!(e.recommendation, 0);
    assert!(e.won_by_tie);
    assert_eq!(e.ranking, vec![0, 2, 1]);
}

#[test]
fn highest_score_wins_and_vetoes_remove_approaches() {
    let set = rule_set(
        "  - { id: up, title: Up, when: n >= 10, effects: { complex: 5 }, because: x, source: y }
  - { id: no, title: No, when: n < 100, veto: [complex], because: x, source: y }
",
    );
    let e = run(&set, &[None, Some(Value::Int(50))]);
    assert_eq!(e.scores, vec![0, 0, 5]);
    assert_eq!(e.vetoes, vec![Veto { approach: 2, rule: 1 }]);
    assert_eq!(e.recommendation, 0, "the vetoed top scorer must not win");
    assert_eq!(e.ranking.last(), Some(&2));
    let e = run(&set, &[None, Some(Value::Int(100))]);
    assert_eq!(e.recommendation, 2);
    assert!(!e.won_by_tie);
}

#[test]
fn advice_rules_follow_the_recommendation_and_combinations_exclude_it() {
    let set = rule_set(
        "  - { id: up, title: Up, when: a, effects: { complex: 2 }, combine_with: [middle, complex], because: x, source: y }
  - { id: advice, title: Advice, when: 'true', when_recommended: [complex], next_step: do it, because: x, source: y }
  - { id: other, title: Other, when: 'true', when_recommended: [simple], next_step: not this, because: x, source: y }
",
    );
    let e = run(&set, &[Some(Value::Bool(true))]);
    assert_eq!(e.recommendation, 2);
    assert_eq!(e.fired, vec![0, 1]);
    assert_eq!(e.next_steps, vec![1]);
    assert_eq!(e.combine_with, vec![Combination { approach: 1, rule: 0 }]);
}

#[test]
fn unanswered_and_inapplicable_questions_take_defaults() {
    let set = rule_set("  - { id: r, title: R, when: b, effects: { middle: 1 }, because: x, source: y }\n");
    // `b` is asked only when `a`; with `a` false, its given answer is ignored.
    let answers = Answers::resolve(&set, &[Some(Value::Bool(false)), None, Some(Value::Bool(false))]);
    assert_eq!(answers.provenance(), &[Provenance::Given, Provenance::Assumed, Provenance::NotApplicable]);
    assert_eq!(answers.values()[2], Value::Bool(true));
    assert_eq!(evaluate(&set, answers).recommendation, 1);
    let answers = Answers::resolve(&set, &[Some(Value::Bool(true)), None, Some(Value::Bool(false))]);
    assert_eq!(answers.provenance()[2], Provenance::Given);
    assert_eq!(evaluate(&set, answers).recommendation, 0);
}
