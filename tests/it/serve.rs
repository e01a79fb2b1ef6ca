//! `shouldtune serve`: the real server on 127.0.0.1, spoken to over TCP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::{root, shouldtune_in};

/// A running `shouldtune serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(dir: &std::path::Path, args: &[&str], env: &[(&str, &std::path::Path)]) -> Server {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("shouldtune"));
        command.current_dir(dir).arg("serve").args(args).stdout(Stdio::piped()).stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().unwrap();
        let mut line = String::new();
        let stdout = child.stdout.take().unwrap();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let port = line
            .trim()
            .strip_prefix("http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("first line is not the address: {line:?}"));
        Server { child, port }
    }

    /// Sends `head` (request line and headers, without the blank line) and `body`; returns status, headers, body.
    fn raw(&self, head: &str, body: &[u8]) -> (u16, String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let request = format!("{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
        stream.write_all(request.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        (status, head.to_owned(), body.to_owned())
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        self.raw(&format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{}", self.port), b"")
    }

    fn post(&self, path: &str, json: &serde_json::Value) -> (u16, serde_json::Value) {
        let body = serde_json::to_vec(json).unwrap();
        // HTTP/1.0, so that the reply is not chunked.
        let head = format!("POST {path} HTTP/1.0\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json", self.port);
        let (status, _, body) = self.raw(&head, &body);
        (status, serde_json::from_str(&body).unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn serves_the_page_and_its_assets_with_a_strict_policy() {
    let dir = temp_dir();
    let server = Server::start(dir.path(), &[], &[]);
    let (status, head, page) = server.get("/");
    assert_eq!(status, 200);
    let head = head.to_ascii_lowercase();
    assert!(head.contains("content-type: text/html; charset=utf-8"), "{head}");
    assert!(head.contains("content-security-policy: default-src 'none'; script-src 'self';"), "{head}");
    assert!(page.contains(r#"data-question="task_type""#) && page.contains(r#"<script src="/app.js""#));
    assert!(!page.contains("http://") && !page.contains("https://"), "nothing is fetched from elsewhere");
    for (path, kind) in [("/app.js", "text/javascript"), ("/app.css", "text/css")] {
        let (status, head, body) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(head.to_ascii_lowercase().contains(&format!("content-type: {kind}")), "{head}");
        assert!(!body.is_empty());
    }
    assert_eq!(server.get("/nothing").0, 404);
    assert_eq!(server.raw(&format!("DELETE / HTTP/1.1\r\nHost: 127.0.0.1:{}", server.port), b"").0, 405);
    let entries = std::fs::read_dir(dir.path()).map_or(usize::MAX, Iterator::count);
    assert_eq!(entries, 0, "serve writes no file");
}

#[test]
fn refuses_other_hosts_other_types_and_large_bodies() {
    let server = Server::start(&root(), &[], &[]);
    assert_eq!(server.raw("GET / HTTP/1.1\r\nHost: attacker.example", b"").0, 403);
    assert_eq!(server.raw("GET / HTTP/1.1", b"").0, 403, "no Host header");
    let form = format!(
        "POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/x-www-form-urlencoded",
        server.port
    );
    assert_eq!(server.raw(&form, b"name=x").0, 415);
    let big = vec![b' '; 3 * 1024 * 1024];
    let json = format!("POST /api/load HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json", server.port);
    assert_eq!(server.raw(&json, &big).0, 413);
    // Still serving.
    assert_eq!(server.get("/").0, 200);
}

#[test]
fn evaluates_like_the_command_and_downloads_a_descriptor_check_accepts() {
    let dir = temp_dir();
    let server = Server::start(&root(), &[], &[]);
    let answers = serde_json::json!({
        "name": "Support <bot>",
        "planned": ["rag"],
        "answers": { "task_type": "qa", "needs_private_knowledge": true, "knowledge_freshness": "weekly",
                     "deadline_weeks": 6, "baseline_exists": false, "baseline_meets_target": true }
    });
    let (status, reply) = server.post("/api/evaluate", &answers);
    assert_eq!(status, 200, "{reply}");
    let descriptor = reply["descriptor"].as_str().unwrap();
    std::fs::write(dir.path().join("llm-project.yaml"), descriptor).unwrap();
    let checked = shouldtune_in(dir.path(), &["check", "llm-project.yaml", "--allow-defaults"]);
    assert_eq!(checked.status.code(), Some(0), "{}", String::from_utf8_lossy(&checked.stdout));
    let evaluated = shouldtune_in(dir.path(), &["evaluate", "llm-project.yaml", "--format", "json"]);
    let mut expected: serde_json::Value = serde_json::from_slice(&evaluated.stdout).unwrap();
    let mut from_page = reply["report"].clone();
    // The page always estimates costs (default settings); the file has no `cost:` section.
    assert_eq!(from_page["cost"]["price_table"], "azure-openai-2023-10", "{from_page}");
    assert!(from_page["cost"]["monthly"]["fine_tuning"].is_string(), "{from_page}");
    for report in [&mut expected, &mut from_page] {
        if let Some(map) = report.as_object_mut() {
            map.remove("cost");
        }
    }
    assert_eq!(from_page, expected);
    // The answer to a question that does not apply is not written.
    assert!(!descriptor.contains("baseline_meets_target"), "{descriptor}");
    // Loading the download gives back the same answers.
    let (status, loaded) = server.post("/api/load", &serde_json::json!({ "text": descriptor }));
    assert_eq!(status, 200, "{loaded}");
    assert_eq!(loaded["name"], "Support <bot>");
    assert_eq!(loaded["planned"], serde_json::json!(["rag"]));
    let mut sent = answers["answers"].clone();
    if let Some(map) = sent.as_object_mut() {
        map.remove("baseline_meets_target");
    }
    assert_eq!(loaded["answers"], sent);
}

#[test]
fn asks_the_questions_of_the_rule_set_it_was_given() {
    let server = Server::start(&root(), &["--rules", "examples/acme-overlay.yaml"], &[]);
    let (_, _, page) = server.get("/");
    assert!(page.contains(r#"data-question="uses_customer_pii""#), "overlay question missing");
    let (status, reply) =
        server.post("/api/evaluate", &serde_json::json!({ "name": "x", "answers": { "uses_customer_pii": true } }));
    assert_eq!(status, 200);
    assert!(
        reply["report"]["fired"].as_array().is_some_and(|f| f.iter().any(|r| r["rule"] == "no-fine-tuning-on-pii"))
    );
}

#[test]
fn open_launches_the_browser_with_the_address() {
    let dir = temp_dir();
    let script = dir.path().join("browser.sh");
    let seen = dir.path().join("seen");
    std::fs::write(&script, format!("#!/bin/sh\necho \"$1\" > '{}'\n", seen.display())).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755));
    }
    let server = Server::start(dir.path(), &["--open"], &[("BROWSER", &script)]);
    let expected = format!("http://127.0.0.1:{}/\n", server.port);
    let mut found = String::new();
    for _ in 0..200 {
        found = std::fs::read_to_string(&seen).unwrap_or_default(); // not written yet: keep polling
        if found == expected {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(found, expected);
}

#[test]
fn a_busy_port_is_an_error_with_a_suggestion() {
    let server = Server::start(&root(), &[], &[]);
    let port = server.port.to_string();
    let output = shouldtune_in(&root(), &["serve", "--port", &port]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")) && stderr.contains("--port 0"), "{stderr}");
}

/// A file with a `cost:` section and a rule overlay, loaded into the page: the page prices it
/// with its own section (and the server's `--pricing` table), so report, cost and derived fact
/// are `evaluate`'s; the download keeps both sections, `check` accepts it and `evaluate` gives
/// the same report as for the original.
#[test]
fn a_loaded_cost_section_prices_the_page_and_both_sections_survive_the_download() {
    let dir = temp_dir();
    let d = dir.path();
    let example = std::fs::read_to_string(root().join("examples/llm-project.yaml")).unwrap();
    assert!(example.contains("\ncost:\n"), "the example has a cost section");
    std::fs::write(d.join("policy.yaml"), "extends: default\ndisable: [strict-format]\n").unwrap();
    // gpt-35-turbo without a hosting fee: the derived fact differs from the embedded table's.
    std::fs::write(
        d.join("prices.yaml"),
        "id: azure-openai-2023-10\ncurrency: USD\nas_of: 2026-11-01\nsource: a contract\nmodels:\n  gpt-35-turbo:\n    training_per_hour: 102\n    billing_increment_minutes: 15\n    hosting_per_hour: 0\n    base: { input_per_1k: 0.0015, output_per_1k: 0.002 }\n",
    )
    .unwrap();
    let original = format!("rules: [policy.yaml]\n{example}");
    std::fs::write(d.join("original.llm-project.yaml"), &original).unwrap();
    let evaluate = |name: &str| {
        let output = shouldtune_in(d, &["evaluate", name, "-f", "json", "--pricing", "prices.yaml"]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    let expected = evaluate("original.llm-project.yaml");
    assert_eq!(expected["cost"]["fine_tuning_breaks_even"], true);

    let server = Server::start(d, &["--rules", "policy.yaml", "--pricing", "prices.yaml"], &[]);
    let (status, loaded) =
        server.post("/api/load", &serde_json::json!({ "file_name": "original.llm-project.yaml", "text": original }));
    assert_eq!(status, 200, "{loaded}");
    let kept = loaded["kept"].as_str().unwrap().to_owned();
    assert!(kept.starts_with("rules:\n  - \"policy.yaml\"\ncost:\n"), "{kept}");
    assert!(kept.contains("  training_hours: 1.3\n"), "numbers as written: {kept}");
    let notes = loaded["notes"].to_string();
    assert!(notes.contains("prices the project here") && notes.contains("The download keeps them"), "{notes}");

    let posted = serde_json::json!({
        "name": loaded["name"],
        "planned": loaded["planned"],
        "answers": loaded["answers"],
        "kept": kept,
    });
    let (status, page) = server.post("/api/evaluate", &posted);
    assert_eq!(status, 200, "{page}");
    // The page asks the rule set it was started with (`--rules`, the same policy), so only the list
    // of overlays the file itself names is `evaluate`'s alone.
    let mut same = expected.clone();
    assert_eq!(
        same.as_object_mut().and_then(|o| o.remove("overlays")).map(|o| o[0]["file"].clone()),
        Some("policy.yaml".into())
    );
    assert_eq!(page["report"], same, "the page's report is `evaluate`'s");
    assert!(page["fragment"].as_str().unwrap().contains("<svg"), "the cost chart");

    let downloaded = page["descriptor"].as_str().unwrap();
    assert!(downloaded.contains("\nrules:\n  - \"policy.yaml\"\n") && downloaded.contains("\ncost:\n"), "{downloaded}");
    std::fs::write(d.join("downloaded.llm-project.yaml"), downloaded).unwrap();
    let check = shouldtune_in(d, &["check", "downloaded.llm-project.yaml", "-f", "json", "--pricing", "prices.yaml"]);
    let check_original =
        shouldtune_in(d, &["check", "original.llm-project.yaml", "-f", "json", "--pricing", "prices.yaml"]);
    assert_eq!(check.status.code(), check_original.status.code(), "{}", String::from_utf8_lossy(&check.stdout));
    let summary =
        |o: &std::process::Output| serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["summary"].clone();
    assert_eq!(summary(&check)["failed"], 0, "check reads the download: {}", String::from_utf8_lossy(&check.stdout));
    assert_eq!(summary(&check), summary(&check_original));
    assert_eq!(evaluate("downloaded.llm-project.yaml"), expected, "the download round-trips");

    // Only `cost:` and `rules:` may come back in `kept`: never a second set of answers.
    let mut forged = posted.clone();
    forged["kept"] = serde_json::json!("answers:\n  task_type: qa\n");
    assert_eq!(server.post("/api/evaluate", &forged).0, 400);
    // A section that does not fit the tables is the file's problem, shown as `evaluate` shows it.
    forged["kept"] = serde_json::json!("cost:\n  model: gpt-9\n");
    let (status, body) = server.post("/api/evaluate", &forged);
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("gpt-9"), "{body}");
}
