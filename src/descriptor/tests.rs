use super::*;
use crate::diag::DiagnosticCode;
use crate::rules;

fn parse_text(text: &str) -> Result<Descriptor, Vec<Diagnostic>> {
    let set = rules::load_default().unwrap();
    parse(&SourceFile::new("llm-project.yaml", text), &set, Limits::default())
}

#[test]
fn reads_plan_answers_and_their_lines() {
    let text = "name: P\n\n# plan\nplanned_approach: [fine_tuning, rag]\nanswers:\n  # tasks\n  task_type: qa\n";
    let d = parse_text(text).unwrap();
    let planned = d.planned.unwrap();
    assert_eq!(planned.approaches, vec![2, 1]);
    assert_eq!(planned.span.line, 4);
    assert_eq!(d.answers_span.map(|s| s.line), Some(5));
    assert_eq!(d.answer_spans[0].map(|s| s.line), Some(7));
    assert_eq!(d.given[0], Some(Value::Choice(0)));
}

#[test]
fn reports_every_problem_not_just_the_first() {
    let errors = parse_text("name: P\nanswers:\n  task_type: nope\n  deadline_weeks: -1\n  bogus: 1\n").err().unwrap();
    let codes: Vec<DiagnosticCode> = errors.iter().map(|d| d.code.clone()).collect();
    assert_eq!(codes, vec![Code::UnknownChoice, Code::OutOfRange, Code::UnknownQuestion]);
}

#[test]
fn empty_answers_and_empty_plan_are_accepted() {
    let d = parse_text("name: P\nplanned_approach:\nanswers:\n").unwrap();
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

mod round_trip {
    use proptest::prelude::*;

    use super::*;
    use crate::eval::evaluate;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// What `ask` saves, `evaluate` reads back to the same evaluation as the answers it was given.
        #[test]
        fn saved_answers_evaluate_like_the_answers_given(
            given in crate::test_support::any_answers(&crate::test_support::default_rules()),
            name in "\\PC{1,40}",
            planned in proptest::option::of(proptest::collection::vec(0_usize..3, 1..3)),
        ) {
            let set = crate::rules::load_default().unwrap();
            prop_assume!(!name.trim().is_empty());
            let mut planned = planned;
            if let Some(p) = planned.as_mut() {
                let mut seen = Vec::new();
                p.retain(|a| if seen.contains(a) { false } else { seen.push(*a); true });
            }
            let draft = Draft { name: name.clone(), description: None, planned: planned.clone(), given: given.clone(), incomplete: false };
            let text = to_yaml(&set, &draft);
            let parsed = parse(&SourceFile::new("saved.yaml", text.clone()), &set, Limits::default())
                .map_err(|d| TestCaseError::fail(format!("{d:?}\n{text}")))?;
            prop_assert_eq!(&parsed.name, &name);
            prop_assert_eq!(parsed.planned.as_ref().map(|p| p.approaches.clone()), planned);
            // Derived facts are never saved: the rules compute them again from the cost model.
            let mut given = given;
            for (slot, question) in given.iter_mut().zip(&set.questions) {
                if question.derived.is_some() {
                    *slot = None;
                }
            }
            let expected = evaluate(&set, crate::eval::Answers::resolve(&set, &given));
            let actual = evaluate(&set, parsed.answers(&set));
            prop_assert_eq!(actual, expected);
        }
    }
}
