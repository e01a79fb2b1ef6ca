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
    assert_eq!(planned.approaches, vec![ApproachId::from(2), ApproachId::from(1)]);
    assert_eq!(planned.span.line, 4);
    assert_eq!(d.answers_span.map(|s| s.line), Some(5));
    let first = QuestionId::from(0);
    assert_eq!(d.answer_spans[first].map(|s| s.line), Some(7));
    assert_eq!(d.given[first], Some(Value::Choice(0)));
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
            planned in proptest::option::of(proptest::collection::vec((0_usize..3).prop_map(ApproachId::from), 1..3)),
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

/// The `cost:` and `rules:` sections write back as YAML that reads as the same settings:
/// numbers as written (`1.10`, `1e3`), strings quoted whatever they hold, other keys left out.
#[test]
fn kept_sections_write_back_the_cost_and_rules_sections() {
    let text = "name: P\nrules: [\"a b.yaml\", 'x\"y.yaml']\nanswers:\n  task_type: qa\ncost: { price_table: azure-openai-2026-02, model: \"o4-mini\", method: rft, training_hours: 1.10, grader_model: o3-mini, grader_input_tokens: 5000000, grader_output_tokens: 4900000, hosting_hours_per_month: 1e3 }\n";
    let document = Document::parse(&SourceFile::new("p.yaml", text), Limits::default()).unwrap();
    let kept = kept_sections(&document);
    assert_eq!(
        kept,
        "rules:\n  - \"a b.yaml\"\n  - \"x\\\"y.yaml\"\ncost:\n  price_table: \"azure-openai-2026-02\"\n  model: \"o4-mini\"\n  method: \"rft\"\n  training_hours: 1.10\n  grader_model: \"o3-mini\"\n  grader_input_tokens: 5000000\n  grader_output_tokens: 4900000\n  hosting_hours_per_month: 1e3\n"
    );
    let original = parse_text(text).unwrap().cost.unwrap();
    let again = parse_text(&format!("name: P\n{kept}")).unwrap().cost.unwrap();
    assert_eq!(again.training_hours, original.training_hours);
    assert_eq!(again.training_hours.map(|h| h.to_string()), Some("1.10".to_owned()));
    assert_eq!(again.hosting_hours_per_month, original.hosting_hours_per_month);
    assert_eq!(again.grader_output_tokens, Some(4_900_000));
    assert_eq!(again.method.map(|m| m.0), original.method.map(|m| m.0));
    assert_eq!(again.model.map(|m| m.0), Some("o4-mini".to_owned()));
    let rules = crate::overlays::RuleSets::declared_overlays(
        &Document::parse(&SourceFile::new("q.yaml", format!("name: P\n{kept}")), Limits::default()).unwrap(),
    )
    .unwrap();
    assert_eq!(rules.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>(), ["a b.yaml", "x\"y.yaml"]);
    let none = Document::parse(&SourceFile::new("n.yaml", "name: P\nanswers: {}\n"), Limits::default()).unwrap();
    assert_eq!(kept_sections(&none), "");
}

mod tricky_round_trip {
    use proptest::prelude::*;

    use super::*;
    use crate::rules::QuestionKind;
    use crate::rules::emit::tests::{any_rule_file, any_text, json_as_yaml};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// What `ask` saves reads back as the same draft, whatever the ids,
        /// choice values (`null`, `true`, `on`) and texts, plus the `cost:`
        /// and `rules:` sections it keeps.
        #[test]
        fn a_saved_draft_reads_back_equal(
            file in any_rule_file(),
            name in any_text(),
            description in proptest::option::of(any_text()),
            plan in proptest::option::of(proptest::collection::btree_set((0_usize..2).prop_map(ApproachId::from), 1..3)),
            seeds in proptest::collection::vec(proptest::option::of(any::<u16>()), 3),
            incomplete in any::<bool>(),
            model in any_text(),
            overlay in any_text(),
        ) {
            let set = crate::rules::load(&[SourceFile::new("r.yaml", json_as_yaml(&file))], Limits::default())
                .map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
            let given: TiVec<QuestionId, Option<Value>> = set
                .questions
                .iter()
                .zip(&seeds)
                .map(|(question, seed)| {
                    seed.map(|n| match &question.kind {
                        QuestionKind::Boolean => Value::Bool(n % 2 == 0),
                        QuestionKind::Integer { min, max } => {
                            let (lo, hi) = (min.unwrap_or(0), max.unwrap_or(100));
                            Value::Int(lo + i64::from(n) % (hi - lo + 1))
                        }
                        QuestionKind::Choice { values } => Value::Choice(n % u16::try_from(values.len()).unwrap()),
                    })
                })
                .collect();
            let planned = plan.map(|p| p.into_iter().collect::<Vec<_>>());
            let draft = Draft { name, description, planned, given, incomplete };
            // A descriptor the draft started from, with the sections `ask` keeps.
            let start = format!(
                "name: x\ncost: {{ model: {}, output_tokens: 300 }}\nrules: [{}]\n",
                crate::load::write::quote(&model),
                crate::load::write::quote(&overlay),
            );
            let kept = kept_sections(&Document::parse(&SourceFile::new("start.yaml", start), Limits::default()).unwrap());
            let text = to_yaml(&set, &draft) + &kept;
            let document = Document::parse(&SourceFile::new("saved.yaml", text.clone()), Limits::default())
                .map_err(|d| TestCaseError::fail(format!("{}\n{text}", d[0])))?;
            let parsed = validate_partial(&document, &set).map_err(|d| TestCaseError::fail(format!("{}\n{text}", d[0])))?;
            prop_assert_eq!(&parsed.name, &draft.name, "{}", text);
            prop_assert_eq!(&parsed.description, &draft.description);
            prop_assert_eq!(parsed.planned.map(|p| p.approaches), draft.planned);
            prop_assert_eq!(&parsed.given, &draft.given, "{}", text);
            prop_assert_eq!(parsed.incomplete.is_some(), draft.incomplete);
            prop_assert_eq!(parsed.cost.and_then(|c| c.model).map(|m| m.0), Some(model));
            let overlays = crate::overlays::RuleSets::declared_overlays(&document)
                .map_err(|d| TestCaseError::fail(format!("{}\n{text}", d[0])))?;
            prop_assert_eq!(overlays.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(), vec![overlay]);
        }
    }
}
