use super::*;
use crate::rules::{self, RuleSet};
use crate::source::SourceFile;

fn a(i: usize) -> ApproachId {
    ApproachId::from(i)
}

fn r(i: usize) -> RuleId {
    RuleId::from(i)
}

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
        Err(d) => panic!("{d:#?}"),
    }
}

fn run(set: &RuleSet, given: &[Option<Value>]) -> Evaluation {
    evaluate(set, Answers::resolve(set, TiSlice::from_ref(given)))
}

#[test]
fn ties_go_to_the_simpler_approach() {
    let set = rule_set("  - { id: r, title: R, when: a, effects: { simple: 1, complex: 1 }, because: x, source: y }\n");
    let e = run(&set, &[Some(Value::Bool(true))]);
    assert_eq!(e.recommendation, a(0));
    assert!(e.won_by_tie);
    assert_eq!(e.ranking, vec![a(0), a(2), a(1)]);
}

#[test]
fn highest_score_wins_and_vetoes_remove_approaches() {
    let set = rule_set(
        "  - { id: up, title: Up, when: n >= 10, effects: { complex: 5 }, because: x, source: y }
  - { id: no, title: No, when: n < 100, veto: [complex], because: x, source: y }
",
    );
    let e = run(&set, &[None, Some(Value::Int(50))]);
    assert_eq!(e.scores.raw, vec![0, 0, 5]);
    assert_eq!(e.vetoes, vec![Veto { approach: a(2), rule: r(1) }]);
    assert_eq!(e.recommendation, a(0), "the vetoed top scorer must not win");
    assert_eq!(e.ranking.last(), Some(&a(2)));
    let e = run(&set, &[None, Some(Value::Int(100))]);
    assert_eq!(e.recommendation, a(2));
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
    assert_eq!(e.recommendation, a(2));
    assert_eq!(e.fired, vec![r(0), r(1)]);
    assert_eq!(e.next_steps, vec![r(1)]);
    assert_eq!(e.combine_with, vec![Combination { approach: a(1), rule: r(0) }]);
}

#[test]
fn unanswered_and_inapplicable_questions_take_defaults() {
    let set = rule_set("  - { id: r, title: R, when: b, effects: { middle: 1 }, because: x, source: y }\n");
    // `b` is asked only when `a`; with `a` false, its given answer is ignored.
    let given = [Some(Value::Bool(false)), None, Some(Value::Bool(false))];
    let answers = Answers::resolve(&set, TiSlice::from_ref(&given));
    assert_eq!(answers.provenance().raw, [Provenance::Given, Provenance::Assumed, Provenance::NotApplicable]);
    assert_eq!(answers.values()[QuestionId::from(2)], Value::Bool(true));
    assert_eq!(evaluate(&set, answers).recommendation, a(1));
    let given = [Some(Value::Bool(true)), None, Some(Value::Bool(false))];
    let answers = Answers::resolve(&set, TiSlice::from_ref(&given));
    assert_eq!(answers.provenance()[QuestionId::from(2)], Provenance::Given);
    assert_eq!(evaluate(&set, answers).recommendation, a(0));
}

mod properties {
    use proptest::prelude::*;

    use super::super::*;
    use crate::load::Limits;
    use crate::rules::{self, RuleSet};
    use crate::source::SourceFile;

    fn default_set() -> RuleSet {
        rules::load_default().unwrap()
    }

    fn overlay(rule: &str) -> RuleSet {
        let text = format!("extends: default\nrules:\n{rule}");
        rules::load(&[SourceFile::new("overlay.yaml", text)], Limits::default()).unwrap()
    }

    fn answers() -> impl Strategy<Value = TiVec<QuestionId, Option<Value>>> {
        crate::test_support::any_answers(&default_set())
    }

    /// Conditions over the default questions, of every operator kind.
    fn condition() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("true".to_owned()),
            Just("strict_output_format".to_owned()),
            Just("not latency_sensitive".to_owned()),
            (0_i64..2000).prop_map(|n| format!("examples_available >= {n}")),
            (0_i64..30).prop_map(|n| format!("deadline_weeks < {n} or specific_tone")),
            Just("knowledge_freshness in [weekly, daily] and hallucination_tolerance != high".to_owned()),
            Just("task_type == classification and (baseline_exists or wants_smaller_model)".to_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn evaluation_is_deterministic_and_the_winner_is_a_top_scoring_non_vetoed_approach(given in answers()) {
            let set = default_set();
            let first = evaluate(&set, Answers::resolve(&set, &given));
            let second = evaluate(&set, Answers::resolve(&set, &given));
            prop_assert_eq!(&first, &second);
            let winner = first.recommendation;
            prop_assert!(!first.is_vetoed(winner));
            for approach in set.approaches.keys() {
                if !first.is_vetoed(approach) {
                    prop_assert!(first.scores[winner] >= first.scores[approach]);
                    if first.scores[winner] == first.scores[approach] {
                        prop_assert!(winner <= approach, "ties go to the simpler approach");
                    }
                }
            }
        }

        #[test]
        fn a_rule_without_effects_changes_nothing(given in answers(), when in condition()) {
            let base = default_set();
            let with = overlay(&format!("  - {{ id: noop, title: No-op, when: '{when}', next_step: nothing, because: x, source: guidance-1 }}\n"));
            let a = evaluate(&base, Answers::resolve(&base, &given));
            let b = evaluate(&with, Answers::resolve(&with, &given));
            prop_assert_eq!(a.recommendation, b.recommendation);
            prop_assert_eq!(&a.scores, &b.scores);
            prop_assert_eq!(&a.vetoes, &b.vetoes);
            prop_assert_eq!(&a.ranking, &b.ranking);
        }

        #[test]
        fn a_veto_always_removes_its_approach(given in answers(), when in condition(), target in prop_oneof![Just("prompt_engineering"), Just("fine_tuning")]) {
            let text = format!("extends: default\nrules:\n  - {{ id: ban, title: Ban, when: '{when}', veto: [{target}], because: x, source: guidance-1 }}\n");
            let set = match rules::load(&[SourceFile::new("overlay.yaml", text)], Limits::default()) {
                Ok(set) => set,
                // A ban that, with the default gates, could veto every approach at once is refused at load time.
                Err(errors) => {
                    prop_assert!(errors.iter().any(|e| e.message.contains("every approach can be vetoed")), "{errors:?}");
                    return Ok(());
                }
            };
            let evaluation = evaluate(&set, Answers::resolve(&set, &given));
            let fired = evaluation.fired.iter().any(|&r| set.rules[r].id == "ban");
            let index = set.approach_index(target).unwrap();
            if fired {
                prop_assert!(evaluation.is_vetoed(index));
                prop_assert_ne!(evaluation.recommendation, index);
                prop_assert!(!evaluation.combine_with.iter().any(|c| c.approach == index));
            }
        }
    }
}

/// The decision model's promises about the shipped rules, over generated answer sets.
mod default_rules {
    use proptest::prelude::*;

    use super::super::*;
    use crate::rules::{self, QuestionKind, RuleSet};

    fn set() -> RuleSet {
        rules::load_default().unwrap()
    }

    fn index(set: &RuleSet, id: &str) -> QuestionId {
        set.question_index(id).unwrap_or_else(|| panic!("no question `{id}`"))
    }

    fn approach(set: &RuleSet, id: &str) -> ApproachId {
        set.approach_index(id).unwrap_or_else(|| panic!("no approach `{id}`"))
    }

    fn choice(set: &RuleSet, question: &str, value: &str) -> Value {
        match &set.questions[index(set, question)].kind {
            QuestionKind::Choice { values } => Value::Choice(
                values.iter().position(|v| v == value).and_then(|i| u16::try_from(i).ok()).unwrap_or(u16::MAX),
            ),
            _ => panic!("`{question}` is not a choice"),
        }
    }

    fn with(
        given: &TiSlice<QuestionId, Option<Value>>,
        slot: QuestionId,
        value: Value,
    ) -> TiVec<QuestionId, Option<Value>> {
        let mut changed = given.to_owned();
        changed[slot] = Some(value);
        changed
    }

    fn run(set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Evaluation {
        evaluate(set, Answers::resolve(set, given))
    }

    #[test]
    fn every_answer_at_its_default_recommends_prompt_engineering() {
        let set = set();
        let unanswered: TiVec<QuestionId, Option<Value>> = set.questions.iter().map(|_| None).collect();
        // With and without the cost model's derived fact.
        for given in [unanswered.clone(), crate::facts::with_facts(&set, &unanswered, None)] {
            let evaluation = run(&set, &given);
            assert_eq!(set.approaches[evaluation.recommendation].id, "prompt_engineering", "{evaluation:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn a_deadline_of_a_week_never_recommends_fine_tuning(given in crate::test_support::any_answers(&set())) {
            let set = set();
            let given = with(&given, index(&set, "deadline_weeks"), Value::Int(1));
            prop_assert_ne!(run(&set, &given).recommendation, approach(&set, "fine_tuning"));
        }

        #[test]
        fn more_labelled_examples_never_lower_fine_tunings_score(
            given in crate::test_support::any_answers(&set()),
            fewer in 0_i64..20_000,
            more in 0_i64..20_000,
        ) {
            let set = set();
            let (fewer, more) = (fewer.min(more), fewer.max(more));
            let slot = index(&set, "examples_available");
            let ft = approach(&set, "fine_tuning");
            let low = run(&set, &with(&given, slot, Value::Int(fewer))).scores[ft];
            let high = run(&set, &with(&given, slot, Value::Int(more))).scores[ft];
            prop_assert!(high >= low, "{fewer} examples: {low}, {more} examples: {high}");
        }

        #[test]
        fn fresher_or_private_knowledge_never_lowers_rags_score(
            given in crate::test_support::any_answers(&set()),
            from in 0_u16..5,
            to in 0_u16..5,
        ) {
            let set = set();
            let rag = approach(&set, "rag");
            // Freshness values are declared from static to realtime.
            let slot = index(&set, "knowledge_freshness");
            let (stale, fresh) = (from.min(to), from.max(to));
            let before = run(&set, &with(&given, slot, Value::Choice(stale))).scores[rag];
            let after = run(&set, &with(&given, slot, Value::Choice(fresh))).scores[rag];
            prop_assert!(after >= before);
            let private = index(&set, "needs_private_knowledge");
            let public = run(&set, &with(&given, private, Value::Bool(false))).scores[rag];
            let internal = run(&set, &with(&given, private, Value::Bool(true))).scores[rag];
            prop_assert!(internal >= public);
        }

        #[test]
        fn a_baseline_that_meets_its_target_never_raises_fine_tuning_except_through_cost(
            given in crate::test_support::any_answers(&set()),
        ) {
            let set = set();
            let ft = approach(&set, "fine_tuning");
            let given = with(&given, index(&set, "baseline_exists"), Value::Bool(true));
            let meets = index(&set, "baseline_meets_target");
            let met = run(&set, &with(&given, meets, Value::Bool(true)));
            let missed = run(&set, &with(&given, meets, Value::Bool(false)));
            let breaks_even = met.answers.values()[index(&set, "fine_tuning_breaks_even")] == Value::Bool(true);
            prop_assert!(breaks_even || met.scores[ft] <= missed.scores[ft], "{} > {}", met.scores[ft], missed.scores[ft]);
        }

        #[test]
        fn rag_is_recommended_only_with_knowledge_to_retrieve(given in crate::test_support::any_answers(&set())) {
            let set = set();
            let evaluation = run(&set, &given);
            if evaluation.recommendation == approach(&set, "rag") {
                let values = evaluation.answers.values();
                let asks = [choice(&set, "task_type", "qa"), choice(&set, "task_type", "chat")]
                    .contains(&values[index(&set, "task_type")]);
                let fresh = values[index(&set, "knowledge_freshness")] != choice(&set, "knowledge_freshness", "static");
                let private = values[index(&set, "needs_private_knowledge")] == Value::Bool(true);
                let rag_baseline = values[index(&set, "baseline_exists")] == Value::Bool(true)
                    && values[index(&set, "baseline_approach")] == choice(&set, "baseline_approach", "rag");
                prop_assert!(asks || fresh || private || rag_baseline, "{values:?}");
            }
        }

        /// Next steps come only from advice rules for the approach recommended, and never
        /// contradict each other or the answers.
        #[test]
        fn next_steps_agree_with_the_recommendation_and_the_answers(given in crate::test_support::any_answers(&set())) {
            let set = set();
            let evaluation = run(&set, &given);
            let steps: Vec<&str> = evaluation.next_steps.iter().filter_map(|&r| set.rules[r].next_step.as_deref()).collect();
            for &r in &evaluation.next_steps {
                let rule = &set.rules[r];
                prop_assert!(
                    rule.when_recommended.contains(&evaluation.recommendation) || !rule.when_planned.is_empty(),
                    "`{}` advises for another approach", rule.id
                );
            }
            let has = |prefix: &str| steps.iter().any(|s| s.starts_with(prefix));
            prop_assert!(!(has("Keep the current") && has("Index the source documents")), "{steps:?}");
            let baseline = evaluation.answers.values()[index(&set, "baseline_exists")] == Value::Bool(true);
            prop_assert!(!(baseline && steps.iter().any(|s| s.contains("that score is the baseline"))), "{steps:?}");
            prop_assert!(!(baseline && has("Build and measure")), "{steps:?}");
        }
    }
}
