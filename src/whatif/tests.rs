use std::fmt::Write as _;

use proptest::prelude::*;

use super::*;
use crate::eval::{Answers, evaluate};
use crate::rules::{self, TiVec};

fn set() -> RuleSet {
    rules::load_default().unwrap()
}

fn evaluation_of(set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Evaluation {
    evaluate(set, Answers::resolve(set, given))
}

fn example(set: &RuleSet) -> TiVec<QuestionId, Option<Value>> {
    let q = |id: &str| set.question_index(id).unwrap();
    let mut given: TiVec<QuestionId, Option<Value>> = set.questions.iter().map(|q| Some(q.default)).collect();
    given[q("task_type")] = Some(Value::Choice(2)); // classification
    given[q("deadline_weeks")] = Some(Value::Int(10));
    given[q("hallucination_tolerance")] = Some(Value::Choice(2)); // high
    given[q("strict_output_format")] = Some(Value::Bool(true));
    given[q("examples_available")] = Some(Value::Int(800));
    given[q("monthly_requests")] = Some(Value::Int(50_000));
    given[q("baseline_exists")] = Some(Value::Bool(true));
    given[q("baseline_meets_target")] = Some(Value::Bool(false));
    given
}

#[test]
fn finds_the_threshold_and_the_boolean_that_flip_the_result() {
    let set = set();
    let given = example(&set);
    let evaluation = evaluation_of(&set, &given);
    assert_eq!(set.approaches[evaluation.recommendation].id, "fine_tuning");
    let found = what_if(&set, &given, &evaluation);
    assert!(!found.is_empty() && found.len() <= MAX_WHAT_IFS);
    let examples = set.question_index("examples_available").unwrap();
    // 800 examples: baseline short +3, teach-a-task +2, strict +2, plenty +1, hosting fee not
    // repaid -2 = 6 for fine-tuning against 2 for prompt engineering (the task fits in a prompt).
    // Below 50 examples few-examples weighs -5: the nearest flip downwards is 49.
    let all = flips(&set, &given, &evaluation);
    assert!(all.iter().any(|w| w.question == examples && w.to == Value::Int(49)), "{all:?}");
    for w in &all {
        let mut changed = given.clone();
        changed[w.question] = Some(w.to);
        assert_eq!(evaluation_of(&set, &changed).recommendation, w.recommendation, "{w:?}");
    }
    for pair in found.windows(2) {
        assert!(pair[0].size <= pair[1].size, "ordered by size");
    }
}

#[test]
fn no_flip_is_reported_when_nothing_single_changes_the_answer() {
    let set = rules::load(
        &[crate::source::SourceFile::new(
            "t.yaml",
            "approaches:\n  - { id: a, title: A }\n  - { id: b, title: B }\nquestions:\n  - { id: q, text: Q?, type: boolean, default: false }\nrules:\n  - { id: r, title: R, when: q or not q, effects: { a: 1 }, because: x, source: y }\n",
        )],
        crate::load::Limits::default(),
    )
    .unwrap();
    let given = TiSlice::from_ref(&[Some(Value::Bool(true))]);
    let evaluation = evaluation_of(&set, given);
    assert!(what_if(&set, given, &evaluation).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every claimed flip is real, and no single-answer change that flips the
    /// result is missing from the candidates: for every question and every
    /// probe value that flips, a flip on the same side is among `flips`.
    #[test]
    fn claims_are_real_and_complete(given in crate::test_support::any_answers(&set()), probes in proptest::collection::vec(0_i64..5_000_000, 8)) {
        let set = set();
        let evaluation = evaluation_of(&set, &given);
        let all = flips(&set, &given, &evaluation);
        for w in &all {
            let mut changed = given.clone();
            changed[w.question] = Some(w.to);
            prop_assert_eq!(evaluation_of(&set, &changed).recommendation, w.recommendation);
        }
        for (index, question) in set.questions.iter_enumerated() {
            // Derived facts are not answers a project can change.
            if !evaluation.answers.is_applicable(index) || question.derived.is_some() {
                continue;
            }
            let current = evaluation.answers.values()[index];
            let tries: Vec<Value> = match &question.kind {
                QuestionKind::Boolean => vec![Value::Bool(true), Value::Bool(false)],
                QuestionKind::Choice { values } => (0..u16::try_from(values.len()).unwrap_or(0)).map(Value::Choice).collect(),
                QuestionKind::Integer { .. } => probes.iter().copied().chain([0, 9, 10, 49, 50, 99, 100, 499, 500, 1999, 2000]).map(Value::Int).collect(),
            };
            for to in tries.into_iter().filter(|v| *v != current) {
                let mut changed = given.clone();
                changed[index] = Some(to);
                if evaluation_of(&set, &changed).recommendation == evaluation.recommendation {
                    continue;
                }
                let covered = all.iter().any(|w| w.question == index && match (w.to, to, current) {
                    (Value::Int(found), Value::Int(probe), Value::Int(now)) => (found > now) == (probe > now),
                    (found, probe, _) => found == probe,
                });
                prop_assert!(covered, "changing {} to {:?} flips the result but no candidate covers it: {:?}", question.id, to, all);
            }
        }
    }
}

#[test]
fn the_search_stops_at_its_budget_and_says_so() {
    let set = set();
    let given = example(&set);
    let evaluation = evaluation_of(&set, &given);
    let full = what_if_within(&set, &given, &evaluation, WORK_BUDGET);
    assert!(!full.truncated && !full.flips.is_empty(), "{full:?}");
    let none = what_if_within(&set, &given, &evaluation, 0);
    assert!(none.truncated && none.flips.is_empty(), "{none:?}");
    // A budget for a few trials finds at most what the full search finds.
    let some = what_if_within(&set, &given, &evaluation, evaluation_cost(&set) * 3);
    assert!(some.truncated, "{some:?}");
    assert!(some.flips.iter().all(|w| full.flips.contains(w) || flips(&set, &given, &evaluation).contains(w)));
}

#[test]
fn looking_at_questions_is_charged_too() {
    // Two hundred questions that apply only when `gate` is true, which it is not: the
    // search makes one trial (`gate` itself) but looks at all 201 questions.
    let mut text = String::from(
        "version: 1\napproaches:\n  - { id: simple, title: Simple }\n  - { id: complex, title: Complex }\n\
         questions:\n  - { id: gate, text: Gate?, type: boolean, default: false }\n",
    );
    for n in 0..200 {
        let _ = writeln!(text, "  - {{ id: q{n}, text: Q{n}?, type: boolean, default: false, ask_when: gate }}");
    }
    text.push_str("rules:\n  - { id: r, title: R, when: gate, effects: { complex: 5 }, because: B., source: S }\n");
    let set = rules::load(&[crate::source::SourceFile::new("rules.yaml", text)], crate::load::Limits::default())
        .unwrap_or_else(|d| panic!("{d:#?}"));
    let given: TiVec<QuestionId, Option<Value>> = set.questions.iter().map(|_| None).collect();
    let evaluation = evaluation_of(&set, &given);
    let trial = evaluation_cost(&set);
    let enough = what_if_within(&set, &given, &evaluation, trial + 201);
    assert!(!enough.truncated && enough.flips.len() == 1, "{enough:?}");
    // One trial fits, but not the questions looked at: cut short, and said so.
    let short = what_if_within(&set, &given, &evaluation, trial + 100);
    assert!(short.truncated, "{short:?}");
}

/// The default rules as they are, and evaluated term by term with scores summed again for every trial.
fn both_ways() -> [RuleSet; 2] {
    let set = set();
    let mut by_terms = set.clone();
    by_terms.program.transposed = false;
    by_terms.program.weights.clear();
    by_terms.program.dependencies.exact = false;
    [set, by_terms]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// The search with incremental trials from the evaluation's answers finds
    /// the same flips, and stops at the same point of its budget, as the
    /// search with a full evaluation of every candidate.
    #[test]
    fn the_incremental_search_agrees_with_full_evaluations(given in crate::test_support::any_answers(&set()), trials in 0_u64..40) {
        for set in both_ways() {
            let evaluation = evaluation_of(&set, &given);
            let full = |question: QuestionId, to: Value| {
                let mut changed = given.clone();
                changed[question] = Some(to);
                evaluation_of(&set, &changed).recommendation
            };
            for budget in [WORK_BUDGET, evaluation_cost(&set) * trials + 20] {
                prop_assert_eq!(
                    search(&set, &given, &evaluation, budget),
                    search_by(&set, &evaluation, budget, full),
                    "budget {}", budget
                );
            }
        }
    }
}

/// Approaches `simple` and `complex`, integer questions `n` and `m` (0 to 100), and `rules` (YAML list items).
fn two_numbers(rules: &str) -> RuleSet {
    let text = format!(
        "approaches:\n  - {{ id: simple, title: S }}\n  - {{ id: complex, title: C }}\nquestions:\n  \
         - {{ id: n, text: N?, type: integer, default: 0, min: 0, max: 100 }}\n  \
         - {{ id: m, text: M?, type: integer, default: 0, min: 0, max: 100 }}\nrules:\n{rules}"
    );
    rules::load(&[crate::source::SourceFile::new("t.yaml", text)], crate::load::Limits::default()).unwrap()
}

/// The flips of `n` (as integers) when `n` and `m` are answered so.
fn flips_of_n(set: &RuleSet, n: i64, m: i64) -> Vec<(i64, String)> {
    let given: TiVec<QuestionId, Option<Value>> = vec![Some(Value::Int(n)), Some(Value::Int(m))].into();
    let evaluation = evaluation_of(set, &given);
    let mut out: Vec<(i64, String)> = flips(set, &given, &evaluation)
        .into_iter()
        .filter(|w| w.question == QuestionId::from(0))
        .map(|w| match w.to {
            Value::Int(v) => (v, set.approaches[w.recommendation].id.clone()),
            other => panic!("an integer question changed to {other:?}"),
        })
        .collect();
    out.sort_unstable();
    out
}

#[test]
fn a_comparison_with_another_answer_is_crossed_upwards() {
    let set = two_numbers("  - { id: r, title: R, when: n > m, effects: { complex: 5 }, because: x, source: y }\n");
    assert_eq!(flips_of_n(&set, 10, 50), [(51, "complex".to_owned())]);
    // And back down from above, crossing the other answer the other way.
    assert_eq!(flips_of_n(&set, 80, 50), [(50, "simple".to_owned())]);
}

#[test]
fn comparisons_with_another_answer_are_crossed_both_ways() {
    let set = two_numbers(
        "  - { id: a, title: A, when: n >= m, effects: { complex: 5 }, because: x, source: y }\n  \
         - { id: b, title: B, when: n < m, effects: { simple: 1 }, because: x, source: y }\n  \
         - { id: c, title: C, when: m > n, effects: { complex: -1 }, because: x, source: y }\n",
    );
    // n = 60 >= m = 50: complex 5 against 0. The nearest flip below is 49; nothing above flips.
    assert_eq!(flips_of_n(&set, 60, 50), [(49, "simple".to_owned())]);
    // n = 10 < m = 50: simple. Reaching m flips it.
    assert_eq!(flips_of_n(&set, 10, 50), [(50, "complex".to_owned())]);
}
