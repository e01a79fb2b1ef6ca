//! The questionnaire as a web page: the page itself and the answers to its
//! requests, as pure functions of the rule set and the request body. The
//! HTTP server around them (`shouldtune serve`) lives in the binary's edge,
//! `app::serve`; nothing here does I/O or keeps state.
//!
//! The page posts the answers as JSON; they are written out as a descriptor
//! and go through the same parser, checks, engine and renderers as
//! `shouldtune evaluate`, so the page shows exactly what the command would.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::cost::{self, CostSettings, PriceTable};
use crate::descriptor::{self, Draft};
use crate::diag::Diagnostic;
use crate::eval::{self, Answers};
use crate::i18n::{Arg, Lang, Msg, MsgArg};
use crate::load::Limits;
use crate::report::{Report, adr, html};
use crate::rules::{Question, QuestionKind, RuleSet, Value};
use crate::source::SourceFile;
use crate::text::escape_html as esc;

/// The page's script.
pub const SCRIPT: &str = include_str!("web/app.js");

/// The page's style sheet: the report's, then the form's.
#[must_use]
pub fn style_sheet() -> String {
    format!("{}{}", html::CSS, include_str!("web/page.css"))
}

/// A response: status code, content type and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status code.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: String,
}

impl Reply {
    fn json(status: u16, value: &impl Serialize) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned()),
        }
    }

    /// An error reply: `{"error": message}`, the message in `lang`.
    fn error(status: u16, message: &Msg, lang: Lang) -> Reply {
        Reply::json(status, &serde_json::json!({ "error": message.render(lang) }))
    }

    /// A body that is not the JSON expected: where the parser stopped.
    fn not_json(id: &'static str, error: &serde_json::Error, lang: Lang) -> Reply {
        Reply::error(400, &Msg::new(id).arg("line", error.line()).arg("column", error.column()), lang)
    }
}

/// The one page: every question of `rule_set` with its help and default, the
/// load and download controls, and the place the result goes.
#[must_use]
pub fn page(rule_set: &RuleSet) -> String {
    page_in(rule_set, Lang::En)
}

/// [`page`] with the page's own words in `lang` (`<html lang>` too); the
/// script's messages come from the `data-t-*` attributes of `<body>`.
#[must_use]
pub fn page_in(rule_set: &RuleSet, lang: Lang) -> String {
    let t = |id: &str| esc(&lang.tr(id));
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, r#"<html lang="{}">"#, lang.code());
    let _ = writeln!(out, "<head>");
    let _ = writeln!(out, r#"<meta charset="utf-8"/>"#);
    let _ = writeln!(out, r#"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#);
    let _ = writeln!(out, "<title>shouldtune: {}</title>", t("web-question"));
    let _ = writeln!(out, r#"<link rel="icon" href="data:,"/>"#);
    let _ = writeln!(out, r#"<link rel="stylesheet" href="/app.css"/>"#);
    let _ = writeln!(out, r#"<script src="/app.js" defer="defer"></script>"#);
    let _ = writeln!(out, "</head>");
    let script_words: Vec<String> =
        ["unreachable", "unreachable-short", "fix-answers", "recommended", "cannot-load", "loaded"]
            .iter()
            .map(|key| format!(r#" data-t-{key}="{}""#, t(&format!("web-js-{key}"))))
            .collect();
    let _ = writeln!(out, "<body{}>", script_words.concat());
    let _ = writeln!(out, r##"<a class="skip" href="#result">{}</a>"##, t("web-skip"));
    let _ = writeln!(out, r#"<header class="top">"#);
    let _ = writeln!(out, r#"<p class="kicker">shouldtune</p>"#);
    let _ = writeln!(out, "<h1>{}</h1>", t("web-question"));
    let _ = writeln!(out, "<p>{}</p>", t("web-intro"));
    let _ = writeln!(out, "</header>");
    let _ = writeln!(out, r#"<div class="layout">"#);
    let _ = writeln!(out, r#"<form id="questions" aria-labelledby="h-questions" novalidate="novalidate">"#);
    let _ = writeln!(out, r#"<h2 id="h-questions" class="visually-hidden">{}</h2>"#, t("web-questions"));
    let _ = writeln!(out, r#"<section class="file" id="drop" aria-labelledby="h-load">"#);
    let _ = writeln!(out, r#"<h2 id="h-load">{}</h2>"#, t("web-start-from-file"));
    // The file name is set in code: the message is escaped first, then its name marked up.
    let load = esc(&lang.tr_args("web-load", &[("file", Arg::Str("llm-project.yaml"))])).replacen(
        "llm-project.yaml",
        "<code>llm-project.yaml</code>",
        1,
    );
    let _ = writeln!(out, r#"<label for="load">{load}</label>"#);
    let _ = writeln!(out, r#"<input type="file" id="load" accept=".yaml,.yml" aria-describedby="load-help"/>"#);
    let _ = writeln!(out, r#"<p class="help" id="load-help">{}</p>"#, t("web-drop"));
    let _ = writeln!(out, r#"<div id="load-errors" role="alert"></div>"#);
    let _ = writeln!(out, "</section>");
    let _ = writeln!(out, r#"<div class="q" id="q-name">"#);
    let _ = writeln!(out, r#"<label for="name">{}</label>"#, t("web-project-name"));
    let _ = writeln!(
        out,
        r#"<input type="text" id="name" name="name" value="{}" autocomplete="off"/>"#,
        t("web-default-name")
    );
    let _ = writeln!(out, "</div>");
    // Derived facts are computed by the cost model, never asked.
    let asked: Vec<&Question> = rule_set.questions.iter().filter(|q| q.derived.is_none()).collect();
    let total = asked.len();
    for (index, question) in asked.into_iter().enumerate() {
        question_html(&mut out, question, index, total, lang);
    }
    let _ = writeln!(out, r#"<div class="q" id="q-planned">"#);
    let _ = writeln!(out, r#"<label for="planned">{}</label>"#, t("ask-plan"));
    let _ = writeln!(out, r#"<select id="planned" name="planned" aria-describedby="help-planned">"#);
    let none = lang.tr_args("web-default-option", &[("choice", Arg::Str(&lang.tr("ask-plan-none")))]);
    let _ = writeln!(out, r#"<option value="" selected="selected">{}</option>"#, esc(&none));
    for approach in &rule_set.approaches {
        let _ = writeln!(out, r#"<option value="{}">{}</option>"#, esc(&approach.id), esc(&approach.title));
    }
    let _ = writeln!(out, "</select>");
    let plan_help = esc(&lang.tr("ask-plan-help"));
    let plan_help = plan_help.replacen("`shouldtune check`", "<code>shouldtune check</code>", 1);
    let _ = writeln!(out, r#"<p class="help" id="help-planned">{plan_help}</p>"#);
    let _ = writeln!(out, "</div>");
    let _ = writeln!(out, "</form>");
    let _ = writeln!(out, r#"<section id="result" aria-labelledby="h-result" tabindex="-1">"#);
    let _ = writeln!(out, r#"<h2 id="h-result" class="visually-hidden">{}</h2>"#, t("web-result"));
    let _ = writeln!(out, r#"<p id="status" role="status" aria-live="polite">{}</p>"#, t("web-working"));
    let _ = writeln!(out, r#"<div class="downloads">"#);
    for (id, label) in
        [("dl-yaml", "web-download-yaml"), ("dl-html", "web-download-html"), ("dl-adr", "web-download-adr")]
    {
        let _ = writeln!(out, r#"<button type="button" id="{id}" disabled="disabled">{}</button>"#, t(label));
    }
    let _ = writeln!(out, "</div>");
    let _ = writeln!(out, r#"<div id="report"></div>"#);
    let _ = writeln!(out, "</section>");
    let _ = writeln!(out, "</div>");
    let _ = writeln!(out, "</body>");
    let _ = writeln!(out, "</html>");
    out
}

fn question_html(out: &mut String, question: &crate::rules::Question, index: usize, total: usize, lang: Lang) {
    let id = esc(&question.id);
    let kind = question.kind.type_name();
    let default = question.display_value(question.default);
    let _ = writeln!(
        out,
        r#"<div class="q" id="q-{id}" data-question="{id}" data-kind="{kind}" data-default="{}">"#,
        esc(&default)
    );
    let count = |n: usize| Arg::Num(i64::try_from(n).unwrap_or(i64::MAX));
    let number = lang.tr_args("web-number", &[("number", count(index + 1)), ("total", count(total))]);
    let number = format!(r#"<span class="n">{}</span> "#, esc(&number));
    let describe = if question.help.is_empty() {
        format!("default-{id} err-{id}")
    } else {
        format!("help-{id} default-{id} err-{id}")
    };
    match &question.kind {
        QuestionKind::Boolean => {
            let _ = writeln!(out, r#"<fieldset aria-describedby="{describe}">"#);
            let _ = writeln!(out, "<legend>{number}{}</legend>", esc(&question.text));
            for (value, label) in [(true, lang.tr("ask-yes")), (false, lang.tr("ask-no"))] {
                let is_default = question.default == Value::Bool(value);
                let checked = if is_default { r#" checked="checked""# } else { "" };
                let label = esc(&label);
                let mark = if is_default { esc(&lang.tr("web-default-mark")) } else { String::new() };
                let _ = writeln!(
                    out,
                    r#"<label class="radio"><input type="radio" name="{id}" value="{value}"{checked}/> {label}{mark}</label>"#
                );
            }
            let _ = writeln!(out, "</fieldset>");
        }
        QuestionKind::Integer { min, max } => {
            let _ = writeln!(out, r#"<label for="a-{id}">{number}{}</label>"#, esc(&question.text));
            let mut bounds = String::new();
            if let Some(min) = min {
                let _ = write!(bounds, r#" min="{min}""#);
            }
            if let Some(max) = max {
                let _ = write!(bounds, r#" max="{max}""#);
            }
            let _ = writeln!(
                out,
                r#"<input type="number" id="a-{id}" name="{id}" step="1"{bounds} value="{}" inputmode="numeric" aria-describedby="{describe}"/>"#,
                esc(&default)
            );
        }
        QuestionKind::Choice { values } => {
            let _ = writeln!(out, r#"<label for="a-{id}">{number}{}</label>"#, esc(&question.text));
            let _ = writeln!(out, r#"<select id="a-{id}" name="{id}" aria-describedby="{describe}">"#);
            for value in values {
                let is_default = *value == default;
                let label = if is_default {
                    lang.tr_args("web-default-option", &[("choice", Arg::Str(value))])
                } else {
                    value.clone()
                };
                let selected = if is_default { r#" selected="selected""# } else { "" };
                let _ = writeln!(out, r#"<option value="{}"{selected}>{}</option>"#, esc(value), esc(&label));
            }
            let _ = writeln!(out, "</select>");
        }
    }
    if !question.help.is_empty() {
        let _ = writeln!(out, r#"<p class="help" id="help-{id}">{}</p>"#, esc(&question.help));
    }
    let shown = match question.default {
        Value::Bool(true) => lang.tr("ask-yes"),
        Value::Bool(false) => lang.tr("ask-no"),
        _ => default.clone(),
    };
    let label = esc(&lang.tr("web-default"));
    let _ = writeln!(out, r#"<p class="default" id="default-{id}">{label} <code>{}</code></p>"#, esc(&shown));
    let _ = writeln!(out, r#"<p class="error" id="err-{id}"></p>"#);
    let _ = writeln!(out, "</div>");
}

/// The answers as the page posts them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Posted {
    name: String,
    #[serde(default)]
    planned: Vec<String>,
    #[serde(default)]
    answers: serde_json::Map<String, serde_json::Value>,
    /// The `cost:` and `rules:` sections of a loaded file, as `/api/load` wrote them.
    #[serde(default)]
    kept: String,
}

/// A problem with the posted answers or a loaded file, for the page.
#[derive(Debug, Serialize)]
struct Problem {
    /// The question it concerns, when it concerns one.
    question: Option<String>,
    /// 1-based line and column in the file (for loaded files).
    line: usize,
    column: usize,
    /// `error[code]: message`.
    message: String,
    /// The fix, if obvious.
    help: Option<String>,
    /// The diagnostic as `shouldtune` prints it, with the snippet.
    rendered: String,
}

fn problems(
    diagnostics: &[Diagnostic],
    question_at_line: impl Fn(usize) -> Option<String>,
    lang: Lang,
) -> Vec<Problem> {
    diagnostics
        .iter()
        .map(|d| {
            let mut rendered = Vec::new();
            let _ = crate::diag::render_in(std::slice::from_ref(d), &mut rendered, crate::text::Style::PLAIN, lang);
            let d = d.in_lang(lang);
            Problem {
                question: question_at_line(d.span.line),
                line: d.span.line,
                column: d.span.column,
                message: format!("{}[{}]: {}", d.severity.word(lang), d.code, d.message),
                help: d.help.clone(),
                rendered: String::from_utf8_lossy(&rendered).into_owned(),
            }
        })
        .collect()
}

/// `POST /api/evaluate`: the posted answers → the `evaluate` JSON report,
/// the result as HTML, the cost chart, and the three downloads.
///
/// A loaded file's `cost:` section (posted back in `kept`) prices the answers
/// as `evaluate` would price the file, against `tables`; its age is judged
/// against `today` (days since 1970-01-01). Its `rules:` entry is kept for the
/// download only: the page asks the rule set the server was started with.
#[must_use]
pub fn evaluate(rule_set: &RuleSet, tables: &[PriceTable], body: &[u8], limits: Limits, today: i64) -> Reply {
    evaluate_in(rule_set, tables, body, limits, today, Lang::En)
}

/// [`evaluate`] with the messages and reports in `lang`.
#[must_use]
pub fn evaluate_in(
    rule_set: &RuleSet,
    tables: &[PriceTable],
    body: &[u8],
    limits: Limits,
    today: i64,
    lang: Lang,
) -> Reply {
    let posted: Posted = match serde_json::from_slice(body) {
        Ok(posted) => posted,
        Err(e) => return Reply::not_json("web-error-answers-json", &e, lang),
    };
    // The answers become a descriptor, one answer a line, so that they go
    // through exactly the checks a file gets and each problem maps to its question.
    let mut text = String::new();
    let _ = writeln!(text, "name: {}", json(&serde_json::Value::String(posted.name.clone())));
    if !posted.planned.is_empty() {
        let _ = writeln!(text, "planned_approach: {}", json(&serde_json::json!(posted.planned)));
    }
    let _ = writeln!(text, "answers:");
    let mut lines = Vec::new();
    for (id, value) in &posted.answers {
        if value.is_array() || value.is_object() {
            return Reply::error(400, &Msg::new("web-error-answer-type").arg("id", id), lang);
        }
        let _ = writeln!(text, "  {}: {}", json(&serde_json::Value::String(id.clone())), json(value));
        lines.push((text.lines().count(), id.clone()));
    }
    if let Err(message) = check_kept(&posted.kept, limits) {
        return Reply::error(400, &message, lang);
    }
    text.push_str(&posted.kept);
    let source = SourceFile::new("answers", text);
    let question_at = |line: usize| lines.iter().find(|(l, _)| *l == line).map(|(_, id)| id.clone());
    let mut project = match descriptor::parse(&source, rule_set, limits) {
        Ok(project) => project,
        Err(diagnostics) => {
            return Reply::json(422, &serde_json::json!({ "errors": problems(&diagnostics, question_at, lang) }));
        }
    };
    let settings = project.cost.clone().unwrap_or(CostSettings { span: project.name_span, ..CostSettings::default() });
    let estimate = crate::facts::estimate_and_derive(rule_set, &mut project.given, Some(&settings), tables, &source);
    let estimate = match (estimate, project.cost.is_some()) {
        (Ok(mut estimate), given) => {
            if given {
                let _ = estimate.check_age(today);
            }
            Some(estimate)
        }
        // The file's own cost settings do not fit the tables: its problem to fix, as in `evaluate`.
        (Err(error), true) => {
            return Reply::json(422, &serde_json::json!({ "errors": problems(&[*error], |_| None, lang) }));
        }
        (Err(_), false) => None,
    };
    let evaluation = eval::evaluate(rule_set, project.answers(rule_set));
    let planned = project.planned.as_ref().map(|p| p.approaches.as_slice());
    let report = Report::new(rule_set, &project.name, &evaluation)
        .with_plan(rule_set, planned, &evaluation)
        .with_what_if(rule_set, &project.given, &evaluation)
        .with_cost(estimate)
        .in_lang(lang);
    let chart = report.cost.as_ref().and_then(|e| cost::plot::svg_in(e, &project.name, lang).ok());
    let mut fragment = Vec::new();
    let mut page = Vec::new();
    let mut record = Vec::new();
    let rendered = html::body_in(&report, chart.as_deref(), &mut fragment, lang)
        .and_then(|()| html::render_in(&report, chart.as_deref(), &mut page, lang))
        .and_then(|()| adr::render_in(&report, &mut record, lang));
    if let Err(e) = rendered {
        return Reply::error(500, &Msg::new("web-error-render").arg("reason", e.to_string()), lang);
    }
    let applicable = Answers::resolve(rule_set, &project.given);
    let draft = Draft {
        name: project.name.clone(),
        description: None,
        planned: project.planned.as_ref().map(|p| p.approaches.clone()),
        given: project
            .given
            .iter_enumerated()
            .map(|(i, answer)| answer.filter(|_| applicable.is_applicable(i)))
            .collect(),
        incomplete: false,
    };
    Reply::json(
        200,
        &serde_json::json!({
            "report": report,
            "margin": report.confidence_in(lang),
            "fragment": String::from_utf8_lossy(&fragment),
            "descriptor": descriptor::to_yaml(rule_set, &draft) + &posted.kept,
            "html": String::from_utf8_lossy(&page),
            "adr": String::from_utf8_lossy(&record),
        }),
    )
}

/// A loaded file, as the page posts it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Loaded {
    #[serde(default)]
    file_name: Option<String>,
    text: String,
}

/// `POST /api/load`: a descriptor's text → its name, plan and given answers,
/// or its problems with line and column.
#[must_use]
pub fn load(rule_set: &RuleSet, body: &[u8], limits: Limits) -> Reply {
    load_in(rule_set, body, limits, Lang::En)
}

/// [`load`] with the messages in `lang`.
#[must_use]
pub fn load_in(rule_set: &RuleSet, body: &[u8], limits: Limits, lang: Lang) -> Reply {
    let loaded: Loaded = match serde_json::from_slice(body) {
        Ok(loaded) => loaded,
        Err(e) => return Reply::not_json("web-error-file-json", &e, lang),
    };
    let name = loaded.file_name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "llm-project.yaml".to_owned());
    let name = crate::text::sanitize(&name);
    if loaded.text.len() > limits.max_file_bytes {
        let message = Msg::new("web-error-file-too-large").arg("name", &name).arg("limit", limits.max_file_bytes);
        return Reply::error(413, &message, lang);
    }
    let source = SourceFile::new(name, loaded.text);
    let parsed = descriptor::Document::parse(&source, limits)
        .and_then(|document| descriptor::validate_partial(&document, rule_set).map(|d| (d, document)));
    let (project, document) = match parsed {
        Ok(parsed) => parsed,
        Err(diagnostics) => {
            return Reply::json(422, &serde_json::json!({ "errors": problems(&diagnostics, |_| None, lang) }));
        }
    };
    let mut notes = Vec::new();
    if let crate::load::NodeKind::Map(entries) = &document.root.kind {
        for (key, _) in entries {
            match key.as_str() {
                Some("rules") => notes.push(lang.tr("web-note-rules")),
                Some("cost") => notes.push(lang.tr("web-note-cost")),
                _ => {}
            }
        }
    }
    let kept = descriptor::kept_sections(&document);
    let answers: serde_json::Map<String, serde_json::Value> = rule_set
        .questions
        .iter()
        .zip(&project.given)
        .filter_map(|(q, answer)| answer.map(|v| (q.id.clone(), q.json_value(v))))
        .collect();
    let planned: Vec<&str> = project
        .planned
        .as_ref()
        .map(|p| p.approaches.iter().map(|&a| rule_set.approaches[a].id.as_str()).collect())
        .unwrap_or_default();
    Reply::json(
        200,
        &serde_json::json!({
            "name": project.name,
            "planned": planned,
            "answers": answers,
            "notes": notes,
            "kept": kept,
        }),
    )
}

/// Posted `kept` text must be what `/api/load` writes: YAML with only the
/// `cost:` and `rules:` keys at the top, so it cannot replace the answers.
fn check_kept(kept: &str, limits: Limits) -> Result<(), Msg> {
    if kept.trim().is_empty() {
        return Ok(());
    }
    let source = SourceFile::new("kept", kept);
    let root = crate::load::parse_document(&source, limits).map_err(|d| {
        let error = d.l10n.message.clone().map_or_else(|| MsgArg::Str(d.message.clone()), MsgArg::from);
        Msg::new("web-error-kept-not-yaml").arg("error", error)
    })?;
    let crate::load::NodeKind::Map(entries) = &root.kind else {
        return Err(Msg::new("web-error-kept-mapping"));
    };
    match entries.iter().find(|(k, _)| !k.as_str().is_some_and(|k| descriptor::KEPT_KEYS.contains(&k))) {
        Some(_) => Err(Msg::new("web-error-kept-keys")),
        None if kept.ends_with('\n') => Ok(()),
        None => Err(Msg::new("web-error-kept-newline")),
    }
}

fn json(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests;
