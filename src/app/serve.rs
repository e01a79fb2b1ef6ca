//! `shouldtune serve`: the questionnaire as a local web page.
//!
//! HTTP comes from `tiny_http`: a small, synchronous server with four small
//! dependencies and no async runtime, enough for one person's browser on
//! 127.0.0.1. What each request gets is decided by [`shouldtune::web`]; this edge
//! only checks the request (host, method, type, size) and sends the reply.
//! Nothing is kept between requests and nothing is written to disk.

use std::io::Read;

use tiny_http::{Header, Method, Request, Response, Server};

use super::{Exit, Failure, Io, load_pricing, load_rules};
use crate::cli::ServeArgs;
use shouldtune::diag::{Code, Diagnostic};
use shouldtune::i18n::{Arg, Lang, Msg};
use shouldtune::load::Limits;
use shouldtune::web::{self, Reply};

/// Headers on every response: nothing from elsewhere may load or frame the page.
const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; \
         connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
];

pub(super) fn serve(args: &ServeArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    // The rules' texts in the chosen language; ids, values and weights unchanged.
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?.in_locale(io.lang.code());
    let rule_set = rule_sets.base();
    let tables = load_pricing(&args.pricing, limits, io.stdin)?;
    let today = io.today;
    let server = Server::http(("127.0.0.1", args.port)).map_err(|e| {
        Failure::Diagnostics(vec![
            Diagnostic::without_file(
                Code::IoError,
                Msg::new("serve-cannot-listen").arg("port", args.port.to_string()).arg("reason", listen_reason(&*e)),
            )
            .with_help(Msg::new("serve-cannot-listen-help")),
        ])
    })?;
    let port = server.server_addr().to_ip().map_or(args.port, |a| a.port());
    let url = format!("http://127.0.0.1:{port}/");
    writeln!(io.stdout, "{url}")?;
    io.stdout.flush()?;
    let lang = io.lang;
    writeln!(io.stderr, "{}", lang.tr_args("serve-listening", &[("url", Arg::Str(&url))]))?;
    if args.open
        && let Err(e) = open_browser(&url)
    {
        let reason = super::io_reason(&e).render(lang);
        let message = lang.tr_args("serve-no-browser", &[("reason", Arg::Str(&reason)), ("url", Arg::Str(&url))]);
        let heading = shouldtune::diag::Severity::Warning.word(lang);
        writeln!(io.stderr, "{heading}: {}", shouldtune::text::sanitize(&message))?;
    }
    let page = web::page_in(rule_set, io.lang);
    let style = web::style_sheet();
    // Answers, loaded files and JSON escaping fit comfortably in twice the file limit.
    let max_body = limits.max_file_bytes.saturating_mul(2).saturating_add(64 * 1024);
    let hosts = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    for mut request in server.incoming_requests() {
        let reply = answer(&mut request, &hosts, max_body, lang, |method, path, body| match (method, path) {
            (Method::Get, "/" | "/index.html") => {
                Reply { status: 200, content_type: "text/html; charset=utf-8", body: page.clone() }
            }
            (Method::Get, "/app.js") => {
                Reply { status: 200, content_type: "text/javascript; charset=utf-8", body: web::SCRIPT.to_owned() }
            }
            (Method::Get, "/app.css") => {
                Reply { status: 200, content_type: "text/css; charset=utf-8", body: style.clone() }
            }
            (Method::Post, "/api/evaluate") => web::evaluate_in(rule_set, &tables, body, limits, today, lang),
            (Method::Post, "/api/load") => web::load_in(rule_set, body, limits, lang),
            (_, "/" | "/index.html" | "/app.js" | "/app.css" | "/api/evaluate" | "/api/load") => {
                plain(405, "web-error-method", lang)
            }
            _ => plain(404, "web-error-not-found", lang),
        });
        let mut response = Response::from_string(reply.body).with_status_code(reply.status);
        for (name, value) in SECURITY_HEADERS.iter().copied().chain([("Content-Type", reply.content_type)]) {
            if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(header);
            }
        }
        // A browser that went away before its reply is no reason to stop serving.
        let _ = request.respond(response);
    }
    Ok(Exit::Ok)
}

/// Checks the request and reads its body (at most `max_body` bytes), then asks `route`.
fn answer(
    request: &mut Request,
    hosts: &[String],
    max_body: usize,
    lang: Lang,
    route: impl FnOnce(&Method, &str, &[u8]) -> Reply,
) -> Reply {
    let header = |name: &'static str| {
        request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str().to_owned())
    };
    // Another site's page resolving its own name to 127.0.0.1 still sends its own name.
    if !header("Host").is_some_and(|h| hosts.iter().any(|allowed| h.eq_ignore_ascii_case(allowed))) {
        return plain(403, "web-error-forbidden", lang);
    }
    let method = request.method().clone();
    let path = request.url().split('?').next().unwrap_or("/").to_owned();
    let mut body = Vec::new();
    if method == Method::Post {
        // Only JSON: a form on another site cannot send it without the browser asking first.
        if !header("Content-Type").is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("application/json")) {
            return plain(415, "web-error-json-only", lang);
        }
        if request.body_length().is_some_and(|n| n > max_body) {
            return plain(413, "web-error-too-large", lang);
        }
        let limit = u64::try_from(max_body).unwrap_or(u64::MAX).saturating_add(1);
        if request.as_reader().take(limit).read_to_end(&mut body).is_err() {
            return plain(400, "web-error-unreadable", lang);
        }
        if body.len() > max_body {
            return plain(413, "web-error-too-large", lang);
        }
    }
    route(&method, &path, &body)
}

/// A plain-text reply: the message `id` in `lang`.
fn plain(status: u16, id: &str, lang: Lang) -> Reply {
    Reply { status, content_type: "text/plain; charset=utf-8", body: format!("{}\n", lang.tr(id)) }
}

/// Why the server could not start: an I/O error's reason, or the server library's own text.
fn listen_reason(error: &(dyn std::error::Error + 'static)) -> Msg {
    match error.downcast_ref::<std::io::Error>() {
        Some(io) => super::io_reason(io),
        None => Msg::new("io-other").arg("error", error.to_string()),
    }
}

/// Launches `$BROWSER`, or the platform's opener, on `url` without waiting for it.
fn open_browser(url: &str) -> std::io::Result<()> {
    let mut command = match std::env::var_os("BROWSER").filter(|b| !b.is_empty()) {
        Some(browser) => std::process::Command::new(browser),
        None if cfg!(target_os = "macos") => std::process::Command::new("open"),
        None if cfg!(windows) => {
            let mut c = std::process::Command::new("cmd");
            c.args(["/C", "start", ""]);
            c
        }
        None => std::process::Command::new("xdg-open"),
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}
