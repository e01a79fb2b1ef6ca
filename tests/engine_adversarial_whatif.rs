//! The what-if search over generated rule sets at the edges (more than 64
//! rules, integer literals and question bounds at the ends of `i64`, choice
//! questions with 64 values or more, ask-conditions, derived facts, answers
//! of another kind, overlays that override and disable rules): every change
//! it claims flips the recommendation does, and none is missed that a full
//! evaluation of the changed answers finds.

// An integration-test crate is test code throughout (clippy.toml allows these in tests).
#![allow(clippy::panic)]

use std::fmt::Write as _;

use proptest::prelude::*;
use shouldtune::eval::{Answers, Evaluation, evaluate};
use shouldtune::load::Limits;
use shouldtune::rules::{self, ApproachId, QuestionId, QuestionKind, RuleSet, TiSlice, TiVec, Value};
use shouldtune::source::SourceFile;
use shouldtune::whatif::{self, WhatIf};

#[path = "support/generated_rule_sets.rs"]
mod generated;
use generated::*;

fn full(set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>, question: QuestionId, to: Value) -> ApproachId {
    let mut changed = given.to_owned();
    changed.resize(set.questions.len(), None);
    changed[question] = Some(to);
    evaluate(set, Answers::resolve(set, &changed)).recommendation
}

/// The literals integer question `question` is compared with, in every rule and ask-condition.
fn thresholds(set: &RuleSet, question: QuestionId) -> Vec<i64> {
    let conditions = set.rules.iter().map(|r| &r.when).chain(set.questions.iter().filter_map(|q| q.ask_when.as_ref()));
    conditions.flat_map(|c| c.expr.int_thresholds(question)).map(|(_, v)| v).collect()
}

/// Checks `found` (from `whatif::flips`) for question `question`: every
/// claim is real, and for a boolean or a choice every other answer that flips
/// the recommendation is claimed; for an integer within its bounds, a flip is
/// claimed on each side where a probed value flips (near the answer, the
/// thresholds, the bounds and the other integer answers), and no probed value nearer than it flips.
fn flips_of_one_question(
    set: &RuleSet,
    given: &TiSlice<QuestionId, Option<Value>>,
    evaluation: &Evaluation,
    found: &[WhatIf],
    question: QuestionId,
) -> Result<(), TestCaseError> {
    let id = &set.questions[question].id;
    let current = evaluation.answers.values()[question];
    let claims: Vec<&WhatIf> = found.iter().filter(|w| w.question == question).collect();
    for w in &claims {
        prop_assert_eq!(w.from, current);
        prop_assert_ne!(w.to, current);
        prop_assert_eq!(full(set, given, question, w.to), w.recommendation, "{} to {:?}", id, w.to);
    }
    let flips = |to: Value| full(set, given, question, to) != evaluation.recommendation;
    let mut claimed: Vec<Value> = claims.iter().map(|w| w.to).collect();
    match (&set.questions[question].kind, current) {
        (QuestionKind::Boolean, Value::Bool(b)) => {
            let expected: Vec<Value> = [Value::Bool(!b)].into_iter().filter(|&v| flips(v)).collect();
            prop_assert_eq!(claimed, expected, "{}", id);
        }
        (QuestionKind::Choice { values }, Value::Choice(now)) => {
            let count = u16::try_from(values.len()).unwrap_or(u16::MAX);
            let expected: Vec<Value> =
                (0..count).filter(|&v| v != now).map(Value::Choice).filter(|&v| flips(v)).collect();
            claimed.sort_by_key(|v| match v {
                Value::Choice(c) => *c,
                _ => u16::MAX,
            });
            prop_assert_eq!(claimed, expected, "{}", id);
        }
        // An answer outside the question's bounds (descriptors refuse one; the library
        // API takes it) can be nearer a bound than any threshold: only its claims are checked.
        (QuestionKind::Integer { min, max }, Value::Int(now))
            if min.is_none_or(|lo| now >= lo) && max.is_none_or(|hi| now <= hi) =>
        {
            let allowed = |v: i64| min.is_none_or(|lo| v >= lo) && max.is_none_or(|hi| v <= hi);
            let mut probes: Vec<i64> = (-30_i64..=30).map(|d| now.saturating_add(d)).collect();
            probes
                .extend(thresholds(set, question).iter().flat_map(|&t| (-2_i64..=2).map(move |d| t.saturating_add(d))));
            // Either side of every other integer answer, which a condition may compare this one with.
            let others = evaluation.answers.values().iter().filter_map(|v| match *v {
                Value::Int(v) => Some(v),
                _ => None,
            });
            probes.extend(others.flat_map(|t| (-2_i64..=2).map(move |d| t.saturating_add(d))));
            probes.extend(min.iter().chain(max).copied().chain([i64::MIN, i64::MAX, 0]));
            probes.retain(|&v| v != now && allowed(v));
            probes.sort_unstable();
            probes.dedup();
            let flipping: Vec<i64> = probes.into_iter().filter(|&v| flips(Value::Int(v))).collect();
            for above in [true, false] {
                let side = |v: i64| if above { v > now } else { v < now };
                let on_side: Vec<i64> = claimed
                    .iter()
                    .filter_map(|v| match *v {
                        Value::Int(v) if side(v) => Some(v),
                        _ => None,
                    })
                    .collect();
                prop_assert!(on_side.len() <= 1, "{}: {:?}", id, claims);
                let nearest = flipping.iter().copied().filter(|&v| side(v)).min_by_key(|v| v.abs_diff(now));
                match (on_side.first(), nearest) {
                    (None, Some(nearest)) => {
                        prop_assert!(
                            false,
                            "{} from {}: {} flips, no flip found that side: {:?}",
                            id,
                            now,
                            nearest,
                            found
                        );
                    }
                    (Some(&claimed), Some(nearest)) => prop_assert!(
                        claimed.abs_diff(now) <= nearest.abs_diff(now),
                        "{} from {}: {} flips, nearer than the flip found, {}",
                        id,
                        now,
                        nearest,
                        claimed
                    ),
                    _ => {}
                }
            }
        }
        (QuestionKind::Integer { .. }, Value::Int(_)) => {}
        _ => prop_assert!(claims.is_empty(), "{}: an answer of another kind has no what-if: {:?}", id, claims),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Half the rule sets compare answers with each other too (`q1 < q3`).
    #[test]
    fn what_ifs_over_adversarial_rule_sets_are_real_and_complete(
        spec in spec(),
        seeds in answer_seeds(),
        compare in any::<bool>(),
    ) {
        let set = load(&spec, compare);
        let given = answers(&set, &seeds);
        let evaluation = evaluate(&set, Answers::resolve(&set, &given));
        let search = whatif::what_if_within(&set, &given, &evaluation, whatif::WORK_BUDGET);
        let found = whatif::flips(&set, &given, &evaluation);
        let mut sorted = found.clone();
        sorted.sort_by(|a, b| a.size.total_cmp(&b.size).then(a.question.cmp(&b.question)));
        sorted.truncate(whatif::MAX_WHAT_IFS);
        prop_assert_eq!(&search.flips, &sorted);
        prop_assert_eq!(whatif::what_if(&set, &given, &evaluation), sorted);
        prop_assume!(!search.truncated);
        for (question, q) in set.questions.iter_enumerated() {
            if evaluation.answers.is_applicable(question) && q.derived.is_none() {
                flips_of_one_question(&set, &given, &evaluation, &found, question)?;
            } else {
                prop_assert!(!found.iter().any(|w| w.question == question), "{} cannot change", q.id);
            }
        }
    }
}
