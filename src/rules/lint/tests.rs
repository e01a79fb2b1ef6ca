use super::*;
use crate::diag::DiagnosticCode;
use crate::load::Limits;
use crate::source::SourceFile;

fn set(yaml: &str) -> RuleSet {
    crate::rules::load(&[SourceFile::new("t.yaml", yaml)], Limits::default()).unwrap()
}

const HEAD: &str = "approaches:
  - { id: a, title: A }
  - { id: b, title: B }
questions:
  - { id: n, text: N?, type: integer, min: 0, max: 100, default: 0 }
  - { id: f, text: F?, type: boolean, default: false }
  - { id: g, text: G?, type: boolean, default: false, ask_when: f }
  - { id: c, text: C?, type: choice, values: [x, y, z], default: x }
rules:
";

fn codes_of(rules: &str) -> Vec<DiagnosticCode> {
    lint(&set(&format!("{HEAD}{rules}"))).iter().map(|d| d.code.clone()).collect()
}

#[test]
fn the_default_rule_set_is_clean() {
    let set = crate::rules::load_default().unwrap();
    assert_eq!(lint(&set), Vec::new());
}

#[test]
fn unsatisfiable_conditions_are_found() {
    let base = "  - { id: ok, title: T, when: n >= 5 and f and g and c == y, effects: { a: -1, b: 1 }, because: x, source: y }\n";
    assert_eq!(codes_of(base), Vec::<DiagnosticCode>::new());
    for never in ["n > 100", "n >= 50 and n < 10", "g and not f", "c == x and c in [y, z]", "f and not f", "n < 0"] {
        let rule = format!(
            "{base}  - {{ id: never, title: T, when: '{never}', effects: {{ a: 1 }}, because: x, source: y }}\n"
        );
        assert_eq!(codes_of(&rule), vec![Code::RuleNeverFires], "{never}");
    }
}

#[test]
fn unread_questions_unscored_approaches_and_ties() {
    let codes =
        codes_of("  - { id: r, title: T, when: n >= 5 and f and g, effects: { a: 1 }, because: x, source: y }\n");
    assert_eq!(codes, vec![Code::QuestionUnread, Code::ApproachUnscored]);
    let codes = codes_of(
        "  - { id: r, title: T, when: n >= 5 and g and c == y, effects: { a: 2, b: 2 }, because: x, source: y }\n",
    );
    assert_eq!(codes, vec![Code::ApproachesAlwaysTied]);
}
