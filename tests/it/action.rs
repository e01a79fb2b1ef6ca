//! The GitHub Action's script (`scripts/action.sh`, run by `action.yml`),
//! end to end in a simulated runner: temporary `GITHUB_STEP_SUMMARY`,
//! `GITHUB_OUTPUT` and `GITHUB_PATH`, a local directory standing in for the
//! release download, and a fake `cargo` on `PATH`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::root;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn run(program: &str, args: &[&str], dir: &Path) -> Output {
    let output = Command::new(program).args(args).current_dir(dir).output().unwrap();
    assert!(output.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("shouldtune")
}

/// A simulated runner: a release directory, a workspace, the runner's files and a fake `cargo`.
struct Runner {
    dir: tempfile::TempDir,
}

impl Runner {
    fn new() -> Self {
        let runner = Runner { dir: tempfile::tempdir().unwrap() };
        std::fs::create_dir_all(runner.path("runner-temp")).unwrap();
        write(&runner.path("summary.md"), "from an earlier step\n");
        // `cargo install --locked shouldtune --version V --root R` puts the binary in R/bin, and is logged.
        let fake_cargo = format!(
            "#!/bin/sh\necho \"cargo $*\" >> '{log}'\n[ \"$1\" = install ] || exit 97\nwhile [ $# -gt 0 ]; do \
             [ \"$1\" = --root ] && root=\"$2\"; shift; done\nmkdir -p \"$root/bin\" && cp '{bin}' \"$root/bin/shouldtune\"\n",
            log = runner.path("cargo.log").display(),
            bin = binary().display(),
        );
        write(&runner.path("fake-bin/cargo"), &fake_cargo);
        make_executable(&runner.path("fake-bin/cargo"));
        runner
    }

    fn path(&self, rest: &str) -> PathBuf {
        self.dir.path().join(rest)
    }

    /// Publishes this build as the release asset for `target`, with its checksum file.
    fn publish(&self, target: &str) -> PathBuf {
        let name = format!("shouldtune-v{VERSION}-{target}");
        let stage = self.path("stage");
        std::fs::create_dir_all(stage.join(&name)).unwrap();
        std::fs::copy(binary(), stage.join(&name).join("shouldtune")).unwrap();
        let release = self.path(&format!("releases/v{VERSION}"));
        std::fs::create_dir_all(&release).unwrap();
        let archive = release.join(format!("{name}.tar.gz"));
        let archive_arg = archive.display().to_string();
        run("tar", &["-czf", &archive_arg, &name], &stage);
        let sum = run("sha256sum", &[&format!("{name}.tar.gz")], &release);
        write(&release.join(format!("{name}.tar.gz.sha256")), &String::from_utf8_lossy(&sum.stdout));
        archive
    }

    /// A repository to check: the fixture repository (3 descriptors, with errors and a warning).
    fn workspace(&self) -> PathBuf {
        let workspace = self.path("workspace");
        let fixtures = root().join("tests/fixtures/check/repo");
        for entry in walkdir::WalkDir::new(&fixtures).into_iter().flatten().filter(|e| e.file_type().is_file()) {
            let relative = entry.path().strip_prefix(&fixtures).unwrap();
            write(&workspace.join(relative), &read(entry.path()));
        }
        std::fs::create_dir_all(workspace.join(".git")).unwrap();
        workspace
    }

    fn action(&self, workspace: &Path, arch: &str, inputs: &[(&str, &str)]) -> Output {
        let path = format!("{}:{}", self.path("fake-bin").display(), std::env::var("PATH").unwrap_or_default());
        let mut command = Command::new("bash");
        command
            .arg(root().join("scripts/action.sh"))
            .current_dir(workspace)
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.dir.path())
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", arch)
            .env("RUNNER_TEMP", self.path("runner-temp"))
            .env("GITHUB_OUTPUT", self.path("output"))
            .env("GITHUB_STEP_SUMMARY", self.path("summary.md"))
            .env("GITHUB_PATH", self.path("github-path"))
            .env("GITHUB_ACTION_PATH", root())
            .env("SHOULDTUNE_DOWNLOAD_BASE", format!("file://{}", self.path("releases").display()));
        for (name, value) in inputs {
            command.env(format!("INPUT_{}", name.to_uppercase().replace('-', "_")), value);
        }
        command.output().unwrap()
    }

    fn outputs(&self) -> BTreeMap<String, String> {
        read(&self.path("output"))
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(not(unix))]
fn make_executable(_: &Path) {}

#[cfg(target_os = "linux")]
#[test]
fn the_action_installs_the_verified_release_checks_once_and_reports() {
    let runner = Runner::new();
    runner.publish("x86_64-unknown-linux-musl");
    let workspace = runner.workspace();
    let output = runner.action(&workspace, "X64", &[("paths", "."), ("formats", "sarif junit")]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "check's status is the step's: {stdout}\n{stderr}");
    assert!(
        stderr.contains(&format!(
            "installed shouldtune {VERSION}: release shouldtune-v{VERSION}-x86_64-unknown-linux-musl.tar.gz (sha256 "
        )),
        "{stderr}"
    );
    assert!(!runner.path("cargo.log").exists(), "cargo is not used when a release fits");

    // Annotations on stdout, paths relative to the repository.
    assert!(stdout.contains("::error file=services/search/search.llm-project.yaml,line=11"), "{stdout}");

    // Outputs: the counts of the same check run directly.
    let direct = crate::shouldtune_in(&workspace, &["check", "-f", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&direct.stdout).unwrap();
    let count = |key: &str| report["summary"][key].as_u64().unwrap_or(u64::MAX);
    assert_eq!(count("files"), 3);
    assert!(count("errors") > 0 && count("warnings") > 0, "{report}");
    let findings = count("errors") + count("warnings") + count("notes");
    let outputs = runner.outputs();
    let expected = [
        ("files", count("files").to_string()),
        ("errors", count("errors").to_string()),
        ("warnings", count("warnings").to_string()),
        ("notes", count("notes").to_string()),
        ("findings", findings.to_string()),
        ("exit-code", "1".to_owned()),
        ("sarif-file", "shouldtune.sarif".to_owned()),
        ("version", VERSION.to_owned()),
    ];
    for (key, value) in expected {
        assert_eq!(outputs.get(key), Some(&value), "{key}: {outputs:?}");
    }

    // The job summary is the Markdown report, appended to what earlier steps wrote.
    let summary = read(&runner.path("summary.md"));
    let markdown = crate::stdout(&crate::shouldtune_in(&workspace, &["check", "-f", "markdown"]));
    assert!(markdown.starts_with("## shouldtune check\n\n3 files, "), "{markdown}");
    assert_eq!(summary, format!("from an earlier step\n{markdown}"));

    // A SARIF file valid against the 2.1.0 schema, with repository-relative paths.
    let sarif: serde_json::Value = serde_json::from_str(&read(&workspace.join("shouldtune.sarif"))).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&read(&root().join("tests/sarif-schema-2.1.0.json"))).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().cloned().unwrap();
    assert_eq!(u64::try_from(results.len()).ok(), Some(findings));
    assert!(
        results.iter().all(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%")
    );
    assert!(workspace.join("shouldtune-junit.xml").exists());

    // The binary's directory is added to PATH for later steps.
    let added = read(&runner.path("github-path"));
    assert!(Path::new(added.trim()).join("shouldtune").exists(), "{added}");

    // A clean repository passes, and deny-warnings turns the warning into a failure.
    let clean = runner.path("clean");
    write(&clean.join("llm-project.yaml"), &read(&root().join("tests/fixtures/check/repo/llm-project.yaml")));
    std::fs::remove_file(runner.path("output")).unwrap();
    let output = runner.action(&clean, "X64", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    assert_eq!(runner.outputs().get("exit-code").map(String::as_str), Some("0"));
    let extraction = workspace.join("services/extraction");
    let output = runner.action(&extraction, "X64", &[("allow-defaults", "true"), ("deny-warnings", "true")]);
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
}

#[cfg(target_os = "linux")]
#[test]
fn a_bad_checksum_stops_the_install_and_no_fitting_asset_falls_back_to_cargo_install() {
    let runner = Runner::new();
    let archive = runner.publish("x86_64-unknown-linux-musl");
    let workspace = runner.workspace();
    let checksum = PathBuf::from(format!("{}.sha256", archive.display()));
    let good = read(&checksum);
    write(&checksum, &format!("{}  tampered.tar.gz\n", "0".repeat(64)));
    let output = runner.action(&workspace, "X64", &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("::error title=shouldtune action::checksum mismatch"), "{stdout}");
    assert!(!runner.path("cargo.log").exists(), "a tampered download is no reason to build instead");
    assert!(!runner.path("output").exists(), "nothing ran");
    write(&checksum, &good);

    // An architecture without a release binary: built with cargo install --locked.
    let output = runner.action(&workspace, "ARM", &[("version", &format!("v{VERSION}"))]);
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let log = read(&runner.path("cargo.log"));
    assert_eq!(
        log.trim(),
        format!(
            "cargo install --locked shouldtune --version {VERSION} --root {}",
            runner.path("runner-temp/shouldtune-action").display()
        )
    );
    assert_eq!(runner.outputs().get("files").map(String::as_str), Some("3"));

    // A release without this platform's asset: the same fallback.
    std::fs::remove_file(&archive).unwrap();
    std::fs::remove_file(runner.path("cargo.log")).unwrap();
    let output = runner.action(&workspace, "X64", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(read(&runner.path("cargo.log")).starts_with("cargo install --locked shouldtune"));

    let output = runner.action(&workspace, "X64", &[("formats", "sarif pdf")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout).contains("unknown format `pdf`"));
}

/// Every input of action.yml reaches the script, and the script reads no input the action does not pass.
#[test]
fn the_action_passes_every_input_to_its_script() {
    let action: serde_yaml::Value = serde_yaml::from_str(&read(&root().join("action.yml"))).unwrap();
    let script = read(&root().join("scripts/action.sh"));
    let env = &action["runs"]["steps"][0]["env"];
    let inputs = action["inputs"].as_mapping().cloned().unwrap();
    assert!(inputs.len() >= 6);
    for (name, _) in &inputs {
        let name = name.as_str().unwrap();
        let variable = format!("INPUT_{}", name.to_uppercase().replace('-', "_"));
        assert_eq!(env[variable.as_str()].as_str(), Some(format!("${{{{ inputs.{name} }}}}").as_str()), "{name}");
        assert!(script.contains(&variable), "the script reads {variable}");
    }
    for output in action["outputs"].as_mapping().into_iter().flatten() {
        let name = output.0.as_str().unwrap();
        assert!(script.contains(&format!("echo \"{name}=")), "the script sets output {name}");
    }
}

/// The asset names the release workflow uploads are the ones cargo-binstall
/// (Cargo.toml) and the action's script download, for every target.
#[test]
fn release_assets_binstall_metadata_and_the_action_agree() {
    let workflow: serde_yaml::Value =
        serde_yaml::from_str(&read(&root().join(".github/workflows/release.yml"))).unwrap();
    assert_eq!(workflow["on"]["push"]["tags"][0].as_str(), Some("v*"), "built on version tags");
    let build = &workflow["jobs"]["build"];
    let name_template = build["env"]["NAME"].as_str().unwrap();
    assert_eq!(name_template, "shouldtune-${{ github.ref_name }}-${{ matrix.target }}");
    let matrix: Vec<(String, String)> = build["strategy"]["matrix"]["include"]
        .as_sequence()
        .into_iter()
        .flatten()
        .map(|e| (e["target"].as_str().unwrap().to_owned(), e["archive"].as_str().unwrap().to_owned()))
        .collect();
    let targets: Vec<&str> = matrix.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        targets,
        [
            "x86_64-unknown-linux-musl",
            "aarch64-unknown-linux-musl",
            "x86_64-apple-darwin",
            "aarch64-apple-darwin",
            "x86_64-pc-windows-msvc"
        ]
    );
    let upload = build["steps"]
        .as_sequence()
        .into_iter()
        .flatten()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/upload-artifact")));
    let uploaded = upload.and_then(|s| s["with"]["path"].as_str()).unwrap();
    assert!(uploaded.contains("${{ env.NAME }}.${{ matrix.archive }}\n") && uploaded.contains(".sha256"), "{uploaded}");

    // [package.metadata.binstall] in Cargo.toml.
    let manifest = read(&root().join("Cargo.toml"));
    let value = |key: &str| {
        manifest
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key} = \"")).and_then(|v| v.strip_suffix('"')))
            .unwrap_or_else(|| panic!("{key} in Cargo.toml"))
            .to_owned()
    };
    let (pkg_url, bin_dir) = (value("pkg-url"), value("bin-dir"));
    assert!(manifest.contains("[package.metadata.binstall.overrides.x86_64-pc-windows-msvc]\npkg-fmt = \"zip\""));
    let script = read(&root().join("scripts/action.sh"));
    for (target, archive) in &matrix {
        let windows = target.contains("windows");
        let released = format!("shouldtune-v{VERSION}-{target}.{archive}");
        let render = |template: &str| {
            template
                .replace("{ repo }", "https://github.com/shouldtune/shouldtune")
                .replace("{ name }", "shouldtune")
                .replace("{ bin }", "shouldtune")
                .replace("{ version }", VERSION)
                .replace("{ target }", target)
                .replace("{ archive-suffix }", if windows { ".zip" } else { ".tar.gz" })
                .replace("{ binary-ext }", if windows { ".exe" } else { "" })
        };
        assert_eq!(
            render(&pkg_url),
            format!("https://github.com/shouldtune/shouldtune/releases/download/v{VERSION}/{released}")
        );
        let exe = if windows { ".exe" } else { "" };
        assert_eq!(render(&bin_dir), format!("shouldtune-v{VERSION}-{target}/shouldtune{exe}"));
        assert!(script.contains(&format!(") target={target} ;;")), "the action installs {target}");
    }
    assert!(
        script.contains("name=\"shouldtune-v$version-$target\"")
            && script.contains("url=\"$download_base/v$version/$asset\"")
    );
}

/// Both pre-commit hooks run `shouldtune check` on the files discovery would find.
#[test]
fn the_pre_commit_hooks_build_from_source_or_use_the_installed_binary() {
    let hooks: serde_yaml::Value = serde_yaml::from_str(&read(&root().join(".pre-commit-hooks.yaml"))).unwrap();
    let hooks = hooks.as_sequence().cloned().unwrap();
    let languages: Vec<&str> = hooks.iter().filter_map(|h| h["language"].as_str()).collect();
    assert_eq!(languages, ["rust", "system"]);
    for hook in &hooks {
        assert_eq!(hook["entry"].as_str(), Some("shouldtune check"));
        assert_eq!(hook["files"].as_str(), hooks[0]["files"].as_str());
    }
}
