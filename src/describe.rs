//! What a rule, a source or a diagnostic code means, in words: the model
//! behind `shouldtune explain`.
//!
//! A rule's compiled condition is rendered back in plain English, its effects
//! listed, its sources resolved from the catalogue, and an example found: a
//! minimal set of answers (and, for a plan rule, a plan) under which it
//! fires, verified by evaluating it.

use crate::i18n::{Arg, Lang};
use std::fmt::Write as _;

use crate::diag::Code;
use crate::eval::{Answers, Evaluation, evaluate};
use crate::rules::expr::{CmpOp, Expr, IntOperand};
use crate::rules::{ApproachId, QuestionId, QuestionKind, Rule, RuleId, RuleSet, Source, TiSlice, TiVec, Value};

/// Most answer combinations tried when looking for an example.
const MAX_COMBINATIONS: usize = 200_000;

/// What an id names.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'r> {
    /// A rule of the rule set (its index).
    Rule(RuleId),
    /// A catalogue source.
    Source(&'r Source),
    /// A diagnostic code.
    Code(Code),
}

/// Everything `id` names, rule first: a plan rule's id may also be a diagnostic code.
#[must_use]
pub fn lookup<'r>(rule_set: &'r RuleSet, id: &str) -> Vec<Subject<'r>> {
    let mut out = Vec::new();
    if let Some(index) = rule_set.rules.position(|r| r.id == id) {
        out.push(Subject::Rule(index));
    }
    if let Some(source) = rule_set.sources.iter().find(|s| s.id == id) {
        out.push(Subject::Source(source));
    }
    if let Some(code) = Code::from_text(id) {
        out.push(Subject::Code(code));
    }
    out
}

/// The `count` known ids (rules, sources, diagnostic codes) closest to `id`, closest first.
#[must_use]
pub fn nearest<'r>(rule_set: &'r RuleSet, id: &str, count: usize) -> Vec<&'r str> {
    let mut all: Vec<&'r str> = rule_set.rules.iter().map(|r| r.id.as_str()).collect();
    all.extend(rule_set.sources.iter().map(|s| s.id.as_str()));
    all.extend(Code::ALL.iter().map(|c| c.as_str()));
    all.sort_unstable();
    all.dedup();
    let mut scored: Vec<(f64, &str)> = all.into_iter().map(|c| (strsim::jaro_winkler(id, c), c)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(count).map(|(_, c)| c).collect()
}

// ------------------------------------------------------------- conditions

/// The condition in plain English, e.g. "`deadline_weeks` is less than 4".
#[must_use]
pub fn condition_in_words(expr: &Expr, rule_set: &RuleSet) -> String {
    condition_in_words_in(expr, rule_set, Lang::En)
}

/// The condition in words in `lang`: "`deadline_weeks` is less than 4", "`deadline_weeks` が 4 未満".
#[must_use]
pub fn condition_in_words_in(expr: &Expr, rule_set: &RuleSet, lang: Lang) -> String {
    Words { rule_set, lang }.expr(expr)
}

struct Words<'r> {
    rule_set: &'r RuleSet,
    lang: Lang,
}

impl Words<'_> {
    fn tr(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
        self.lang.tr_args(id, &args)
    }

    fn name(&self, question: QuestionId) -> String {
        format!("`{}`", self.rule_set.questions.get(question).map_or("?", |q| q.id.as_str()))
    }

    fn expr(&self, expr: &Expr) -> String {
        match expr {
            Expr::Const(true) => self.lang.tr("cond-always"),
            Expr::Const(false) => self.lang.tr("cond-never"),
            Expr::Flag(q) => self.tr("cond-true", &[("name", &self.name(*q))]),
            Expr::Not(inner) => self.negated(inner),
            Expr::All(items) => self.joined(items, &self.lang.tr("cond-and"), |e| matches!(e, Expr::Any(_))),
            Expr::Any(items) => self.joined(items, &self.lang.tr("cond-or"), |e| matches!(e, Expr::All(_))),
            Expr::IntCompare(op, lhs, rhs) => self.compare(*op, *lhs, *rhs),
            Expr::BoolEquals(lhs, rhs, negate) => self.tr(
                if *negate { "cond-differs" } else { "cond-same-truth" },
                &[("lhs", &self.expr(lhs)), ("rhs", &self.expr(rhs))],
            ),
            Expr::ChoiceIn { question, values, negate } => self.choice(*question, values, *negate),
        }
    }

    fn negated(&self, inner: &Expr) -> String {
        match inner {
            Expr::Const(b) => self.expr(&Expr::Const(!b)),
            Expr::Flag(q) => self.tr("cond-false", &[("name", &self.name(*q))]),
            Expr::Not(e) => self.expr(e),
            Expr::IntCompare(op, lhs, rhs) => self.compare(negate_op(*op), *lhs, *rhs),
            Expr::ChoiceIn { question, values, negate } => self.choice(*question, values, !negate),
            Expr::BoolEquals(lhs, rhs, negate) => self.expr(&Expr::BoolEquals(lhs.clone(), rhs.clone(), !negate)),
            other => self.tr("cond-not", &[("condition", &self.expr(other))]),
        }
    }

    fn joined(&self, items: &[Expr], separator: &str, needs_parentheses: impl Fn(&Expr) -> bool) -> String {
        let parts: Vec<String> = items
            .iter()
            .map(|e| if needs_parentheses(e) { format!("({})", self.expr(e)) } else { self.expr(e) })
            .collect();
        parts.join(separator)
    }

    fn operand(&self, operand: IntOperand) -> String {
        match operand {
            IntOperand::Question(q) => self.name(q),
            IntOperand::Literal(v) => v.to_string(),
        }
    }

    fn compare(&self, op: CmpOp, lhs: IntOperand, rhs: IntOperand) -> String {
        // The question first: "`x` is more than 4" rather than "4 is less than `x`".
        let (op, lhs, rhs) = match (lhs, rhs) {
            (IntOperand::Literal(_), IntOperand::Question(_)) => (op.flipped(), rhs, lhs),
            _ => (op, lhs, rhs),
        };
        let op = match op {
            CmpOp::Eq => "eq",
            CmpOp::Ne => "ne",
            CmpOp::Lt => "lt",
            CmpOp::Le => "le",
            CmpOp::Gt => "gt",
            CmpOp::Ge => "ge",
        };
        self.tr("cond-compare", &[("lhs", &self.operand(lhs)), ("op", op), ("rhs", &self.operand(rhs))])
    }

    fn choice(&self, question: QuestionId, values: &[u16], negate: bool) -> String {
        let names: Vec<String> = values
            .iter()
            .map(|&v| match self.rule_set.questions.get(question).map(|q| &q.kind) {
                Some(QuestionKind::Choice { values }) => {
                    format!("`{}`", values.get(usize::from(v)).map_or("?", String::as_str))
                }
                _ => format!("`{v}`"),
            })
            .collect();
        let name = self.name(question);
        match (names.as_slice(), negate) {
            ([one], false) => self.tr("cond-is", &[("name", &name), ("value", one)]),
            ([one], true) => self.tr("cond-is-not", &[("name", &name), ("value", one)]),
            ([], false) => self.lang.tr("cond-never"),
            ([], true) => self.lang.tr("cond-always"),
            (all, negate) => {
                let (init, last) = all.split_at(all.len() - 1);
                let listed = self.tr("cond-alternatives", &[("init", &self.lang.join(init)), ("last", &last[0])]);
                self.tr(if negate { "cond-none-of" } else { "cond-one-of" }, &[("name", &name), ("list", &listed)])
            }
        }
    }
}

fn negate_op(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Eq => CmpOp::Ne,
        CmpOp::Ne => CmpOp::Eq,
        CmpOp::Lt => CmpOp::Ge,
        CmpOp::Le => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Le,
        CmpOp::Ge => CmpOp::Lt,
    }
}

// ---------------------------------------------------------------- examples

/// Whether an example was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Example {
    /// Answers under which the rule fires (one slot per question; `None`
    /// means the default), and for a plan rule the plan that triggers it.
    Found {
        /// The answers to give.
        given: TiVec<QuestionId, Option<Value>>,
        /// The plan, for plan rules.
        planned: Option<ApproachId>,
    },
    /// The condition can never hold.
    Impossible,
    /// None found within the search budget.
    NotFound,
}

/// A minimal example under which rule `index` fires: as few answers away
/// from the defaults as the search finds, checked by evaluating them.
#[must_use]
pub fn example(rule_set: &RuleSet, index: RuleId) -> Example {
    let rule = &rule_set.rules[index];
    let Some(witnesses) = condition_witnesses(rule_set, &rule.when.expr) else { return Example::NotFound };
    if witnesses.is_empty() {
        return Example::Impossible;
    }
    let planned = rule.when_planned.first().copied();
    if !rule.is_advice() {
        // A scoring or plan rule fires whenever its condition holds.
        let given = witnesses.into_iter().next().unwrap_or_default();
        return if fires(rule_set, index, &given) { Example::Found { given, planned } } else { Example::NotFound };
    }
    // An advice rule also needs one of its approaches recommended.
    if let Some(given) = witnesses.iter().find(|g| fires(rule_set, index, g)) {
        return Example::Found { given: given.clone(), planned };
    }
    let candidates = all_candidates(rule_set);
    for start in witnesses.iter().take(8) {
        if let Some(given) = climb(rule_set, index, rule, start.clone(), &candidates) {
            return Example::Found { given: minimise(rule_set, index, given), planned };
        }
    }
    Example::NotFound
}

/// Evaluates `given`.
fn evaluation(rule_set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Evaluation {
    evaluate(rule_set, Answers::resolve(rule_set, given))
}

fn fires(rule_set: &RuleSet, index: RuleId, given: &TiSlice<QuestionId, Option<Value>>) -> bool {
    let rule = &rule_set.rules[index];
    if rule.is_plan() {
        let answers = Answers::resolve(rule_set, given);
        return rule.when.expr.eval(answers.values());
    }
    evaluation(rule_set, given).fired.contains(&index)
}

/// Answer sets under which `expr` holds (after ask-conditions), fewest
/// changes from the defaults first; `None` when there are too many combinations to try.
fn condition_witnesses(rule_set: &RuleSet, expr: &Expr) -> Option<Vec<TiVec<QuestionId, Option<Value>>>> {
    let involved = crate::rules::lint::involved_questions(rule_set, expr);
    // The default first, so the fewest-changes witness keeps every answer it can at its default.
    let choices: Vec<Vec<Value>> = involved
        .iter()
        .map(|&q| {
            let default = rule_set.questions[q].default;
            let mut values = vec![default];
            values
                .extend(crate::rules::lint::candidate_values(rule_set, q, expr).into_iter().filter(|v| *v != default));
            values
        })
        .collect();
    let total = choices.iter().try_fold(1_usize, |acc, c| acc.checked_mul(c.len().max(1)))?;
    if total > MAX_COMBINATIONS {
        return None;
    }
    let mut found: Vec<(usize, TiVec<QuestionId, Option<Value>>)> = Vec::new();
    for n in 0..total {
        let mut given: TiVec<QuestionId, Option<Value>> = rule_set.questions.iter().map(|_| None).collect();
        let mut rest = n;
        for (&slot, options) in involved.iter().zip(&choices) {
            let value = options[rest % options.len()];
            rest /= options.len();
            if value != rule_set.questions[slot].default {
                given[slot] = Some(value);
            }
        }
        let answers = Answers::resolve(rule_set, &given);
        if expr.eval(answers.values()) {
            // Answers to questions that are not asked change nothing: drop them.
            for (slot, g) in given.iter_mut_enumerated() {
                if !answers.is_applicable(slot) {
                    *g = None;
                }
            }
            let changed = given.iter().filter(|g| g.is_some()).count();
            if !found.iter().any(|(_, g)| *g == given) {
                found.push((changed, given));
            }
        }
    }
    found.sort_by_key(|(changed, _)| *changed);
    Some(found.into_iter().map(|(_, g)| g).collect())
}

/// Every question's interesting values: each boolean and choice value, and
/// for numbers the values on either side of every threshold any rule uses.
fn all_candidates(rule_set: &RuleSet) -> TiVec<QuestionId, Vec<Value>> {
    rule_set
        .questions
        .keys()
        .map(|q| {
            let mut values: Vec<Value> = rule_set
                .rules
                .iter()
                .flat_map(|r| crate::rules::lint::candidate_values(rule_set, q, &r.when.expr))
                .collect();
            values.sort_unstable();
            values.dedup();
            values
        })
        .collect()
}

/// How far the best of `targets` is from being recommended: positive when
/// it is, the more the better.
fn lead(evaluation: &Evaluation, targets: &[ApproachId]) -> i64 {
    let vetoed = |a: ApproachId| evaluation.is_vetoed(a);
    let best_target =
        targets.iter().filter(|&&a| !vetoed(a)).map(|&a| i64::from(evaluation.scores[a])).max().unwrap_or(-10_000);
    let best_other = evaluation
        .scores
        .keys()
        .filter(|a| !targets.contains(a) && !vetoed(*a))
        .map(|a| i64::from(evaluation.scores[a]))
        .max()
        .unwrap_or(-10_000);
    best_target - best_other
}

/// Greedy search from `given`: change one answer at a time, keeping the
/// condition true, taking the change that most improves the lead of the
/// rule's approaches, until one of them is recommended.
fn climb(
    rule_set: &RuleSet,
    index: RuleId,
    rule: &Rule,
    mut given: TiVec<QuestionId, Option<Value>>,
    candidates: &TiSlice<QuestionId, Vec<Value>>,
) -> Option<TiVec<QuestionId, Option<Value>>> {
    for _ in 0..=rule_set.questions.len() * 2 {
        if fires(rule_set, index, &given) {
            return Some(given);
        }
        let current = lead(&evaluation(rule_set, &given), &rule.when_recommended);
        let mut best: Option<(i64, TiVec<QuestionId, Option<Value>>)> = None;
        for (q, values) in candidates.iter_enumerated() {
            for &value in values {
                let effective = given[q].unwrap_or(rule_set.questions[q].default);
                if value == effective {
                    continue;
                }
                let mut next = given.clone();
                next[q] = (value != rule_set.questions[q].default).then_some(value);
                let answers = Answers::resolve(rule_set, &next);
                if !rule.when.expr.eval(answers.values()) {
                    continue;
                }
                let score = lead(&evaluate(rule_set, answers), &rule.when_recommended);
                if score > current && best.as_ref().is_none_or(|(b, _)| score > *b) {
                    best = Some((score, next));
                }
            }
        }
        given = best?.1;
    }
    None
}

/// Drops answers that are not needed for the rule to fire.
fn minimise(
    rule_set: &RuleSet,
    index: RuleId,
    mut given: TiVec<QuestionId, Option<Value>>,
) -> TiVec<QuestionId, Option<Value>> {
    for q in rule_set.questions.keys() {
        if given[q].is_some() {
            let kept = given[q].take();
            if !fires(rule_set, index, &given) {
                given[q] = kept;
            }
        }
    }
    given
}

// ---------------------------------------------------------------- rendering

/// Writes the explanation of every subject `id` names (see [`lookup`]) as plain text, in English.
#[must_use]
pub fn render(rule_set: &RuleSet, subjects: &[Subject<'_>]) -> String {
    render_in(rule_set, subjects, Lang::En)
}

/// [`render`] with headings and sentences in `lang` (rule texts come from the
/// rule set, in its chosen locale; conditions in words stay English).
#[must_use]
pub fn render_in(rule_set: &RuleSet, subjects: &[Subject<'_>], lang: Lang) -> String {
    let mut out = String::new();
    for (i, subject) in subjects.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match subject {
            Subject::Rule(index) => rule_text(rule_set, *index, &mut out, lang),
            Subject::Source(source) => source_text(rule_set, source, &mut out, lang),
            Subject::Code(info) => code_text(rule_set, *info, &mut out, lang),
        }
    }
    out
}

/// A heading line, after a blank line.
fn heading(out: &mut String, lang: Lang, id: &str) {
    let _ = writeln!(out, "\n{}", lang.tr(id));
}

fn rule_text(rule_set: &RuleSet, index: RuleId, out: &mut String, lang: Lang) {
    let rule = &rule_set.rules[index];
    let approach = |a: &ApproachId| format!("`{}`", rule_set.approaches[*a].id);
    let list = |items: &[ApproachId]| lang.join(&items.iter().map(approach).collect::<Vec<_>>());
    let tr = |id: &str, args: &[(&str, &str)]| {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
        lang.tr_args(id, &args)
    };
    let kind = if rule.is_plan() {
        "explain-plan-rule"
    } else if rule.is_advice() {
        "explain-advice-rule"
    } else {
        "explain-rule"
    };
    let _ = writeln!(out, "{}", tr(kind, &[("id", &rule.id), ("title", &rule.title)]));
    let line = rule.origin.span.line.to_string();
    let _ = writeln!(out, "  {}", tr("explain-defined-in", &[("file", rule.origin.file.name()), ("line", &line)]));
    heading(out, lang, "explain-what-it-checks");
    if rule.when.expr == Expr::Const(true) {
        let _ = writeln!(out, "  {}", lang.tr("explain-fires-always"));
    } else {
        let condition = condition_in_words_in(&rule.when.expr, rule_set, lang);
        let _ = writeln!(out, "  {}", tr("explain-fires-when", &[("condition", &condition)]));
    }
    let _ = writeln!(out, "  {}", tr("explain-as-written", &[("condition", &rule.when.text)]));
    if rule.is_advice() {
        let _ = writeln!(out, "  {}", tr("explain-only-when-recommended", &[("list", &list(&rule.when_recommended))]));
    }
    if rule.is_plan() {
        let _ = writeln!(out, "  {}", tr("explain-only-when-planned", &[("list", &list(&rule.when_planned))]));
    }
    heading(out, lang, "explain-effects");
    if !rule.effects.is_empty() {
        let weights: Vec<String> =
            rule.effects.iter().map(|(a, w)| format!("{} {w:+}", rule_set.approaches[*a].id)).collect();
        let _ = writeln!(out, "  {}", tr("explain-scores", &[("list", &lang.join(&weights))]));
    }
    if !rule.veto.is_empty() {
        let _ = writeln!(out, "  {}", tr("explain-rules-out", &[("list", &list(&rule.veto))]));
    }
    if !rule.combine_with.is_empty() {
        let _ = writeln!(out, "  {}", tr("explain-keeps-alongside", &[("list", &list(&rule.combine_with))]));
    }
    if let Some(severity) = rule.severity {
        let severity = severity.to_string();
        let _ = writeln!(out, "  {}", tr("explain-reports-finding", &[("severity", &severity), ("id", &rule.id)]));
    }
    if rule.is_advice() || rule.is_plan() {
        let _ = writeln!(out, "  {}", lang.tr("explain-never-changes"));
    }
    if let Some(step) = &rule.next_step {
        let _ = writeln!(out, "  {}", tr("explain-next-step", &[("step", step)]));
    }
    heading(out, lang, "explain-why");
    let _ = writeln!(out, "  {}", rule.because);
    heading(out, lang, "explain-sources");
    for citation in &rule.citations {
        match citation {
            crate::rules::Citation::Catalogue(i) => {
                let source = &rule_set.sources[*i];
                let _ = writeln!(out, "  {} ({}, {}, {})", source.title, source.id, source.publisher, source.date);
                let _ = writeln!(out, "    {}", source.url);
                let _ = writeln!(out, "    {}", source.says);
            }
            crate::rules::Citation::Text(text) => {
                let _ = writeln!(out, "  {}", tr("explain-free-text", &[("text", text)]));
            }
        }
    }
    heading(out, lang, "explain-example");
    match example(rule_set, index) {
        Example::Found { given, planned } => {
            let answered: Vec<(QuestionId, Value)> =
                given.iter_enumerated().filter_map(|(q, g)| g.map(|v| (q, v))).collect();
            if answered.is_empty() && planned.is_none() {
                let _ = writeln!(out, "  {}", lang.tr("explain-example-defaults"));
            } else {
                let _ = writeln!(out, "  {}", lang.tr("explain-example-descriptor"));
            }
            out.push_str("    name: example\n");
            if let Some(plan) = planned {
                let _ = writeln!(out, "    planned_approach: {}", rule_set.approaches[plan].id);
            }
            if answered.is_empty() {
                out.push_str("    answers: {}\n");
            } else {
                out.push_str("    answers:\n");
                for (q, value) in answered {
                    let question = &rule_set.questions[q];
                    let _ = writeln!(out, "      {}: {}", question.id, question.display_value(value));
                }
            }
        }
        Example::Impossible => {
            let _ = writeln!(out, "  {}", lang.tr("explain-example-impossible"));
        }
        Example::NotFound => {
            let _ = writeln!(out, "  {}", lang.tr("explain-example-not-found"));
        }
    }
}

fn source_text(rule_set: &RuleSet, source: &Source, out: &mut String, lang: Lang) {
    let args = [("id", Arg::Str(&source.id)), ("title", Arg::Str(&source.title))];
    let _ = writeln!(out, "{}", lang.tr_args("explain-source", &args));
    let _ = writeln!(out, "  {}, {}", source.publisher, source.date);
    let _ = writeln!(out, "  {}", source.url);
    heading(out, lang, "explain-what-it-says");
    let _ = writeln!(out, "  {}", source.says);
    let citing: Vec<&str> = rule_set
        .rules
        .iter()
        .filter(|r| r.catalogue_sources(rule_set).iter().any(|s| s.id == source.id))
        .map(|r| r.id.as_str())
        .collect();
    heading(out, lang, "explain-cited-by");
    if citing.is_empty() {
        let _ = writeln!(out, "  {}", lang.tr("explain-no-rule"));
    } else {
        let citing: Vec<String> = citing.into_iter().map(str::to_owned).collect();
        let _ = writeln!(out, "  {}", lang.join(&citing));
    }
}

fn code_text(rule_set: &RuleSet, code: Code, out: &mut String, lang: Lang) {
    let summary = code.summary_in(lang);
    let _ = writeln!(
        out,
        "{}",
        lang.tr_args("explain-code", &[("code", Arg::Str(code.as_str())), ("summary", Arg::Str(&summary))])
    );
    heading(out, lang, "explain-how-to-fix");
    let _ = writeln!(out, "  {}", code.help_in(lang));
    if let Some(rule) = rule_set.rules.iter().find(|r| r.id == code.as_str() && r.is_plan()) {
        let _ = writeln!(out, "\n{}", lang.tr_args("explain-reported-by", &[("rule", Arg::Str(&rule.id))]));
    }
}

#[cfg(test)]
mod tests;
