//! Rule sets generated at the edges the shipped rules do not reach, shared
//! by `src/eval/compiled/adversarial_tests.rs` and
//! `tests/engine_adversarial_whatif.rs` (each includes this file): their
//! specifications as proptest strategies, written out as rule files and
//! loaded, and answers to them. What this reads (`RuleSet`, `Value`,
//! `Limits`, `SourceFile`, proptest's prelude and so on) comes from the
//! includer's imports: `crate::` in a unit test, `shouldtune::` in an
//! integration test.

use super::*;

/// A condition, its questions and values given as seeds (taken modulo what exists when written out).
#[derive(Debug, Clone)]
pub(crate) enum Cond {
    Const(bool),
    Leaf { question: usize, op: u8, literal: i64, other: usize, values: Vec<u16> },
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Same(Box<Cond>, Box<Cond>, bool),
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Bool,
    Int { min: Option<i64>, max: Option<i64> },
    Choice(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct QuestionSpec {
    pub(crate) kind: Kind,
    pub(crate) default: u64,
    pub(crate) ask: Option<Cond>,
    pub(crate) derived: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct RuleSpec {
    pub(crate) role: u8,
    pub(crate) when: Cond,
    pub(crate) effects: Vec<(usize, i32)>,
    pub(crate) veto: Vec<usize>,
    pub(crate) combine: Vec<usize>,
    pub(crate) targets: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) enum Change {
    Override(usize, RuleSpec),
    Disable(usize),
    Add(RuleSpec),
}

#[derive(Debug, Clone)]
pub(crate) struct Spec {
    pub(crate) approaches: usize,
    pub(crate) questions: Vec<QuestionSpec>,
    pub(crate) rules: Vec<RuleSpec>,
    pub(crate) overlay: Vec<Change>,
    /// Conditions without `==` and `!=` between conditions, which make derived
    /// bits: most such rule sets are transposed.
    pub(crate) plain: bool,
}

pub(crate) const OPS: [&str; 6] = ["==", "!=", "<", "<=", ">", ">="];
pub(crate) const CHOICE_SIZES: [usize; 8] = [2, 3, 5, 63, 64, 65, 70, 130];

pub(crate) fn literal() -> impl Strategy<Value = i64> {
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

pub(crate) fn cond() -> impl Strategy<Value = Cond> {
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

pub(crate) fn kind() -> impl Strategy<Value = Kind> {
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

pub(crate) fn question() -> impl Strategy<Value = QuestionSpec> {
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

pub(crate) fn rule() -> impl Strategy<Value = RuleSpec> {
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

pub(crate) fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), rule()).prop_map(|(r, spec)| Change::Override(r, spec)),
        any::<usize>().prop_map(Change::Disable),
        rule().prop_map(Change::Add),
    ]
}

pub(crate) fn spec() -> impl Strategy<Value = Spec> {
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
pub(crate) fn answer_seeds() -> impl Strategy<Value = Vec<(u8, u64)>> {
    proptest::collection::vec((any::<u8>(), any::<u64>()), 8)
}

pub(crate) fn delta(seed: u8) -> i64 {
    i64::from(seed % 3) - 1
}

/// Writes out `cond`, reading only the first `limit` questions (a constant when there are none).
pub(crate) fn render(cond: &Cond, questions: &[QuestionSpec], limit: usize, style: Style, out: &mut String) {
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

pub(crate) fn approach_list(seeds: &[usize], count: usize, skip_first: bool) -> Vec<String> {
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

pub(crate) fn render_rule(id: &str, rule: &RuleSpec, spec: &Spec, style: Style, overrides: bool, out: &mut String) {
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
pub(crate) struct Style {
    pub(crate) compare: bool,
    pub(crate) vetoes: bool,
    pub(crate) plain: bool,
}

/// The rule files of `spec`: the base, and an overlay when it has changes.
pub(crate) fn files(spec: &Spec, style: Style) -> Vec<SourceFile> {
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
pub(crate) fn load(spec: &Spec, compare: bool) -> RuleSet {
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
pub(crate) fn answers(set: &RuleSet, seeds: &[(u8, u64)]) -> TiVec<QuestionId, Option<Value>> {
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
