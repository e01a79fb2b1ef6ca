//! The hand-written evaluator of the default rules (`benches/floor/`), the
//! floor the engine is benchmarked against, decides exactly as the engine does.

use proptest::prelude::*;
use shouldtune::eval::Answers;
use shouldtune::eval::compiled::Decision;
use shouldtune::rules::{self, ApproachId, QuestionId, QuestionKind, RuleSet, TiVec, Value};

#[path = "../../benches/floor/default_rules.rs"]
mod hand_written;

fn default_rules() -> &'static RuleSet {
    static SET: std::sync::LazyLock<RuleSet> =
        std::sync::LazyLock::new(|| rules::load_default().unwrap_or_else(|d| unreachable!("{d:?}")));
    &SET
}

/// Each question answered within its bounds or left out; numbers near the thresholds and far from them.
fn any_given() -> impl Strategy<Value = TiVec<QuestionId, Option<Value>>> {
    let per_question: Vec<BoxedStrategy<Option<Value>>> = default_rules()
        .questions
        .iter()
        .map(|q| {
            let value = match &q.kind {
                QuestionKind::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
                QuestionKind::Integer { .. } => {
                    prop_oneof![0_i64..3000, 0_i64..20_000_000, Just(i64::MAX)].prop_map(Value::Int).boxed()
                }
                QuestionKind::Choice { values } => {
                    (0..u16::try_from(values.len()).unwrap_or(1)).prop_map(Value::Choice).boxed()
                }
            };
            proptest::option::of(value).boxed()
        })
        .collect();
    per_question.prop_map(TiVec::from)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_hand_written_default_rules_decide_like_the_engine(given in any_given()) {
        let set = default_rules();
        let answers = Answers::resolve(set, &given);
        let mut decision = Decision::default();
        set.program().decide(answers.values(), &mut decision);
        let floor = hand_written::decide(&answers.values().raw);
        prop_assert_eq!(&floor.scores[..], &decision.scores().raw);
        for (approach, info) in set.approaches.iter_enumerated() {
            prop_assert_eq!(floor.vetoed[approach.index()], decision.vetoed_by(approach).is_some(), "{}", info.id);
        }
        prop_assert_eq!(ApproachId::from(floor.recommendation), decision.recommendation());
        for (index, rule) in set.rules.iter_enumerated() {
            prop_assert_eq!(floor.fired >> index.index() & 1 == 1, decision.fired(index), "{}", rule.id);
        }
    }
}

#[test]
fn the_hand_written_rules_know_every_default_rule() {
    // One bit per rule in `Outcome::fired`; the plan rule at the end never fires.
    let set = default_rules();
    assert!(set.rules.len() <= 64, "{} rules no longer fit the floor's bitset", set.rules.len());
    assert_eq!(set.rules.len(), 46, "the default rules changed: update benches/floor/default_rules.rs");
    assert_eq!(set.questions.len(), 18, "the default questions changed: update benches/floor/default_rules.rs");
}
