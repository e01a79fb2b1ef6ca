use std::fmt::Write as _;

use proptest::prelude::*;

use super::*;
use crate::eval::incremental::Trials;
use crate::eval::{Answers, Combination, Evaluation, Veto, evaluate};
use crate::rules::expr::{CmpOp, Expr, IntOperand};
use crate::rules::program::{MAX_TERMS, Term, int_compare, to_u32};
use crate::rules::{self, QuestionId, RuleSet, TiSlice, TiVec, Value};
use crate::test_support::{any_answers, default_rules};

const OPS: [CmpOp; 6] = [CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge];

/// Any value of any kind: conditions must also agree on slots holding the wrong kind.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![any::<i64>(), -3_i64..3, Just(i64::MIN), Just(i64::MAX)].prop_map(Value::Int),
        prop_oneof![0_u16..8, 60_u16..200, Just(u16::MAX)].prop_map(Value::Choice),
    ]
}

fn literal() -> impl Strategy<Value = i64> {
    prop_oneof![-3_i64..3, Just(i64::MIN), Just(i64::MIN + 1), Just(i64::MAX), Just(i64::MAX - 1), any::<i64>()]
}

fn operand() -> impl Strategy<Value = IntOperand> {
    prop_oneof![(0_usize..6).prop_map(|q| IntOperand::Question(q.into())), literal().prop_map(IntOperand::Literal)]
}

/// Any condition over six slots (and one past them), of every node kind.
fn any_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        any::<bool>().prop_map(Expr::Const),
        (0_usize..7).prop_map(|q| Expr::Flag(q.into())),
        ((0_usize..6).prop_map(|i| OPS[i]), operand(), operand()).prop_map(|(op, l, r)| Expr::IntCompare(op, l, r)),
        (0_usize..7, proptest::collection::btree_set(prop_oneof![0_u16..8, 60_u16..200], 1..4), any::<bool>())
            .prop_map(|(question, values, negate)| Expr::ChoiceIn {
                question: question.into(),
                values: values.into_iter().collect(),
                negate
            }),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Expr::Not(Box::new(e))),
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Expr::All),
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Expr::Any),
            (inner.clone(), inner, any::<bool>()).prop_map(|(l, r, n)| Expr::BoolEquals(Box::new(l), Box::new(r), n)),
        ]
    })
}

/// The evaluation as the rules read, condition by condition through [`Expr::eval`]:
/// the reference the compiled form must agree with.
fn straightforward(rule_set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Evaluation {
    let mut values = TiVec::new();
    let mut provenance = TiVec::new();
    for (index, question) in rule_set.questions.iter_enumerated() {
        let applicable = question.ask_when.as_ref().is_none_or(|c| c.expr.eval(&values));
        let (value, source) = match given.get(index).copied().flatten() {
            _ if !applicable => (question.default, crate::eval::Provenance::NotApplicable),
            Some(value) if question.derived.is_some() => (value, crate::eval::Provenance::Derived),
            Some(value) => (value, crate::eval::Provenance::Given),
            None => (question.default, crate::eval::Provenance::Assumed),
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
    let recommendation = ranking.first().copied().unwrap_or_default();
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

/// The default rules, the default rules with [`overlay_set`], with
/// [`wide_overlay_set`] and with [`derived_overlay_set`], loaded once; then the
/// same four evaluated the other way every time there is a choice: term by
/// term (not transposed), weights added one by one with saturating additions
/// (no dense rows), and what-if trials summing the scores again (as when
/// scores could saturate). Both ways are held against the straightforward evaluation.
fn sets() -> &'static [RuleSet; 8] {
    static SETS: std::sync::LazyLock<[RuleSet; 8]> = std::sync::LazyLock::new(|| {
        let sets = [default_rules(), overlay_set(), wide_overlay_set(), derived_overlay_set()];
        let by_terms = sets.clone().map(|mut set| {
            set.program.transposed = false;
            set.program.weights.clear();
            set.program.dependencies.exact = false;
            set
        });
        let [a, b, c, d] = sets;
        let [e, f, g, h] = by_terms;
        [a, b, c, d, e, f, g, h]
    });
    &SETS
}

/// The default rules with a rule whose condition multiplies out to more
/// terms than `MAX_TERMS`, so that it reads derived bits: such a program is
/// not transposed.
fn derived_overlay_set() -> RuleSet {
    let text = "extends: default
rules:
  - { id: wide-and, title: D, when: '(specific_tone or strict_output_format) and (task_type == qa or latency_sensitive) and (examples_available > 10 or baseline_exists) and (hallucination_tolerance == low or needs_private_knowledge)', effects: { fine_tuning: 2, rag: -1 }, because: x, source: guidance-1 }
";
    rules::load(&[crate::source::SourceFile::new("derived.yaml", text)], crate::load::Limits::default())
        .unwrap_or_else(|d| unreachable!("{d:?}"))
}

/// The default rules with an overlay whose rules use every kind of condition and veto.
fn overlay_set() -> RuleSet {
    let text = "extends: default
rules:
  - { id: ban-rag, title: B, when: 'deadline_weeks == 30 and task_type == qa', veto: [fine_tuning], because: x, source: guidance-1 }
  - { id: ints, title: I, when: 'prompt_tokens > examples_available or 5 >= deadline_weeks', effects: { rag: 3, fine_tuning: 1 }, because: x, source: guidance-1 }
  - { id: same, title: S, when: 'specific_tone == (monthly_requests != 10000)', effects: { prompt_engineering: 2 }, combine_with: [rag], because: x, source: guidance-1 }
  - { id: advise, title: A, when: 'hallucination_tolerance != high', when_recommended: [rag, fine_tuning], next_step: go, because: x, source: guidance-1 }
";
    rules::load(&[crate::source::SourceFile::new("overlay.yaml", text)], crate::load::Limits::default())
        .unwrap_or_else(|d| unreachable!("{d:?}"))
}

/// The default rules with 70 more rules, each comparing `examples_available`
/// with its own threshold: more than 64 atoms and more than 64 rules, so
/// the bitsets take several words and some terms check more than one.
fn wide_overlay_set() -> RuleSet {
    let mut text = String::from("extends: default\nrules:\n");
    for k in 0..70 {
        let weight = k % 3 + 1;
        let veto = if k % 17 == 5 { ", veto: [fine_tuning]" } else { "" };
        let _ = writeln!(
            text,
            "  - {{ id: wide-{k}, title: W, when: 'task_type == qa or examples_available >= {} and not specific_tone', \
             effects: {{ rag: {weight}, fine_tuning: -{weight} }}{veto}, because: x, source: guidance-1 }}",
            40 * k + 7
        );
    }
    rules::load(&[crate::source::SourceFile::new("wide.yaml", text)], crate::load::Limits::default())
        .unwrap_or_else(|d| unreachable!("{d:?}"))
}

#[test]
fn the_default_rules_take_the_one_word_path_and_the_wide_overlay_the_general_one() {
    // `decide` evaluates the rules' terms as bare checks of one word when the
    // atoms fit in one word and there are at most 64 rules; the property tests
    // compare both paths with the straightforward evaluation.
    let [default, _, wide, ..] = sets();
    let one_word = |set: &RuleSet| set.program().bit_words() == 1 && set.rules.len() <= 64;
    assert!(one_word(default), "{} atoms, {} rules", default.program().atoms.len(), default.rules.len());
    assert!(!one_word(wide) && wide.program().bit_words() > 1 && wide.rules.len() > 64);
    let program = wide.program();
    assert!(program.terms.iter().any(|term| term.rest.len > 0), "a term checks several words");
}

#[test]
fn which_programs_are_transposed_and_how_wide_their_rows_are() {
    // The property tests hold each of these ways against the straightforward
    // evaluation: rows of two words (the default rules, and the overlay with
    // a comparison of two answers, a loose atom), wider rows (the wide
    // overlay), and no transposition (a rule reading derived bits; and every
    // set evaluated term by term in the last four of `sets`).
    let [default, overlay, wide, derived, by_terms @ ..] = sets();
    assert!(default.program().transposed && default.program().slot_words == 2);
    assert!(!default.program().extra_rules.is_empty(), "some rule has several terms");
    assert!(overlay.program().transposed && !overlay.program().loose.is_empty());
    assert!(wide.program().transposed && wide.program().slot_words > 2);
    assert!(!derived.program().transposed && !derived.program().derived.is_empty());
    assert!(by_terms.iter().all(|set| !set.program().transposed));
    // Dense weight rows, unless cleared to test the other way.
    assert!(sets()[..4].iter().all(|set| set.program().weights.len() == set.rules.len()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_compiled_condition_agrees_with_the_expression(expr in any_expr(), values in proptest::collection::vec(any_value(), 0..7)) {
        let values = TiVec::<QuestionId, Value>::from(values);
        // The default bound on terms, and bounds so small that most `and`s, `==` and `!=` make derived bits.
        for max_terms in [MAX_TERMS, 1, 2] {
            let program = Program::single(&expr, max_terms);
            prop_assert_eq!(program.single_holds(&values), expr.eval(&values), "{:?} over {:?}, {} terms", expr, values, max_terms);
            prop_assert_eq!(program.asks(QuestionId::from(0), &values), expr.eval(&values), "lazily: {:?} over {:?}, {} terms", expr, values, max_terms);
        }
    }

    #[test]
    fn every_default_condition_agrees_with_its_expression(given in any_answers(&sets()[0])) {
        let set = &sets()[0];
        let values = Answers::resolve(set, &given).values().to_owned();
        for rule in &set.rules {
            for max_terms in [MAX_TERMS, 1] {
                let program = Program::single(&rule.when.expr, max_terms);
                prop_assert_eq!(program.single_holds(&values), rule.when.expr.eval(&values), "{}", rule.id);
            }
        }
        for (index, question) in set.questions.iter_enumerated() {
            let expected = question.ask_when.as_ref().is_none_or(|c| c.expr.eval(&values));
            prop_assert_eq!(set.program().asks(index, &values), expected, "{}", question.id);
        }
    }

    #[test]
    fn the_engine_agrees_with_the_straightforward_evaluation(given in any_answers(&sets()[1])) {
        for set in sets() {
            prop_assert_eq!(evaluate(set, Answers::resolve(set, &given)), straightforward(set, &given));
        }
    }

    #[test]
    fn the_transposed_and_the_term_by_term_decisions_agree(given in any_answers(&sets()[1])) {
        let (transposed, by_terms) = sets().split_at(4);
        for (set, other) in transposed.iter().zip(by_terms) {
            let values = Answers::resolve(set, &given);
            let (mut a, mut b) = (Decision::default(), Decision::default());
            set.program().decide(values.values(), &mut a);
            other.program().decide(values.values(), &mut b);
            prop_assert_eq!((&a.holding, &a.fired, &a.scores, &a.vetoed_by, a.recommendation), (&b.holding, &b.fired, &b.scores, &b.vetoed_by, b.recommendation));
        }
    }

    #[test]
    fn an_incremental_trial_agrees_with_a_full_evaluation(
        given in any_answers(&sets()[1]),
        changes in proptest::collection::vec((0_usize..64, any::<prop::sample::Index>()), 1..8),
    ) {
        for set in sets() {
            let answers = Answers::resolve(set, &given);
            let mut trials = Trials::new(set, &given, answers.values());
            for &(question, pick) in &changes {
                let question = QuestionId::from(question % set.questions.len());
                let candidates: Vec<Value> = match &set.questions[question].kind {
                    crate::rules::QuestionKind::Boolean => vec![Value::Bool(false), Value::Bool(true)],
                    crate::rules::QuestionKind::Choice { values } => (0..values.len()).map(|v| Value::Choice(u16::try_from(v).unwrap_or(0))).collect(),
                    crate::rules::QuestionKind::Integer { .. } => vec![Value::Int(0), Value::Int(3), Value::Int(10), Value::Int(49), Value::Int(50), Value::Int(2000), Value::Int(9_999), Value::Int(10_000)],
                };
                let to = candidates[pick.index(candidates.len())];
                let mut changed = given.clone();
                changed.resize(set.questions.len(), None);
                changed[question] = Some(to);
                let full = evaluate(set, Answers::resolve(set, &changed)).recommendation;
                prop_assert_eq!(trials.recommendation_with(question, to), full, "question {} to {:?}", question.index(), to);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// As the what-if search tries them: every candidate answer of a question in
    /// a row (so answers of a class already tried come from the cache), question after question.
    #[test]
    fn trials_of_every_candidate_in_a_row_agree_with_full_evaluations(given in any_answers(&sets()[1])) {
        for set in sets() {
            let answers = Answers::resolve(set, &given);
            let mut trials = Trials::new(set, &given, answers.values());
            let mut changed = given.clone();
            changed.resize(set.questions.len(), None);
            for (question, q) in set.questions.iter_enumerated() {
                let candidates: Vec<Value> = match &q.kind {
                    crate::rules::QuestionKind::Boolean => vec![Value::Bool(false), Value::Bool(true)],
                    crate::rules::QuestionKind::Choice { values } => (0..values.len()).map(|v| Value::Choice(u16::try_from(v).unwrap_or(0))).collect(),
                    crate::rules::QuestionKind::Integer { .. } => set.program().dependencies().int_candidates(question.index()).iter().map(|&v| Value::Int(v)).collect(),
                };
                for to in candidates {
                    let previous = changed[question].replace(to);
                    let full = evaluate(set, Answers::resolve(set, &changed)).recommendation;
                    changed[question] = previous;
                    prop_assert_eq!(trials.recommendation_with(question, to), full, "question {} to {:?}", question.index(), to);
                }
            }
        }
    }
}

#[test]
fn a_comparison_at_the_edge_of_the_integers_is_folded_not_wrapped() {
    let q = IntOperand::Question(QuestionId::from(0));
    assert_eq!(int_compare(CmpOp::Lt, q, IntOperand::Literal(i64::MIN)), Err(false));
    assert_eq!(int_compare(CmpOp::Gt, q, IntOperand::Literal(i64::MAX)), Err(false));
    assert_eq!(
        int_compare(CmpOp::Lt, IntOperand::Literal(5), q),
        Ok(Atom::InRange { question: 0, lo: 6, hi: i64::MAX, negate: false }),
        "`5 < n` is `n >= 6`"
    );
    assert_eq!(int_compare(CmpOp::Le, IntOperand::Literal(2), IntOperand::Literal(1)), Err(false));
}

#[test]
fn literals_merge_into_one_check_and_shared_atoms_are_evaluated_once() {
    let set = &sets()[0];
    let program = set.program();
    // `baseline_exists and baseline_meets_target and not fine_tuning_breaks_even`: one check.
    let rule = set.rules.position(|r| r.id == "baseline-meets-target").unwrap_or_default();
    let code = program.rules[rule.index()].condition;
    assert!(
        matches!(program.terms[code.range()], [Term { mask, want, rest, .. }] if mask.count_ones() == 3 && want.count_ones() == 2 && rest.len == 0),
        "{:?}",
        &program.terms[code.range()]
    );
    // `baseline_exists` is read by many rules and is one atom.
    let question = set.question_index("baseline_exists").unwrap_or_default();
    assert_eq!(program.atoms.iter().filter(|a| **a == Atom::Flag(to_u32(question))).count(), 1);
    // The default rules need no derived bits.
    assert!(program.derived.is_empty());
}

fn flag(q: usize) -> Expr {
    Expr::Flag(QuestionId::from(q))
}

fn answers(values: Vec<Value>) -> TiVec<QuestionId, Value> {
    TiVec::from(values)
}

#[test]
fn negation_goes_down_to_the_atoms() {
    // `not (a and (b or not c))` is `not a or (not b and c)`: two terms, three atoms.
    let expr = Expr::Not(Box::new(Expr::All(vec![flag(0), Expr::Any(vec![flag(1), Expr::Not(Box::new(flag(2)))])])));
    let program = Program::single(&expr, MAX_TERMS);
    let terms: Vec<(u64, u64, u32)> = program.terms.iter().map(|t| (t.mask, t.want, t.rest.len)).collect();
    assert_eq!(terms, [(0b001, 0b000, 0), (0b110, 0b100, 0)]);
    for bits in 0..8_u8 {
        let values = answers((0..3).map(|i| Value::Bool(bits >> i & 1 == 1)).collect());
        assert_eq!(program.single_holds(&values), expr.eval(&values), "{values:?}");
    }
}

#[test]
fn a_condition_that_would_multiply_out_exponentially_stays_small() {
    // `(q0 or q1) and (q2 or q3) and ...` over 40 flags: 2^20 terms multiplied out.
    let chain = Expr::All((0..20).map(|i| Expr::Any(vec![flag(2 * i), flag(2 * i + 1)])).collect());
    // And `==` nested 30 deep: both sides of each become one bit.
    let nested = (40..70).fold(flag(70), |inner, q| Expr::BoolEquals(Box::new(flag(q)), Box::new(inner), q % 3 == 0));
    for expr in [chain, nested] {
        let program = Program::single(&expr, MAX_TERMS);
        assert!(!program.derived.is_empty());
        let size = program.terms.len() + program.checks.len();
        assert!(size < 200, "{size} terms and checks");
        for seed in 0..64_u64 {
            let values = answers(
                (0..71_u64)
                    .map(|i| Value::Bool((seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (i % 64)) & 1 == 1 || i == seed))
                    .collect(),
            );
            assert_eq!(program.single_holds(&values), expr.eval(&values), "seed {seed}");
            assert_eq!(program.asks(QuestionId::from(0), &values), expr.eval(&values), "seed {seed}, lazily");
        }
    }
}

#[test]
fn atoms_reading_one_question_are_evaluated_in_groups_of_at_most_64() {
    // 100 ranges over question 1 (two groups, the first ending at the end of
    // the bitset's first word), a flag, a choice set and a comparison of two answers.
    let q = |i: usize| IntOperand::Question(QuestionId::from(i));
    let ranges = (0..100).map(|i| {
        Expr::IntCompare(if i % 2 == 0 { CmpOp::Ge } else { CmpOp::Lt }, q(1), IntOperand::Literal(i * 3 - 50))
    });
    let items: Vec<Expr> = ranges
        .chain([
            flag(0),
            Expr::ChoiceIn { question: QuestionId::from(2), values: vec![1, 70], negate: true },
            Expr::IntCompare(CmpOp::Lt, q(1), q(3)),
        ])
        .collect();
    // Every atom matters: an odd number of them holds.
    let expr = items
        .iter()
        .skip(1)
        .fold(items[0].clone(), |acc, item| Expr::BoolEquals(Box::new(acc), Box::new(item.clone()), true));
    let program = Program::single(&expr, MAX_TERMS);
    let groups: Vec<(u32, u32)> = program.groups.iter().map(|g| (g.question, g.len)).collect();
    assert_eq!(groups, [(0, 1), (1, 63), (1, 37)]);
    assert_eq!(program.loose.len(), 2);
    for n in -60..260 {
        for values in [
            answers(vec![
                Value::Bool(n % 3 == 0),
                Value::Int(n),
                Value::Choice(u16::try_from(n.rem_euclid(80)).unwrap_or(0)),
                Value::Int(50),
            ]),
            answers(vec![Value::Int(n), Value::Choice(1), Value::Bool(true), Value::Int(n)]),
        ] {
            assert_eq!(program.single_holds(&values), expr.eval(&values), "{values:?}");
            assert_eq!(program.asks(QuestionId::from(0), &values), expr.eval(&values), "{values:?}, lazily");
        }
    }
}

#[test]
fn deciding_again_reuses_the_decision() {
    let set = default_rules();
    let values = Answers::resolve(&set, TiSlice::from_ref(&[])).values().to_owned();
    let mut decision = Decision::default();
    set.program().decide(&values, &mut decision);
    let first = decision.clone();
    let capacity = |d: &Decision| {
        let vectors = [&d.bits, &d.ruled_out, &d.holding, &d.fired];
        (vectors.map(Vec::capacity), d.scores.capacity(), d.vetoed_by.capacity())
    };
    let before = capacity(&decision);
    set.program().decide(&values, &mut decision);
    assert_eq!(decision, first);
    assert_eq!(capacity(&decision), before);
}
