use super::*;
use crate::load::Limits;
use crate::report::Report;
use crate::source::SourceFile;

fn set(rules: &str) -> RuleSet {
    let text = format!(
        "approaches:
  - {{ id: a, title: A }}
  - {{ id: b, title: B }}
questions:
  - {{ id: n, text: N?, type: integer, min: 0, default: 2 }}
  - {{ id: f, text: F?, type: boolean, default: false }}
  - {{ id: g, text: G?, type: boolean, default: false, ask_when: f }}
  - {{ id: c, text: C?, type: choice, values: [x, y, z], default: x }}
rules:
{rules}"
    );
    crate::rules::load(&[SourceFile::new("t.yaml", text)], Limits::default()).unwrap()
}

fn words(condition: &str) -> String {
    let rule_set =
        set(&format!("  - {{ id: r, title: R, when: '{condition}', effects: {{ b: 1 }}, because: x, source: y }}\n"));
    condition_in_words(&rule_set.rules[RuleId::from(0)].when.expr, &rule_set)
}

#[test]
fn conditions_read_back_as_plain_english() {
    for (condition, expected) in [
        ("n < 4", "`n` is less than 4"),
        ("4 < n", "`n` is more than 4"),
        ("n >= 10 and n <= 20", "`n` is at least 10 and `n` is at most 20"),
        ("not f", "`f` is false"),
        ("f and not g", "`f` is true and `g` is false"),
        ("c != x or f", "`c` is not `x` or `f` is true"),
        ("c in [x, z]", "`c` is one of `x` or `z`"),
        ("not (c in [x, y, z])", "`c` is none of `x`, `y` or `z`"),
        ("(f or g) and n == 3", "(`f` is true or `g` is true) and `n` is 3"),
        ("not (n > 5)", "`n` is at most 5"),
        ("not (f and g)", "not (`f` is true and `g` is true)"),
        ("f == g", "(`f` is true) has the same truth as (`g` is true)"),
        ("true", "always"),
    ] {
        assert_eq!(words(condition), expected, "{condition}");
    }
}

/// Whether rule `index` fires for the example: the evaluation lists it, or,
/// for a plan rule, the plan findings of the report carry its id.
fn fires_in_earnest(
    rule_set: &RuleSet,
    index: RuleId,
    given: &TiSlice<QuestionId, Option<Value>>,
    planned: Option<ApproachId>,
) -> bool {
    let evaluation = evaluate(rule_set, Answers::resolve(rule_set, given));
    let rule = &rule_set.rules[index];
    if rule.is_plan() {
        let plan = planned.map(|p| vec![p]);
        let report = Report::new(rule_set, "example", &evaluation).with_plan(rule_set, plan.as_deref(), &evaluation);
        return report.plan.iter().flat_map(|p| &p.findings).any(|f| f.id.as_str() == rule.id);
    }
    evaluation.fired.contains(&index)
}

#[test]
fn every_default_rule_has_an_example_under_which_it_fires() {
    let rule_set = crate::rules::load_default().unwrap();
    for (index, rule) in rule_set.rules.iter_enumerated() {
        let Example::Found { given, planned } = example(&rule_set, index) else {
            panic!("no example for rule `{}`", rule.id)
        };
        assert!(fires_in_earnest(&rule_set, index, &given, planned), "the example of `{}` does not fire it", rule.id);
        if rule.is_plan() {
            assert!(planned.is_some_and(|p| rule.when_planned.contains(&p)), "{}", rule.id);
        }
        let text = render(&rule_set, &lookup(&rule_set, &rule.id));
        for needle in [rule.id.as_str(), rule.title.as_str(), rule.because.as_str(), "\nExample\n", "name: example"] {
            assert!(text.contains(needle), "`{needle}` missing from the explanation of `{}`:\n{text}", rule.id);
        }
    }
}

#[test]
fn examples_change_as_few_answers_as_needed_and_impossible_conditions_say_so() {
    let rule_set = set("  - { id: at-default, title: T, when: n < 4, effects: { b: 1 }, because: x, source: y }
  - { id: one-change, title: T, when: n >= 10 and c == z, effects: { b: 1 }, because: x, source: y }
  - { id: needs-ask, title: T, when: g, effects: { b: 1 }, because: x, source: y }
  - { id: never, title: T, when: n > 5 and n < 3, effects: { b: 1 }, because: x, source: y }
  - { id: advice, title: T, when: 'true', when_recommended: [b], next_step: s, because: x, source: y }
");
    let found = |id: &str| match example(&rule_set, rule_set.rules.position(|r| r.id == id).unwrap_or_default()) {
        Example::Found { given, .. } => given,
        other => panic!("{id}: {other:?}"),
    };
    assert_eq!(found("at-default").raw, vec![None; 4], "the defaults already fire it");
    assert_eq!(found("one-change").raw, vec![Some(Value::Int(10)), None, None, Some(Value::Choice(2))]);
    assert_eq!(
        found("needs-ask").raw,
        vec![None, Some(Value::Bool(true)), Some(Value::Bool(true)), None],
        "g is asked only when f"
    );
    assert_eq!(example(&rule_set, RuleId::from(3)), Example::Impossible);
    let advice = found("advice");
    let evaluation = evaluate(&rule_set, Answers::resolve(&rule_set, &advice));
    assert_eq!(evaluation.recommendation, ApproachId::from(1), "the advice rule needs `b` recommended: {advice:?}");
}

#[test]
fn every_diagnostic_code_is_explained_with_its_summary_and_fix() {
    let rule_set = crate::rules::load_default().unwrap();
    for code in Code::ALL {
        let subjects = lookup(&rule_set, code.as_str());
        assert!(subjects.iter().any(|s| matches!(s, Subject::Code(c) if c == code)), "{code}");
        let text = render(&rule_set, &subjects);
        assert!(text.contains(&format!("diagnostic code {code}: {}", code.summary())), "{text}");
        assert!(text.contains(&code.help()), "{text}");
    }
}

#[test]
fn unknown_ids_get_the_nearest_known_ones() {
    let rule_set = crate::rules::load_default().unwrap();
    assert!(lookup(&rule_set, "plan-vetod").is_empty());
    assert_eq!(nearest(&rule_set, "plan-vetod", 3).first(), Some(&"plan-vetoed"));
    assert_eq!(nearest(&rule_set, "quick-result-needed", 1), ["quick-results-needed"]);
}
