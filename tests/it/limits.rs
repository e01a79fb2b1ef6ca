//! Hostile input: every case ends in exit 2 with the file named, without
//! hanging, panicking or using more than 256 MiB of address space.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

pub(super) fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

/// Runs `shouldtune ARGS` in `dir` under a 256 MiB address-space limit.
pub(super) fn limited(dir: &Path, args: &str) -> std::process::Output {
    let script = format!("ulimit -v 262144; exec \"{}\" {args}", env!("CARGO_BIN_EXE_shouldtune"));
    let child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Read the output while waiting, so a full pipe cannot pass for a hang.
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(child.wait_with_output());
    });
    if let Ok(output) = receiver.recv_timeout(Duration::from_mins(1)) {
        output.unwrap()
    } else {
        let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        panic!("`shouldtune {args}` hung")
    }
}

fn billion_laughs() -> String {
    let mut text = String::from("name: lol\nanswers:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        text = format!("{text}  a{i}: &a{i} [{refs}]\n");
    }
    text
}

#[test]
fn hostile_descriptors_fail_cleanly_within_256_mib() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("laughs.llm-project.yaml"), billion_laughs().as_bytes());
    let deep = format!("name: deep\nanswers: {}1{}\n", "[".repeat(100_000), "]".repeat(100_000));
    write(&d.join("deep.llm-project.yaml"), deep.as_bytes());
    let block: String = (0..5_000).map(|i| "  ".repeat(i) + "k:\n").collect();
    write(&d.join("block.llm-project.yaml"), block.as_bytes());
    write(&d.join("huge.llm-project.yaml"), &vec![b'#'; 3 * 1024 * 1024]);
    write(&d.join("nul.llm-project.yaml"), b"name: a\0b\n");
    write(&d.join("latin1.llm-project.yaml"), b"name: caf\xe9\n");
    let keys: Vec<String> = (0..60_000).map(|i| format!("k{i}: 1")).collect();
    write(&d.join("keys.llm-project.yaml"), keys.join("\n").as_bytes());
    for file in [
        "laughs.llm-project.yaml",
        "deep.llm-project.yaml",
        "block.llm-project.yaml",
        "huge.llm-project.yaml",
        "nul.llm-project.yaml",
        "latin1.llm-project.yaml",
        "keys.llm-project.yaml",
    ] {
        for command in ["evaluate", "check"] {
            let output = limited(d, &format!("{command} {file}"));
            let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
            assert_eq!(output.status.code(), Some(2), "{command} {file}: {all}");
            assert!(all.contains(file), "{command} {file} names the file: {all}");
            assert!(!all.contains("panicked"), "{command} {file}: {all}");
        }
    }
    // All at once: every file reported, the run still ends in exit 2.
    let output = limited(d, "check .");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout).contains("7 files"));
}

#[test]
fn hostile_rule_files_fail_cleanly_within_256_mib() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("llm-project.yaml"), b"name: x\n");
    write(&d.join("laughs.yaml"), billion_laughs().replace("name: lol\nanswers:\n", "rules:\n").as_bytes());
    let long_condition = format!(
        "extends: default\nrules:\n  - {{ id: r, title: T, when: '{}true{}', effects: {{ rag: 1 }}, because: x, source: y }}\n",
        "(".repeat(50_000),
        ")".repeat(50_000)
    );
    write(&d.join("parens.yaml"), long_condition.as_bytes());
    let chain = (0..20_000).map(|_| "not").collect::<Vec<_>>().join(" ");
    write(
        &d.join("nots.yaml"),
        format!("extends: default\nrules:\n  - {{ id: r, title: T, when: '{chain} true', effects: {{ rag: 1 }}, because: x, source: y }}\n").as_bytes(),
    );
    for file in ["laughs.yaml", "parens.yaml", "nots.yaml"] {
        let output = limited(d, &format!("evaluate llm-project.yaml --rules {file}"));
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(file), "{file}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn pipes_directories_and_dangling_links_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = Command::new("mkfifo").arg(d.join("fifo.llm-project.yaml")).status().is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
    std::fs::create_dir(d.join("adir.llm-project.yaml")).unwrap();
    std::os::unix::fs::symlink(d.join("gone.yaml"), d.join("dangling.yaml")).unwrap();
    for (args, expected) in [
        ("evaluate fifo.llm-project.yaml", "not a regular file"),
        ("check fifo.llm-project.yaml", "not a regular file"),
        ("evaluate adir.llm-project.yaml", "is a directory"),
        ("evaluate dangling.yaml", "no such file"),
        ("evaluate llm-project.yaml --rules fifo.llm-project.yaml", "not a regular file"),
    ] {
        let output = limited(d, args);
        let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        let all = crate::unwrapped(&all);
        assert_eq!(output.status.code(), Some(2), "{args}: {all}");
        assert!(all.contains(expected), "{args}: {all}");
    }
    // A directory search reports the pipe, neither blocking on it nor passing over it.
    let output = limited(d, "check .");
    let out = crate::unwrapped(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        out.contains("fifo.llm-project.yaml:1:1: error[io-error]: `fifo.llm-project.yaml` is not a regular file"),
        "{out}"
    );
}

/// A file that exists but cannot be read. Permission bits do not stop root
/// (CI runs as root), so this uses a file whose reads fail for everyone.
#[cfg(target_os = "linux")]
#[test]
fn unreadable_files_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(crate::root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    write(&dir.path().join("llm-project.yaml"), good.as_bytes());
    let output = limited(dir.path(), "evaluate /proc/self/mem");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read `/proc/self/mem`"));
    let output = limited(dir.path(), "check llm-project.yaml /proc/self/mem");
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("/proc/self/mem:1:1: error[io-error]: cannot read") && out.contains("2 files"), "{out}");
}
