//! The default rules (`rules/default.yaml`) written out by hand in Rust: the
//! floor the engine's evaluation is measured against. It computes what
//! `Program::decide` computes (scores, vetoes, the recommendation and the
//! rules that fired) for this one rule set, with every condition, index and
//! weight spelled out.
//!
//! `tests/it/floor.rs` checks it agrees with the engine over generated answer
//! sets; when the default rules change, this file must change with them.

use shouldtune::rules::Value;

/// Approaches, in declaration order.
const PROMPT: usize = 0;
const RAG: usize = 1;
const FINE_TUNING: usize = 2;

/// What the default rules decide for one answer set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Score per approach.
    pub scores: [i32; 3],
    /// Whether each approach is vetoed.
    pub vetoed: [bool; 3],
    /// The recommended approach.
    pub recommendation: usize,
    /// Bit `i` is set when rule `i` (declaration order) fired.
    pub fired: u64,
}

fn flag(values: &[Value], i: usize) -> bool {
    matches!(values[i], Value::Bool(true))
}

fn int(values: &[Value], i: usize) -> i64 {
    match values[i] {
        Value::Int(v) => v,
        _ => 0,
    }
}

fn choice(values: &[Value], i: usize) -> u16 {
    match values[i] {
        Value::Choice(v) => v,
        _ => u16::MAX,
    }
}

/// Evaluates the default rules over resolved answers (one per question, in question order).
#[must_use]
#[allow(clippy::too_many_lines, reason = "one line per rule, as in the rule file")]
pub fn decide(values: &[Value]) -> Outcome {
    // Questions, in declaration order; choices by value index.
    let task = choice(values, 0); // qa, chat, classification, summarization, extraction, generation, nl_to_query, other
    let deadline_weeks = int(values, 1);
    let freshness = choice(values, 2); // static, monthly, weekly, daily, realtime
    let private = flag(values, 3);
    let tolerance = choice(values, 4); // low, medium, high
    let strict_format = flag(values, 5);
    let tone = flag(values, 6);
    let hard_to_describe = flag(values, 7);
    let examples = int(values, 8);
    let fit_in_context = flag(values, 9);
    let prompt_tokens = int(values, 10);
    let latency = flag(values, 11);
    let monthly_requests = int(values, 12);
    let baseline = flag(values, 13);
    let baseline_rag = choice(values, 14) == 1; // prompt_engineering, rag
    let baseline_prompt = choice(values, 14) == 0;
    let meets = flag(values, 15);
    let smaller = flag(values, 16);
    let breaks_even = flag(values, 17);

    let asks = task <= 1;
    let fresh = freshness != 0;
    let rag_baseline = baseline && baseline_rag;
    let teaches = (2..=4).contains(&task);

    let mut scores = [0_i32; 3];
    let mut vetoed = [false; 3];
    let mut fired = 0_u64;
    let mut rule = |index: u32, holds: bool, effects: &[(usize, i32)], veto: Option<usize>| {
        if holds {
            fired |= 1 << index;
            for &(approach, weight) in effects {
                scores[approach] += weight;
            }
            if let Some(approach) = veto {
                vetoed[approach] = true;
            }
        }
    };
    rule(0, fresh || private, &[], Some(PROMPT));
    rule(1, !asks && !fresh && !private && !rag_baseline, &[], Some(RAG));
    rule(2, examples < 10, &[], Some(FINE_TUNING));
    rule(3, deadline_weeks < 4, &[], Some(FINE_TUNING));
    rule(4, !baseline, &[(PROMPT, 1), (FINE_TUNING, -4)], None);
    rule(5, baseline && meets && !breaks_even, &[(FINE_TUNING, -8)], None);
    rule(6, baseline && meets && baseline_prompt, &[(PROMPT, 3)], None);
    rule(7, baseline && meets && baseline_rag, &[(RAG, 3)], None);
    rule(8, baseline && !meets && baseline_prompt, &[(FINE_TUNING, 3)], None);
    rule(9, rag_baseline && !meets && (strict_format || tone), &[(FINE_TUNING, 3)], None);
    rule(10, rag_baseline, &[], None);
    rule(11, fit_in_context && !hard_to_describe, &[(PROMPT, 2)], None);
    rule(12, deadline_weeks < 4, &[(PROMPT, 2), (RAG, 1)], None);
    rule(13, fresh && !rag_baseline, &[(RAG, 4), (FINE_TUNING, -2)], None);
    rule(14, freshness >= 3 && !rag_baseline, &[(RAG, 2), (FINE_TUNING, -2)], None);
    rule(15, private && !rag_baseline, &[(RAG, 4), (FINE_TUNING, -1)], None);
    let knowledge = asks || fresh || private;
    rule(16, tolerance == 0 && knowledge && !rag_baseline, &[(RAG, 4), (FINE_TUNING, -1)], None);
    rule(17, tolerance == 1 && knowledge && !rag_baseline, &[(RAG, 1)], None);
    rule(18, teaches, &[(FINE_TUNING, 2)], None);
    rule(19, strict_format, &[(FINE_TUNING, 2)], None);
    rule(20, tone, &[(FINE_TUNING, 2)], None);
    rule(21, smaller && examples >= 100, &[(FINE_TUNING, 2)], None);
    rule(22, hard_to_describe, &[(FINE_TUNING, 3)], None);
    rule(23, !fit_in_context && examples >= 50, &[(FINE_TUNING, 3)], None);
    rule(24, task == 6, &[(FINE_TUNING, 2)], None);
    rule(25, latency && prompt_tokens >= 2000, &[(FINE_TUNING, 3)], None);
    rule(26, latency && prompt_tokens < 500, &[(FINE_TUNING, -1)], None);
    rule(27, (10..50).contains(&examples), &[(FINE_TUNING, -5)], None);
    rule(28, (50..100).contains(&examples), &[(FINE_TUNING, -2)], None);
    rule(29, examples >= 500, &[(FINE_TUNING, 1)], None);
    rule(30, !breaks_even, &[(FINE_TUNING, -2)], None);
    rule(31, monthly_requests < 10_000, &[(FINE_TUNING, -2)], None);
    rule(32, breaks_even, &[(FINE_TUNING, 2)], None);
    rule(33, baseline && meets && breaks_even, &[(FINE_TUNING, 4)], None);

    // Not vetoed first, then the highest score, then the simplest.
    let mut recommendation = PROMPT;
    for approach in [RAG, FINE_TUNING] {
        let key = |a: usize| (vetoed[a], -scores[a]);
        if key(approach) < key(recommendation) {
            recommendation = approach;
        }
    }

    let mut advice = |index: u32, holds: bool| {
        if holds {
            fired |= 1 << index;
        }
    };
    match recommendation {
        FINE_TUNING => {
            advice(34, !baseline);
            advice(35, baseline && meets);
            advice(36, true);
        }
        RAG => {
            advice(37, !rag_baseline);
            advice(38, rag_baseline && !meets);
            advice(39, baseline && meets && baseline_rag);
            advice(40, tolerance == 0);
        }
        _ => {
            advice(41, !baseline);
            advice(42, baseline && !meets);
            advice(43, baseline && meets && baseline_prompt);
        }
    }
    if recommendation != FINE_TUNING {
        advice(
            44,
            deadline_weeks < 4 && examples >= 50 && (hard_to_describe || strict_format || tone || teaches || task == 6),
        );
    }
    Outcome { scores, vetoed, recommendation, fired }
}
