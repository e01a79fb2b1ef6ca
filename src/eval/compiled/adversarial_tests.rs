//! The compiled engine held against a plain reading of the rules over
//! generated rule sets that reach the edges the shipped rules do not: more
//! than 64 rules and term slots (rows of several words), integer literals and
//! question bounds at the ends of `i64`, choice questions with 64 values or
//! more, ask-conditions and derived facts, answers of another kind than
//! their question's, overlays that override and disable rules, rules whose
//! conditions fold to constants, no rules at all, and (the program rebuilt
//! from rules changed after loading, past what the loader accepts) weights
//! whose sums saturate and vetoes of every approach at once.
//!
//! Each rule set is decided every way the engine can take: transposed rows
//! or term by term, dense weight rows or weights added one by one, what-if
//! trials adjusting the scores or summing them again. The decision
//! ([`evaluate`]) must equal the reference evaluation, and every what-if
//! trial (`Trials::recommendation_with`) the full evaluation of the changed answers.

use std::fmt::Write as _;

use proptest::prelude::*;

use super::*;
use crate::eval::incremental::Trials;
use crate::eval::{Answers, Combination, Evaluation, Provenance, Veto, evaluate};
use crate::load::Limits;
use crate::rules::{self, QuestionKind, RuleSet, TiVec};
use crate::source::SourceFile;

#[path = "../../../tests/support/generated_rule_sets.rs"]
mod generated;
use generated::*;

/// Changes made to the loaded rules before the program is built again: vetoes
/// of any approach (the loader refuses rule sets that can veto them all) and
/// weights far beyond the loader's ±1000, so that scores saturate.
#[derive(Debug, Clone)]
struct Tamper {
    vetoes: Vec<(usize, usize)>,
    weights: Option<Vec<i32>>,
}

fn tamper() -> impl Strategy<Value = Tamper> {
    let huge = prop_oneof![
        Just(i32::MAX),
        Just(i32::MIN),
        Just(i32::MAX - 1),
        Just(i32::MIN + 1),
        Just(1 << 30),
        Just(-(1 << 30)),
        Just(1),
        Just(-1),
        Just(3),
    ];
    (
        proptest::collection::vec((any::<usize>(), any::<usize>()), 0..8),
        proptest::option::of(proptest::collection::vec(huge, 1..6)),
    )
        .prop_map(|(vetoes, weights)| Tamper { vetoes, weights })
}

/// The rule set with `tamper`'s changes to its rules, its program built again from them.
fn tampered(set: &RuleSet, tamper: &Tamper) -> RuleSet {
    let mut set = set.clone();
    let (rule_count, approach_count) = (set.rules.len(), set.approaches.len());
    if rule_count > 0 {
        for &(rule, approach) in &tamper.vetoes {
            let rule = &mut set.rules.raw[rule % rule_count];
            let approach = ApproachId::from(approach % approach_count);
            if rule.is_scoring() && !rule.veto.contains(&approach) {
                rule.veto.push(approach);
            }
        }
    }
    if let Some(weights) = &tamper.weights {
        let mut next = weights.iter().cycle();
        for rule in &mut set.rules.raw {
            for effect in &mut rule.effects {
                effect.1 = next.next().copied().unwrap_or(1);
            }
        }
    }
    set.program = Program::new(approach_count, &set.questions.raw, &set.rules.raw);
    set
}

/// The rule set decided every way the engine can: as built, term by term
/// instead of transposed, without dense weight rows, and with trials that sum
/// the scores again instead of adjusting them.
fn variants(set: &RuleSet) -> Vec<RuleSet> {
    let mut by_terms = set.clone();
    by_terms.program.transposed = false;
    let mut one_by_one = set.clone();
    one_by_one.program.weights.clear();
    let mut summed = one_by_one.clone();
    summed.program.dependencies.exact = false;
    let mut neither = by_terms.clone();
    neither.program.weights.clear();
    neither.program.dependencies.exact = false;
    vec![set.clone(), by_terms, one_by_one, summed, neither]
}

/// The evaluation as the rules read, condition by condition through `Expr::eval`.
fn reference(rule_set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Evaluation {
    let mut values: TiVec<QuestionId, Value> = TiVec::new();
    let mut provenance = TiVec::new();
    for (index, question) in rule_set.questions.iter_enumerated() {
        let applicable = question.ask_when.as_ref().is_none_or(|c| c.expr.eval(&values));
        let (value, source) = match given.get(index).copied().flatten() {
            _ if !applicable => (question.default, Provenance::NotApplicable),
            Some(value) if question.derived.is_some() => (value, Provenance::Derived),
            Some(value) => (value, Provenance::Given),
            None => (question.default, Provenance::Assumed),
        };
        values.push(value);
        provenance.push(source);
    }
    let mut scores: TiVec<ApproachId, i32> = rule_set.approaches.iter().map(|_| 0).collect();
    let mut vetoes: Vec<Veto> = Vec::new();
    let mut fired = Vec::new();
    for (index, rule) in rule_set.rules.iter_enumerated() {
        if !rule.is_scoring() || !rule.when.expr.eval(&values) {
            continue;
        }
        fired.push(index);
        for &(approach, weight) in &rule.effects {
            scores[approach] = scores[approach].saturating_add(weight);
        }
        for &approach in &rule.veto {
            if !vetoes.iter().any(|v| v.approach == approach) {
                vetoes.push(Veto { approach, rule: index });
            }
        }
    }
    let is_vetoed = |a: ApproachId| vetoes.iter().any(|v| v.approach == a);
    let mut ranking: Vec<ApproachId> = rule_set.approaches.keys().collect();
    ranking.sort_by_key(|&a| (is_vetoed(a), std::cmp::Reverse(scores[a]), a));
    let recommendation = ranking[0];
    let runner_up = ranking.get(1).copied().filter(|&second| !is_vetoed(second));
    let margin = runner_up.map(|second| scores[recommendation].saturating_sub(scores[second]));
    for (index, rule) in rule_set.rules.iter_enumerated() {
        if rule.is_advice() && rule.when_recommended.contains(&recommendation) && rule.when.expr.eval(&values) {
            fired.push(index);
        }
    }
    fired.sort_unstable();
    let mut combine_with: Vec<Combination> = Vec::new();
    for &index in &fired {
        for &approach in &rule_set.rules[index].combine_with {
            if approach != recommendation
                && !is_vetoed(approach)
                && !combine_with.iter().any(|c| c.approach == approach)
            {
                combine_with.push(Combination { approach, rule: index });
            }
        }
    }
    let next_steps = fired.iter().copied().filter(|&i| rule_set.rules[i].next_step.is_some()).collect();
    let answers = Answers::resolve(rule_set, given);
    assert_eq!((answers.values(), answers.provenance()), (values.as_slice(), provenance.as_slice()));
    Evaluation {
        answers,
        scores,
        vetoes,
        recommendation,
        ranking,
        won_by_tie: margin == Some(0),
        margin,
        fired,
        combine_with,
        next_steps,
    }
}

fn full(set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>, question: QuestionId, to: Value) -> ApproachId {
    let mut changed = given.to_owned();
    changed.resize(set.questions.len(), None);
    changed[question] = Some(to);
    evaluate(set, Answers::resolve(set, &changed)).recommendation
}

/// Answers to try for `question`: every class of answer its conditions tell
/// apart, the ends of `i64`, choices past the last, and answers of another kind.
fn probes(set: &RuleSet, question: QuestionId) -> Vec<Value> {
    let mut out = vec![Value::Bool(false), Value::Bool(true), Value::Int(0), Value::Choice(0)];
    match &set.questions[question].kind {
        QuestionKind::Boolean => {}
        QuestionKind::Integer { min, max } => {
            let candidates = set.program().dependencies().int_candidates(question.index());
            out.extend(candidates.iter().map(|&v| Value::Int(v)));
            out.extend([i64::MIN, i64::MIN + 1, -1, 1, i64::MAX - 1, i64::MAX].map(Value::Int));
            out.extend(
                min.iter().chain(max).flat_map(|&b| [b.saturating_sub(1), b, b.saturating_add(1)]).map(Value::Int),
            );
        }
        QuestionKind::Choice { values } => {
            let n = u16::try_from(values.len()).unwrap_or(u16::MAX);
            out.extend((0..=n.min(70)).map(Value::Choice));
            out.extend([n.saturating_sub(1), n, n + 1, 127, 128, 129, 200, u16::MAX].map(Value::Choice));
        }
    }
    out
}

/// Every check of one rule set over one set of answers: the decision against
/// the reference, every what-if trial against a full evaluation.
fn check(set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Result<(), TestCaseError> {
    let expected = reference(set, given);
    let evaluation = evaluate(set, Answers::resolve(set, given));
    prop_assert_eq!(&evaluation, &expected);
    let mut trials = Trials::new(set, given, evaluation.answers.values());
    for question in set.questions.keys() {
        // Twice over: the second time, answers of a class already tried come from the cache.
        for _ in 0..2 {
            for to in probes(set, question) {
                let expected = full(set, given, question, to);
                prop_assert_eq!(
                    trials.recommendation_with(question, to),
                    expected,
                    "question {} to {:?}",
                    question.index(),
                    to
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn adversarial_rule_sets_decide_as_the_rules_read(spec in spec(), seeds in answer_seeds()) {
        let set = load(&spec, true);
        let given = answers(&set, &seeds);
        for variant in variants(&set) {
            check(&variant, &given)?;
        }
    }

    #[test]
    fn adversarial_saturating_weights_and_vetoes_of_every_approach(spec in spec(), tamper in tamper(), seeds in answer_seeds()) {
        let set = tampered(&load(&spec, true), &tamper);
        let given = answers(&set, &seeds);
        for variant in variants(&set) {
            check(&variant, &given)?;
        }
    }

    /// One `Decision` reused across programs of every shape gives what a fresh one does.
    #[test]
    fn adversarial_decisions_reused_across_programs(specs in proptest::collection::vec(spec(), 1..4), seeds in answer_seeds()) {
        let sets: Vec<RuleSet> = specs.iter().flat_map(|spec| variants(&load(spec, true))).collect();
        let mut reused = Decision::default();
        for set in sets.iter().chain(sets.iter().rev()) {
            let values = Answers::resolve(set, &answers(set, &seeds)).values().to_owned();
            let mut fresh = Decision::default();
            set.program().decide(&values, &mut fresh);
            set.program().decide(&values, &mut reused);
            prop_assert_eq!(
                (&reused.holding, &reused.fired, &reused.scores, &reused.vetoed_by, reused.recommendation),
                (&fresh.holding, &fresh.fired, &fresh.scores, &fresh.vetoed_by, fresh.recommendation)
            );
        }
    }
}

fn set_of(text: &str) -> RuleSet {
    rules::load(&[SourceFile::new("rules.yaml", text.to_owned())], Limits::default())
        .unwrap_or_else(|d| panic!("{d:#?}"))
}

/// Every check of [`check`], for every way of deciding `set`, over each of `givens`.
fn check_every_way(set: &RuleSet, givens: &[Vec<Option<Value>>]) {
    for variant in variants(set) {
        for given in givens {
            let given = TiSlice::from_ref(given.as_slice());
            if let Err(e) = check(&variant, given) {
                panic!("{e} over {given:?}");
            }
        }
    }
}

#[test]
fn adversarial_rule_counts_and_slots_at_word_boundaries() {
    // Rules of two terms each: `rule_count` first slots and as many further
    // ones, so the slots cross one, two, three and four words.
    for count in [1, 63, 64, 65, 127, 128, 129] {
        let mut text = String::from(
            "version: 1\napproaches:\n  - { id: a, title: A }\n  - { id: b, title: B }\n  - { id: c, title: C }\n\
             questions:\n  - { id: n, text: N?, type: integer, default: 0 }\n  - { id: f, text: F?, type: boolean, default: false }\nrules:\n",
        );
        for k in 0..count {
            let approach = ["a", "b", "c"][k % 3];
            let veto = if k % 7 == 3 { ", veto: [c]" } else { "" };
            let _ = writeln!(
                text,
                "  - {{ id: r{k}, title: T, when: 'n >= {k} and not f or n == -{k}', effects: {{ {approach}: {} }}{veto}, because: x, source: s }}",
                k % 5 + 1
            );
        }
        let set = set_of(&text);
        let program = set.program();
        assert!(program.transposed, "{count} rules");
        assert_eq!(program.slot_words as usize, (2 * count).div_ceil(64).max(2), "{count} rules");
        let givens: Vec<Vec<Option<Value>>> = [-130, -64, -63, -1, 0, 1, 62, 63, 64, 65, 127, 128, 129, 200]
            .into_iter()
            .flat_map(|n| {
                [
                    vec![Some(Value::Int(n)), Some(Value::Bool(false))],
                    vec![Some(Value::Int(n)), Some(Value::Bool(true))],
                ]
            })
            .collect();
        check_every_way(&set, &givens);
    }
}

#[test]
fn adversarial_integers_at_the_ends_of_i64_and_at_question_bounds() {
    let set = set_of(
        "version: 1
approaches:
  - { id: a, title: A }
  - { id: b, title: B }
questions:
  - { id: n, text: N?, type: integer, default: 0, min: -9223372036854775808, max: 9223372036854775807 }
  - { id: m, text: M?, type: integer, default: 5, min: 5, max: 5 }
  - { id: k, text: K?, type: integer, default: 9223372036854775807, min: 9223372036854775806 }
rules:
  - { id: never-below, title: T, when: 'n < -9223372036854775808', effects: { b: 7 }, because: x, source: s }
  - { id: never-above, title: T, when: 'n > 9223372036854775807', effects: { b: 7 }, because: x, source: s }
  - { id: lowest, title: T, when: 'n <= -9223372036854775808', effects: { b: 3 }, because: x, source: s }
  - { id: highest, title: T, when: '9223372036854775807 <= n', effects: { b: 2 }, because: x, source: s }
  - { id: not-lowest, title: T, when: 'n != -9223372036854775808 and n != 9223372036854775807', effects: { a: 1 }, because: x, source: s }
  - { id: fixed, title: T, when: 'm == 5 and k > 9223372036854775806', effects: { a: 1 }, because: x, source: s }
  - { id: above-m, title: T, when: 'm < 6 and k >= 9223372036854775806', effects: { a: 1 }, because: x, source: s }
",
    );
    let ints = [i64::MIN, i64::MIN + 1, -1, 0, 1, 4, 5, 6, i64::MAX - 1, i64::MAX];
    let givens: Vec<Vec<Option<Value>>> = ints
        .iter()
        .flat_map(|&n| ints.iter().map(move |&k| vec![Some(Value::Int(n)), None, Some(Value::Int(k))]))
        .chain([vec![Some(Value::Bool(true)), Some(Value::Choice(3)), Some(Value::Int(i64::MAX))]])
        .collect();
    check_every_way(&set, &givens);
}

#[test]
fn adversarial_choices_past_64_values() {
    let values: Vec<String> = (0..130).map(|v| format!("v{v}")).collect();
    let text = format!(
        "version: 1
approaches:
  - {{ id: a, title: A }}
  - {{ id: b, title: B }}
  - {{ id: c, title: C }}
questions:
  - {{ id: x, text: X?, type: choice, values: [{values}], default: v0 }}
  - {{ id: y, text: Y?, type: choice, values: [{short}], default: v0, ask_when: 'x != v64' }}
rules:
  - {{ id: low, title: T, when: 'x in [v0, v63]', effects: {{ a: 2 }}, because: x, source: s }}
  - {{ id: edge, title: T, when: 'x in [v63, v64]', effects: {{ b: 2 }}, because: x, source: s }}
  - {{ id: high, title: T, when: 'not (x in [v64, v65, v129])', effects: {{ c: 1 }}, because: x, source: s }}
  - {{ id: last, title: T, when: 'x == v129 or y == v63', effects: {{ c: 3 }}, because: x, source: s }}
  - {{ id: other, title: T, when: 'y != v62', effects: {{ a: 1 }}, because: x, source: s }}
",
        values = values.join(", "),
        short = values[..64].join(", ")
    );
    let set = set_of(&text);
    let givens: Vec<Vec<Option<Value>>> = [0_u16, 1, 62, 63, 64, 65, 66, 128, 129, 130, 200, u16::MAX]
        .iter()
        .flat_map(|&x| [62_u16, 63, 64].map(|y| vec![Some(Value::Choice(x)), Some(Value::Choice(y))]))
        .chain([vec![Some(Value::Int(64)), Some(Value::Bool(true))]])
        .collect();
    check_every_way(&set, &givens);
}

#[test]
fn adversarial_no_rules_and_constant_conditions() {
    let questions = "version: 1
approaches:
  - { id: a, title: A }
  - { id: b, title: B }
questions:
  - { id: f, text: F?, type: boolean, default: false }
rules:
";
    let empty = set_of(&format!("{questions}  []\n"));
    let constant = set_of(&format!(
        "{questions}  - {{ id: yes, title: T, when: 'true', effects: {{ b: 1 }}, because: x, source: s }}
  - {{ id: no, title: T, when: 'false', effects: {{ b: 5 }}, because: x, source: s }}
  - {{ id: folds-no, title: T, when: 'f and not f', effects: {{ b: 5 }}, because: x, source: s }}
  - {{ id: folds-yes, title: T, when: 'f or not f', effects: {{ a: 1 }}, because: x, source: s }}
  - {{ id: plan, title: T, when: 'true', when_planned: [b], severity: warning, because: x, source: s }}
  - {{ id: advice, title: T, when: 'true', when_recommended: [a, b], next_step: go, combine_with: [a, b], because: x, source: s }}
"
    ));
    let givens = vec![vec![], vec![Some(Value::Bool(true))], vec![Some(Value::Int(1))]];
    check_every_way(&empty, &givens);
    check_every_way(&constant, &givens);
}
