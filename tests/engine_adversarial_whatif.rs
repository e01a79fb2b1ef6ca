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

/// A condition, its questions and values given as seeds (taken modulo what exists when written out).
#[derive(Debug, Clone)]
enum Cond {
    Const(bool),
    Leaf { question: usize, op: u8, literal: i64, other: usize, values: Vec<u16> },
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Same(Box<Cond>, Box<Cond>, bool),
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Bool,
    Int { min: Option<i64>, max: Option<i64> },
    Choice(usize),
}

#[derive(Debug, Clone)]
struct QuestionSpec {
    kind: Kind,
    default: u64,
    ask: Option<Cond>,
    derived: bool,
}

#[derive(Debug, Clone)]
struct RuleSpec {
    role: u8,
    when: Cond,
    effects: Vec<(usize, i32)>,
    veto: Vec<usize>,
    combine: Vec<usize>,
    targets: Vec<usize>,
}

#[derive(Debug, Clone)]
enum Change {
    Override(usize, RuleSpec),
    Disable(usize),
    Add(RuleSpec),
}

#[derive(Debug, Clone)]
struct Spec {
    approaches: usize,
    questions: Vec<QuestionSpec>,
    rules: Vec<RuleSpec>,
    overlay: Vec<Change>,
    /// Conditions without `==` and `!=` between conditions, which make derived
    /// bits: most such rule sets are transposed.
    plain: bool,
}

const OPS: [&str; 6] = ["==", "!=", "<", "<=", ">", ">="];
const CHOICE_SIZES: [usize; 8] = [2, 3, 5, 63, 64, 65, 70, 130];

fn literal() -> impl Strategy<Value = i64> {
    prop_oneof![
        -3_i64..3,
        -150_i64..150,
        Just(i64::MIN),
        Just(i64::MIN + 1),
        Just(i64::MAX),
        Just(i64::MAX - 1),
        any::<i64>(),
    ]
}

fn cond() -> impl Strategy<Value = Cond> {
    let leaf = prop_oneof![
        1 => any::<bool>().prop_map(Cond::Const),
        8 => (any::<usize>(), any::<u8>(), literal(), any::<usize>(), proptest::collection::vec(any::<u16>(), 1..4))
            .prop_map(|(question, op, literal, other, values)| Cond::Leaf { question, op, literal, other, values }),
    ];
    leaf.prop_recursive(3, 12, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| Cond::Not(Box::new(c))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Cond::And(Box::new(a), Box::new(b))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Cond::Or(Box::new(a), Box::new(b))),
            (inner.clone(), inner, any::<bool>()).prop_map(|(a, b, n)| Cond::Same(Box::new(a), Box::new(b), n)),
        ]
    })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        2 => Just(Kind::Bool),
        2 => (0_usize..7).prop_map(|bounds| {
            let (min, max) = match bounds {
                0 => (None, None),
                1 => (Some(0), None),
                2 => (Some(0), Some(100)),
                3 => (Some(i64::MIN), Some(i64::MAX)),
                4 => (Some(-10), Some(10)),
                5 => (Some(5), Some(5)),
                _ => (Some(i64::MAX - 2), None),
            };
            Kind::Int { min, max }
        }),
        2 => (0_usize..CHOICE_SIZES.len()).prop_map(|i| Kind::Choice(CHOICE_SIZES[i])),
    ]
}

fn question() -> impl Strategy<Value = QuestionSpec> {
    (kind(), any::<u64>(), proptest::option::weighted(0.4, cond()), 0_u8..8).prop_map(
        |(kind, default, ask, derived)| {
            if derived == 0 {
                QuestionSpec { kind: Kind::Bool, default, ask: None, derived: true }
            } else {
                QuestionSpec { kind, default, ask, derived: false }
            }
        },
    )
}

fn rule() -> impl Strategy<Value = RuleSpec> {
    (
        0_u8..10,
        cond(),
        proptest::collection::vec((any::<usize>(), prop_oneof![-1000_i32..=1000, -3_i32..=3]), 0..4),
        proptest::collection::vec(any::<usize>(), 0..3),
        proptest::collection::vec(any::<usize>(), 0..3),
        proptest::collection::vec(any::<usize>(), 1..3),
    )
        .prop_map(|(role, when, effects, veto, combine, targets)| RuleSpec {
            role,
            when,
            effects,
            veto,
            combine,
            targets,
        })
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), rule()).prop_map(|(r, spec)| Change::Override(r, spec)),
        any::<usize>().prop_map(Change::Disable),
        rule().prop_map(Change::Add),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        2_usize..7,
        proptest::collection::vec(question(), 1..8),
        prop_oneof![
            2 => proptest::collection::vec(rule(), 0..4),
            3 => proptest::collection::vec(rule(), 4..16),
            2 => proptest::collection::vec(rule(), 60..72),
            1 => proptest::collection::vec(rule(), 120..134),
        ],
        proptest::collection::vec(change(), 0..5),
        any::<bool>(),
    )
        .prop_map(|(approaches, questions, rules, overlay, plain)| Spec {
            approaches,
            questions,
            rules,
            overlay,
            plain,
        })
}

/// An answer given as seeds: `mode` says none, one of the question's kind, or one of another kind.
fn answer_seeds() -> impl Strategy<Value = Vec<(u8, u64)>> {
    proptest::collection::vec((any::<u8>(), any::<u64>()), 8)
}

fn delta(seed: u8) -> i64 {
    i64::from(seed % 3) - 1
}

/// Writes out `cond`, reading only the first `limit` questions (a constant when there are none).
fn render(cond: &Cond, questions: &[QuestionSpec], limit: usize, style: Style, out: &mut String) {
    let compare = style.compare;
    match cond {
        Cond::Const(b) => out.push_str(if *b { "true" } else { "false" }),
        Cond::Leaf { question, op, literal, other, values } => {
            if limit == 0 {
                out.push_str(if op % 2 == 0 { "true" } else { "false" });
                return;
            }
            let q = question % limit;
            match questions[q].kind {
                Kind::Bool => {
                    let _ = match op % 4 {
                        0 => write!(out, "q{q}"),
                        1 => write!(out, "not q{q}"),
                        2 => write!(out, "q{q} == true"),
                        _ => write!(out, "q{q} != false"),
                    };
                }
                Kind::Int { min, max } => {
                    let literal = match (op >> 3) % 4 {
                        1 => min.unwrap_or(*literal).saturating_add(delta(op >> 5)),
                        2 => max.unwrap_or(*literal).saturating_add(delta(op >> 5)),
                        _ => *literal,
                    };
                    let symbol = OPS[usize::from(op >> 2) % 6];
                    let ints: Vec<usize> =
                        (0..limit).filter(|&i| matches!(questions[i].kind, Kind::Int { .. })).collect();
                    let _ = match op % 4 {
                        0 | 1 => write!(out, "q{q} {symbol} {literal}"),
                        2 => write!(out, "{literal} {symbol} q{q}"),
                        _ if compare => write!(out, "q{q} {symbol} q{}", ints[other % ints.len()]),
                        _ => write!(out, "q{q} {symbol} {literal}"),
                    };
                }
                Kind::Choice(n) => {
                    let value = |v: u16| usize::from(v) % n;
                    let _ = match op % 3 {
                        0 => write!(out, "q{q} == v{}", value(values[0])),
                        1 => write!(out, "q{q} != v{}", value(values[0])),
                        _ => {
                            let list: Vec<String> = values.iter().map(|&v| format!("v{}", value(v))).collect();
                            write!(out, "q{q} in [{}]", list.join(", "))
                        }
                    };
                }
            }
        }
        Cond::Not(inner) => {
            out.push_str("not (");
            render(inner, questions, limit, style, out);
            out.push(')');
        }
        Cond::And(a, b) | Cond::Or(a, b) | Cond::Same(a, b, _) => {
            out.push('(');
            render(a, questions, limit, style, out);
            out.push_str(match cond {
                Cond::And(..) => ") and (",
                Cond::Or(..) => ") or (",
                Cond::Same(_, _, false) if style.plain => ") and (",
                Cond::Same(..) if style.plain => ") or (",
                Cond::Same(_, _, false) => ") == (",
                _ => ") != (",
            });
            render(b, questions, limit, style, out);
            out.push(')');
        }
    }
}

fn approach_list(seeds: &[usize], count: usize, skip_first: bool) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    for &seed in seeds {
        let index = if skip_first { 1 + seed % (count - 1) } else { seed % count };
        let id = format!("a{index}");
        if !list.contains(&id) {
            list.push(id);
        }
    }
    list
}

fn render_rule(id: &str, rule: &RuleSpec, spec: &Spec, style: Style, overrides: bool, out: &mut String) {
    let vetoes = style.vetoes;
    let mut when = String::new();
    render(&rule.when, &spec.questions, spec.questions.len(), style, &mut when);
    let _ = write!(out, "  - {{ id: {id}, title: T, when: '{when}', because: x, source: s");
    if overrides {
        out.push_str(", override: true");
    }
    let count = spec.approaches;
    match rule.role {
        // Advice for some approaches.
        6 | 7 => {
            let _ = write!(
                out,
                ", when_recommended: [{}], next_step: go",
                approach_list(&rule.targets, count, false).join(", ")
            );
            if rule.role == 7 && !rule.combine.is_empty() {
                let _ = write!(out, ", combine_with: [{}]", approach_list(&rule.combine, count, false).join(", "));
            }
        }
        // A plan rule: never fires in a decision.
        8 => {
            let _ = write!(
                out,
                ", when_planned: [{}], severity: warning",
                approach_list(&rule.targets, count, false).join(", ")
            );
        }
        // Scoring rules (9: a next step and nothing else).
        _ => {
            let mut effects: Vec<(String, i32)> = Vec::new();
            if rule.role != 9 {
                for &(approach, weight) in &rule.effects {
                    let id = format!("a{}", approach % count);
                    if !effects.iter().any(|(a, _)| *a == id) {
                        effects.push((id, weight));
                    }
                }
            }
            let written: Vec<String> = effects.iter().map(|(a, w)| format!("{a}: {w}")).collect();
            let mut does = effects.iter().any(|&(_, w)| w != 0);
            if !written.is_empty() {
                let _ = write!(out, ", effects: {{ {} }}", written.join(", "));
            }
            // Vetoes of any approach but the first, so the loader never finds them all vetoed.
            if vetoes && matches!(rule.role, 4 | 5) && !rule.veto.is_empty() {
                let _ = write!(out, ", veto: [{}]", approach_list(&rule.veto, count, true).join(", "));
                does = true;
            }
            if rule.role == 3 && !rule.combine.is_empty() {
                let _ = write!(out, ", combine_with: [{}]", approach_list(&rule.combine, count, false).join(", "));
                does = true;
            }
            if !does {
                out.push_str(", next_step: go");
            }
        }
    }
    out.push_str(" }\n");
}

/// How rule files are written: with comparisons of two answers, with vetoes.
#[derive(Debug, Clone, Copy)]
struct Style {
    compare: bool,
    vetoes: bool,
    plain: bool,
}

/// The rule files of `spec`: the base, and an overlay when it has changes.
fn files(spec: &Spec, style: Style) -> Vec<SourceFile> {
    let mut base = String::from("version: 1\napproaches:\n");
    for a in 0..spec.approaches {
        let _ = writeln!(base, "  - {{ id: a{a}, title: A{a} }}");
    }
    base.push_str("questions:\n");
    for (i, question) in spec.questions.iter().enumerate() {
        let _ = write!(base, "  - {{ id: q{i}, text: Q?, ");
        let seed = question.default;
        let _ = match question.kind {
            Kind::Bool => write!(base, "type: boolean, default: {}", seed % 2 == 1),
            Kind::Int { min, max } => {
                let (lo, hi) = (min.unwrap_or(i64::MIN), max.unwrap_or(i64::MAX));
                let default = [lo, hi, 0][(seed % 3) as usize].clamp(lo, hi);
                let _ = write!(base, "type: integer, default: {default}");
                if let Some(min) = min {
                    let _ = write!(base, ", min: {min}");
                }
                if let Some(max) = max {
                    let _ = write!(base, ", max: {max}");
                }
                Ok(())
            }
            Kind::Choice(n) => {
                let values: Vec<String> = (0..n).map(|v| format!("v{v}")).collect();
                write!(base, "type: choice, values: [{}], default: v{}", values.join(", "), seed % n as u64)
            }
        };
        if question.derived {
            base.push_str(", derived: cost.fine_tuning_breaks_even");
        } else if let Some(ask) = &question.ask
            && i > 0
        {
            let mut text = String::new();
            render(ask, &spec.questions, i, style, &mut text);
            let _ = write!(base, ", ask_when: '{text}'");
        }
        base.push_str(" }\n");
    }
    base.push_str("rules:\n");
    if spec.rules.is_empty() {
        base.push_str("  []\n");
    }
    for (r, rule) in spec.rules.iter().enumerate() {
        render_rule(&format!("r{r}"), rule, spec, style, false, &mut base);
    }
    let mut out = vec![SourceFile::new("base.yaml", base)];
    let mut overlay = String::from("rules:\n");
    let mut disabled = Vec::new();
    let mut touched = Vec::new();
    let mut written = false;
    for (i, change) in spec.overlay.iter().enumerate() {
        match change {
            Change::Override(r, _) | Change::Disable(r) if !spec.rules.is_empty() => {
                let r = r % spec.rules.len();
                if touched.contains(&r) {
                    continue;
                }
                touched.push(r);
                if let Change::Override(_, rule) = change {
                    render_rule(&format!("r{r}"), rule, spec, style, true, &mut overlay);
                    written = true;
                } else {
                    disabled.push(format!("r{r}"));
                }
            }
            Change::Add(rule) => {
                render_rule(&format!("n{i}"), rule, spec, style, false, &mut overlay);
                written = true;
            }
            _ => {}
        }
    }
    if !written {
        overlay = String::new();
    }
    if !disabled.is_empty() {
        let _ = writeln!(overlay, "disable: [{}]", disabled.join(", "));
    }
    if !overlay.is_empty() {
        out.push(SourceFile::new("overlay.yaml", overlay));
    }
    out
}

/// The rule set of `spec`. The loader refuses a rule set unless it can tell
/// that no answers veto every approach, and it cannot tell past a number of
/// combinations or with comparisons of two answers (even with an approach
/// that no rule vetoes): such a set is loaded without its vetoes.
fn load(spec: &Spec, compare: bool) -> RuleSet {
    let with_vetoes = files(spec, Style { compare, vetoes: true, plain: spec.plain });
    match rules::load(&with_vetoes, Limits::default()) {
        Ok(set) => return set,
        Err(d) if d.iter().all(|d| d.message.starts_with("every approach can be vetoed")) => {}
        Err(d) => panic!("a generated rule set does not load: {d:#?}"),
    }
    let files = files(spec, Style { compare, vetoes: false, plain: spec.plain });
    rules::load(&files, Limits::default()).unwrap_or_else(|d| {
        let texts: Vec<&str> = files.iter().map(SourceFile::text).collect();
        panic!("a generated rule set does not load: {d:#?}\n{}", texts.join("\n---\n"))
    })
}

/// One answer per question from `seeds`: none, one of the question's kind
/// (its bounds, one past them, the ends of `i64`, choices past the last),
/// or one of another kind.
fn answers(set: &RuleSet, seeds: &[(u8, u64)]) -> TiVec<QuestionId, Option<Value>> {
    set.questions
        .iter()
        .zip(seeds.iter().chain(std::iter::repeat(&(0, 0))))
        .map(|(question, &(mode, seed))| match mode % 8 {
            0 | 1 => None,
            7 => Some(match question.kind {
                QuestionKind::Boolean => Value::Int(i64::from(seed % 2 == 1)),
                QuestionKind::Integer { .. } => Value::Choice(0),
                QuestionKind::Choice { .. } => Value::Bool(seed % 2 == 1),
            }),
            _ => Some(match &question.kind {
                QuestionKind::Boolean => Value::Bool(seed % 2 == 1),
                QuestionKind::Integer { min, max } => Value::Int(match seed % 12 {
                    0 => min.unwrap_or(0),
                    1 => max.unwrap_or(0),
                    2 => min.unwrap_or(0).saturating_sub(1),
                    3 => max.unwrap_or(0).saturating_add(1),
                    4 => i64::MIN,
                    5 => i64::MAX,
                    6 => seed.cast_signed(),
                    7 => (seed % 300).cast_signed() - 150,
                    _ => (seed % 7).cast_signed() - 3,
                }),
                QuestionKind::Choice { values } => {
                    let n = u16::try_from(values.len()).unwrap_or(u16::MAX);
                    Value::Choice(match seed % 10 {
                        0 => n,
                        1 => u16::MAX,
                        2 => 63.min(n - 1),
                        3 => 64.min(n - 1),
                        _ => u16::try_from(seed % u64::from(n)).unwrap_or(0),
                    })
                }
            }),
        })
        .collect()
}

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
