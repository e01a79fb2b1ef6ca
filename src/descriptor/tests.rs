use super::*;
use crate::rules;

fn parse_text(text: &str) -> Result<Descriptor, Vec<Diagnostic>> {
    let set = rules::load_default().unwrap_or_else(|d| unreachable!("{d:?}"));
    parse(&SourceFile::new("llm-project.yaml", text), &set, Limits::default())
}

#[test]
fn reads_plan_answers_and_their_lines() {
    let text = "name: P\n\n# plan\nplanned_approach: [fine_tuning, rag]\nanswers:\n  # tasks\n  task_type: qa\n";
    let d = parse_text(text).unwrap_or_else(|e| unreachable!("{e:?}"));
    let planned = d.planned.unwrap_or_else(|| unreachable!());
    assert_eq!(planned.approaches, vec![2, 1]);
    assert_eq!(planned.span.line, 4);
    assert_eq!(d.answers_span.map(|s| s.line), Some(5));
    assert_eq!(d.answer_spans[0].map(|s| s.line), Some(7));
    assert_eq!(d.given[0], Some(Value::Choice(0)));
}

#[test]
fn reports_every_problem_not_just_the_first() {
    let errors = parse_text("name: P\nanswers:\n  task_type: nope\n  deadline_weeks: -1\n  bogus: 1\n")
        .err()
        .unwrap_or_default();
    let codes: Vec<&str> = errors.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![codes::UNKNOWN_CHOICE, codes::OUT_OF_RANGE, codes::UNKNOWN_QUESTION]);
}

#[test]
fn empty_answers_and_empty_plan_are_accepted() {
    let d = parse_text("name: P\nplanned_approach:\nanswers:\n").unwrap_or_else(|e| unreachable!("{e:?}"));
    assert!(d.planned.is_none());
    assert!(d.given.iter().all(Option::is_none));
}

#[test]
fn descriptor_file_names() {
    assert!(is_descriptor_name("llm-project.yaml"));
    assert!(is_descriptor_name("llm-project.yml"));
    assert!(is_descriptor_name("search.llm-project.yaml"));
    assert!(!is_descriptor_name(".llm-project.yaml"));
    assert!(!is_descriptor_name("llm-project.json"));
}
