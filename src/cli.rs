//! Command-line definitions (clap). Flags are documented where they are defined.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::load::Limits;

/// Should your LLM project use prompt engineering, RAG or fine-tuning? shouldtune
/// scores a project's answers against published guidance and shows why.
#[derive(Debug, Parser)]
#[command(name = "shouldtune", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Exit codes: 0 success, 1 findings (check), 2 bad input or usage.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// When to use colour: `auto` uses it on a terminal unless `NO_COLOR` is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Largest input file accepted, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = Limits::DEFAULT_MAX_FILE_BYTES)]
    pub max_file_size: usize,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Recommend an approach for one project descriptor, with the reasons.
    Evaluate(EvaluateArgs),
    /// Check every descriptor under the given paths against the guidance (for CI).
    Check(CheckArgs),
    /// Estimate each approach's monthly cost, fine-tuning's one-time cost and the break-even.
    Cost(CostArgs),
    /// Answer the questions interactively and save a descriptor (resumable).
    Ask(AskArgs),
    /// Answer the questions on a local web page that shows the recommendation as you go.
    Serve(ServeArgs),
    /// Check, test and show rule sets.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Print a JSON Schema: for descriptors (with the rule set's questions), rule files, or the JSON report.
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// `shouldtune rules ...`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Load rule sets and report every problem: load errors and static checks.
    #[command(after_help = "Exit codes: 0 clean (warnings allowed), 1 warnings with `--deny warnings`, 2 errors.")]
    Check(RulesCheckArgs),
    /// Run rule-set test files (default: the tests shipped with the default rules).
    #[command(after_help = "Exit codes: 0 all passed, 1 a case failed, 2 a test or rule file is malformed.")]
    Test(RulesTestArgs),
    /// Show the effective rule set, after overlays.
    Show(RulesShowArgs),
}

/// `shouldtune rules check`.
#[derive(Debug, Args)]
pub struct RulesCheckArgs {
    /// Which rule set to check.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Treat this level of finding as failing the check.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Vec<DenyLevel>,
}

/// `shouldtune rules test`.
#[derive(Debug, Args)]
pub struct RulesTestArgs {
    /// Test files, or directories of `*.yaml` test files.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Which rule set the tests run against.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// `shouldtune rules show`.
#[derive(Debug, Args)]
pub struct RulesShowArgs {
    /// Which rule set to show.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

/// Output formats of `rules show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// One row per rule: id, condition, effects, source.
    Table,
    /// The merged rule set as one rule file.
    Yaml,
}

/// `shouldtune schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema.
    #[arg(value_enum)]
    pub which: SchemaKind,

    /// The rule set whose questions the descriptor schema describes.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// The schemas `shouldtune schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// `llm-project.yaml` descriptors.
    Descriptor,
    /// Rule files.
    Rules,
    /// The `evaluate --format json` report.
    Report,
}

/// `shouldtune cost`.
#[derive(Debug, Args)]
pub struct CostArgs {
    /// The descriptor (`llm-project.yaml`), or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// A price table to add, or to replace the embedded table with the same id; repeatable.
    #[arg(long, value_name = "PATH")]
    pub pricing: Vec<PathBuf>,

    /// Which rule set to use.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CostFormat::Table)]
    pub format: CostFormat,

    /// Also draw monthly cost against monthly requests as an SVG chart at this path.
    #[arg(long, value_name = "PATH.svg")]
    pub plot: Option<PathBuf>,

    /// Replace the `--plot` file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Output formats of `cost`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CostFormat {
    /// For people.
    Table,
    /// One JSON object with exact decimal amounts.
    Json,
}

/// `shouldtune ask`.
#[derive(Debug, Args)]
#[command(after_help = "Keys: Enter accepts the default, Esc goes back, Ctrl-C saves the answers so far and quits.\n\
Exit codes: 0 saved (or saving declined), 2 no terminal or bad input, 130 interrupted with Ctrl-C, 129/143 on hang-up or termination (answers saved as incomplete in each case).")]
pub struct AskArgs {
    /// Where to save the descriptor. An incomplete descriptor here is resumed;
    /// a complete one is only overwritten after confirmation.
    #[arg(long, value_name = "FILE", default_value = "llm-project.yaml")]
    pub save: PathBuf,

    /// Pre-fill answers from an existing descriptor and ask only what is missing.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,

    /// Which rule set to use.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// `shouldtune serve`.
#[derive(Debug, Args)]
#[command(after_help = "The first line on standard output is the page's address. The server keeps no state, \
writes no file and answers only on 127.0.0.1; stop it with Ctrl-C.")]
pub struct ServeArgs {
    /// The port to listen on; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub port: u16,

    /// Open the page in the default browser (`$BROWSER` when set).
    #[arg(long)]
    pub open: bool,

    /// Which rule set's questions to ask.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// `shouldtune check`.
#[derive(Debug, Args)]
#[command(after_help = "Exit codes: 0 no error findings, 1 error findings, 2 a file could not be read or parsed.")]
pub struct CheckArgs {
    /// Descriptor files, or directories to search for `llm-project.yaml`,
    /// `llm-project.yml` and `*.llm-project.yaml` (skipping `.git`, `target`
    /// and `node_modules`).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Which rule set to use.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Report unanswered questions as notes instead of errors.
    #[arg(long)]
    pub allow_defaults: bool,

    /// Treat this level of finding as failing the check.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Vec<DenyLevel>,
}

/// Levels `--deny` can promote to failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    /// Warnings fail the check (exit 1).
    Warnings,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// `path:line:col: error[id]: message` with snippets, grouped by file.
    Human,
    /// One JSON object with every file's evaluation and findings.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// `JUnit` XML, one test case per descriptor.
    Junit,
    /// Markdown, for a job summary or pull-request comment.
    Markdown,
}

/// `shouldtune completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Rule-set selection shared by every command.
#[derive(Debug, Clone, Args)]
pub struct RulesArgs {
    /// A rule file to use instead of the embedded default; repeat to layer
    /// files (later files extend earlier ones). A file with `extends: default`
    /// is read on top of the embedded default.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
}

/// `shouldtune evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The descriptor (`llm-project.yaml`), or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Which rule set to use.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = EvaluateFormat::Table)]
    pub format: EvaluateFormat,
}

/// Output formats of `evaluate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvaluateFormat {
    /// For people at a terminal.
    Table,
    /// One JSON object (see README for the fields).
    Json,
    /// For a pull-request comment.
    Markdown,
    /// One self-contained HTML page (inline style and cost chart, no scripts).
    Html,
    /// An Architecture Decision Record (MADR layout) to commit under `docs/decisions/`.
    Adr,
}

/// Colour preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
