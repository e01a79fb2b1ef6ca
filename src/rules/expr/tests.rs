use super::*;
use crate::rules::model::{QuestionId, QuestionKind, TiSlice, Value};

fn kinds() -> Vec<(&'static str, QuestionKind)> {
    vec![
        ("flag", QuestionKind::Boolean),
        ("count", QuestionKind::Integer { min: Some(0), max: None }),
        ("freshness", QuestionKind::Choice { values: vec!["static".into(), "weekly".into(), "daily".into()] }),
        ("other_flag", QuestionKind::Boolean),
    ]
}

fn check(text: &str) -> Result<Expr, ExprError> {
    let kinds = kinds();
    let infos: Vec<QuestionInfo<'_>> = kinds.iter().map(|(id, kind)| QuestionInfo { id, kind }).collect();
    compile(text, &QuestionTable::new(&infos))
}

fn eval(text: &str, answers: &[Value]) -> bool {
    check(text).unwrap_or_else(|e| panic!("{text}: {e:?}")).eval(TiSlice::from_ref(answers))
}

const ANSWERS: [Value; 4] = [Value::Bool(true), Value::Int(500), Value::Choice(1), Value::Bool(false)];

#[test]
fn evaluates_each_operator() {
    assert!(eval("flag", &ANSWERS));
    assert!(!eval("not flag", &ANSWERS));
    assert!(eval("count >= 500", &ANSWERS));
    assert!(!eval("count > 500", &ANSWERS));
    assert!(eval("count < 501 and count <= 500 and count == 500 and count != 1", &ANSWERS));
    assert!(eval("500 <= count", &ANSWERS));
    assert!(eval("freshness == weekly", &ANSWERS));
    assert!(eval("freshness != static", &ANSWERS));
    assert!(eval("freshness in [weekly, daily]", &ANSWERS));
    assert!(!eval("freshness in [static]", &ANSWERS));
    assert!(eval("freshness == \"weekly\"", &ANSWERS));
    assert!(eval("weekly == freshness", &ANSWERS));
    assert!(eval("flag == true and other_flag == false", &ANSWERS));
    assert!(eval("flag != other_flag", &ANSWERS));
    assert!(eval("other_flag or flag", &ANSWERS));
    assert!(eval("true", &ANSWERS));
    assert!(!eval("false", &ANSWERS));
}

#[test]
fn precedence_is_not_then_and_then_or() {
    // `or` binds loosest: true or (false and false)
    assert!(eval("flag or other_flag and other_flag", &ANSWERS));
    assert!(!eval("(flag or other_flag) and other_flag", &ANSWERS));
    assert!(eval("not other_flag and flag", &ANSWERS));
    assert!(!eval("not (other_flag or flag)", &ANSWERS));
}

fn error(text: &str) -> ExprError {
    match check(text) {
        Ok(expr) => panic!("`{text}` compiled to {expr:?}"),
        Err(e) => e,
    }
}

#[test]
fn unknown_question_suggests_the_closest() {
    let e = error("flag and cuont >= 3");
    assert_eq!(e.code, Code::ExprUnknownQuestion);
    assert_eq!((e.start, e.len), (9, 5));
    assert_eq!(e.help.as_deref(), Some("did you mean `count`?"));
}

#[test]
fn unknown_choice_value_lists_allowed_values() {
    let e = error("freshness in [weekly, hourly]");
    assert_eq!(e.code, Code::ExprUnknownValue);
    assert_eq!((e.start, e.len), (22, 6));
    assert!(e.help.as_deref().is_some_and(|h| h.contains("`static`, `weekly`, `daily`")));
}

#[test]
fn type_mismatches_are_rejected() {
    for text in [
        "flag == 3",
        "count == true",
        "flag > other_flag",
        "freshness >= weekly",
        "count",
        "freshness",
        "3",
        "count in [1]",
        "freshness == 3",
    ] {
        assert_eq!(error(text).code, Code::ExprTypeMismatch, "{text}");
    }
}

#[test]
fn syntax_errors_point_at_the_problem() {
    let cases = [
        ("count >= ", 9, "ends early"),
        ("count = 3", 6, "`=` is not an operator"),
        ("(flag and other_flag", 20, "ends early"),
        ("flag other_flag", 5, "after the end"),
        ("flag && other_flag", 5, "unexpected character"),
        ("freshness in weekly", 13, "expected `[`"),
        ("freshness in [weekly daily]", 21, "expected `,` or `]`"),
        ("count >= 99999999999999999999", 9, "not a whole number"),
        ("freshness == \"weekly", 13, "not closed"),
        ("freshness in []", 9, "empty"),
    ];
    for (text, start, message) in cases {
        let e = error(text);
        assert!(e.message.contains(message), "{text}: {}", e.message);
        assert_eq!(e.start, start, "{text}");
    }
}

#[test]
fn reports_questions_read_and_thresholds() {
    let expr = check("count >= 50 and not (500 > count) or flag").unwrap();
    let (flag, count) = (QuestionId::from(0), QuestionId::from(1));
    assert_eq!(expr.questions(), vec![count, flag]);
    assert_eq!(expr.int_thresholds(count), vec![(CmpOp::Ge, 50), (CmpOp::Lt, 500)]);
}
