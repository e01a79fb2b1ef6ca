//! Command-line definitions (clap). Flags are documented where they are defined.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use shouldtune::load::Limits;

pub mod help_ja;

/// Should your LLM project use prompt engineering, RAG or fine-tuning? shouldtune
/// scores a project's answers against published guidance and shows why.
#[derive(Debug, Parser)]
#[command(name = "shouldtune", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Examples:
  shouldtune init                              write a commented llm-project.yaml
  shouldtune evaluate llm-project.yaml         recommend an approach, with the reasons
  shouldtune check -o sarif=shouldtune.sarif   check every descriptor in the repository (CI)

Exit codes: 0 success, 1 findings (check, rules check, rules test), 2 bad input or usage.
`shouldtune help COMMAND` shows each command's examples and exit codes.")]
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

    /// Print nothing on standard output: only the exit status and errors
    /// (on standard error) tell the result. Files named with `-o`, `--save`
    /// or `--plot` are still written.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Language of messages and reports: `en` or `ja`. Without it, `SHOULDTUNE_LANG`,
    /// else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, e.g. `ja_JP.UTF-8`), else English.
    /// Machine formats keep their English ids, codes and keys.
    #[arg(long, global = true, value_name = "LANG", value_parser = shouldtune::i18n::Lang::parse)]
    pub lang: Option<shouldtune::i18n::Lang>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a commented `llm-project.yaml` with every question at its default.
    Init(InitArgs),
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
    /// Explain a rule, a source or a diagnostic code: what it checks, its effects, its sources and an example.
    Explain(ExplainArgs),
    /// Print a JSON Schema: for descriptors (with the rule set's questions), rule files, or the JSON report.
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man -l -` or a package's `man1/` directory.
    Man(ManArgs),
}

/// `shouldtune rules ...`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Load rule sets and report every problem: load errors and static checks.
    #[command(after_help = "Examples:
  shouldtune rules check --rules my-rules.yaml
  shouldtune rules check --rules my-rules.yaml --deny warnings

Exit codes: 0 clean (warnings allowed), 1 warnings with `--deny warnings`, 2 errors.")]
    Check(RulesCheckArgs),
    /// Run rule-set test files (default: the tests shipped with the default rules).
    #[command(after_help = "Examples:
  shouldtune rules test
  shouldtune rules test my-tests.yaml --rules my-rules.yaml

Exit codes: 0 all passed, 1 a case failed, 2 a test or rule file is malformed.")]
    Test(RulesTestArgs),
    /// Show the effective rule set, after overlays.
    #[command(after_help = "Examples:
  shouldtune rules show
  shouldtune rules show --rules examples/acme-overlay.yaml --format yaml

Exit codes: 0 shown, 2 a rule file could not be read or is invalid.")]
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

    /// Search directories without honouring ignore files: every descriptor is
    /// checked. Without it, `check` says how many descriptors ignore files hid.
    #[arg(long)]
    pub no_ignore: bool,
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
#[command(after_help = "Examples:
  shouldtune schema descriptor > descriptor.schema.json
  shouldtune schema descriptor --rules examples/acme-overlay.yaml

Exit codes: 0 printed, 2 a rule file could not be read or is invalid.")]
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
    /// Rule-test files (`rules test`).
    RuleTests,
    /// The `evaluate --format json` report.
    Report,
    /// The `check --format json` report.
    Check,
}

/// `shouldtune cost`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  shouldtune cost llm-project.yaml
  shouldtune cost llm-project.yaml --pricing current-prices.yaml --plot cost.svg
  shouldtune cost --tables
  shouldtune cost --table azure-openai-2026-02

Exit codes: 0 estimated (or tables shown), 2 bad input (descriptor, price table, a price the table lacks, an amount too large to compute) or usage (a plot path not ending in `.svg`).")]
pub struct CostArgs {
    /// The descriptor (`llm-project.yaml`), or `-` for standard input.
    #[arg(value_name = "FILE", required_unless_present_any = ["tables", "table"])]
    pub file: Option<PathBuf>,

    /// Price tables to add.
    #[command(flatten)]
    pub pricing: PricingArgs,

    /// List the price tables (embedded and `--pricing`) instead of estimating.
    #[arg(long, conflicts_with_all = ["file", "table", "plot"])]
    pub tables: bool,

    /// Show every price in one table, with its source, instead of estimating.
    #[arg(long, value_name = "ID", conflicts_with_all = ["file", "plot"])]
    pub table: Option<String>,

    /// Which rule set to use.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CostFormat::Table)]
    pub format: CostFormat,

    /// Also draw monthly cost against monthly requests as an SVG chart at this path (ending in `.svg`).
    #[arg(long, value_name = "PATH.svg", value_parser = svg_path)]
    pub plot: Option<PathBuf>,

    /// Replace the `--plot` file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// A `--plot` path: it must end in `.svg`, since the chart is SVG.
fn svg_path(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    let is_svg = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    if is_svg && path.file_stem().is_some_and(|s| !s.is_empty()) {
        Ok(path)
    } else {
        Err("the chart is SVG: give a path ending in `.svg`, e.g. `cost.svg`".to_owned())
    }
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
#[command(after_help = "Keys: Enter accepts the default, Esc goes back, Ctrl-C saves the answers so far and quits.

Examples:
  shouldtune ask
  shouldtune ask --save services/search/llm-project.yaml
  shouldtune ask --from old/llm-project.yaml --save llm-project.yaml

Costs: the questionnaire does not ask for a `cost:` section; the final screen prices the answers with \
the `--from` file's section, else the default table and model. Add one to the saved file for another \
table, model or deployment (see docs/costs.md); `--from` keeps it.

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

    /// Price tables to add (the rules' cost facts use the selected one).
    #[command(flatten)]
    pub pricing: PricingArgs,
}

/// `shouldtune serve`.
#[derive(Debug, Args)]
#[command(after_help = "The first line on standard output is the page's address. The server keeps no state, \
writes no file and answers only on 127.0.0.1; stop it with Ctrl-C.

Examples:
  shouldtune serve --open
  shouldtune serve --port 8080 --rules policy/acme.yaml

Exit codes: 0 stopped, 2 the port cannot be opened or a rule file is invalid.")]
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

    /// Price tables to add (the rules' cost facts use the selected one).
    #[command(flatten)]
    pub pricing: PricingArgs,
}

/// `shouldtune check`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  shouldtune check
  shouldtune check services/ --deny warnings
  shouldtune check -f github -o sarif=shouldtune.sarif -o markdown=summary.md
  shouldtune check -f gitlab > gl-code-quality-report.json

A repository without descriptors passes, with a notice in every format.

Exit codes: 0 no error findings (or no descriptor), 1 error findings (or warnings with `--deny warnings`), \
2 a path does not exist, or a descriptor or rule file could not be read or parsed.")]
pub struct CheckArgs {
    /// Descriptor files, or directories to search for `llm-project.yaml`,
    /// `llm-project.yml` and `*.llm-project.yaml` (honouring `.gitignore`,
    /// `.ignore` and `.git/info/exclude`; `.git` is never searched).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Which rule set to use.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Price tables to add (the rules' cost facts use the selected one).
    #[command(flatten)]
    pub pricing: PricingArgs,

    /// Output format on standard output.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Also write a report in FORMAT to PATH (replaced atomically, and written
    /// even when the check fails); repeatable, e.g. `-o sarif=shouldtune.sarif`.
    #[arg(long = "output", short = 'o', value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub outputs: Vec<Output>,

    /// The repository root SARIF and GitLab paths are relative to (default:
    /// the nearest directory above the working directory that has `.git`).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Report unanswered questions as notes instead of errors.
    #[arg(long)]
    pub allow_defaults: bool,

    /// Refuse descriptors that name rule overlays under `rules:` (exit 2, naming them),
    /// so only the default rules or `--rules` files can decide.
    #[arg(long)]
    pub no_overlays: bool,

    /// Treat this level of finding as failing the check.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Vec<DenyLevel>,

    /// Search directories without honouring ignore files: every descriptor is
    /// checked. Without it, `check` says how many descriptors ignore files hid.
    #[arg(long)]
    pub no_ignore: bool,
}

/// A report written to a file: `-o FORMAT=PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Its format.
    pub format: CheckFormat,
    /// Where it goes.
    pub path: PathBuf,
}

fn parse_output(text: &str) -> Result<Output, String> {
    let Some((format, path)) = text.split_once('=') else {
        return Err("expected FORMAT=PATH, e.g. `sarif=shouldtune.sarif`".to_owned());
    };
    let format = CheckFormat::from_str(format, true).map_err(|_| {
        let names: Vec<String> = CheckFormat::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value)
            .map(|v| v.get_name().to_owned())
            .collect();
        format!("unknown format `{format}`; expected one of {}", names.join(", "))
    })?;
    if path.is_empty() {
        return Err("the path after `=` is empty".to_owned());
    }
    Ok(Output { format, path: PathBuf::from(path) })
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
    /// A GitLab Code Quality report (JSON).
    Gitlab,
}

impl From<CheckFormat> for shouldtune::report::check::Format {
    fn from(format: CheckFormat) -> Self {
        use shouldtune::report::check::Format;
        match format {
            CheckFormat::Human => Format::Human,
            CheckFormat::Json => Format::Json,
            CheckFormat::Sarif => Format::Sarif,
            CheckFormat::Github => Format::Github,
            CheckFormat::Junit => Format::Junit,
            CheckFormat::Markdown => Format::Markdown,
            CheckFormat::Gitlab => Format::Gitlab,
        }
    }
}

/// `shouldtune explain`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  shouldtune explain quick-results-needed
  shouldtune explain plan-vetoed
  shouldtune explain no-fine-tuning-on-pii --rules examples/acme-overlay.yaml

Exit codes: 0 explained, 2 an unknown id (the closest ids are listed) or a rule file that could not be read or is invalid.")]
pub struct ExplainArgs {
    /// A rule id (`quick-results-needed`), a source id or a diagnostic code (`plan-vetoed`).
    #[arg(value_name = "ID")]
    pub id: String,

    /// Which rule set to look in.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// `shouldtune completions`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  shouldtune completions bash > ~/.local/share/bash-completion/completions/shouldtune
  shouldtune completions zsh > ~/.zfunc/_shouldtune

Exit codes: 0 printed, 2 unknown shell.")]
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

/// Price-table selection shared by the commands that price a project or derive the rules' cost facts.
#[derive(Debug, Clone, Default, Args)]
pub struct PricingArgs {
    /// A price table to add, or to replace the embedded table with the same id; repeatable.
    /// The descriptor's `cost.price_table` picks the table (default `azure-openai-2023-10`).
    #[arg(long, value_name = "PATH")]
    pub pricing: Vec<PathBuf>,
}

/// `shouldtune man`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  shouldtune man | man -l -
  shouldtune man check > shouldtune-check.1

Exit codes: 0 printed, 2 unknown command.")]
pub struct ManArgs {
    /// The command whose page to print (default: the main page); e.g. `check` or `rules-check`.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// `shouldtune init`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  shouldtune init
  shouldtune init services/search/llm-project.yaml --name \"Search answers\"
  shouldtune init --rules policy/acme.yaml --force

Every question is written as an active line set to its default, with the
question and its help as comments above it, so the file passes `check` as
written; edit the answers to describe the project.

Exit codes: 0 written, 2 the file exists (without `--force`), cannot be written, or a rule file is invalid.")]
pub struct InitArgs {
    /// Where to write the descriptor.
    #[arg(value_name = "FILE", default_value = "llm-project.yaml")]
    pub file: PathBuf,

    /// The project's name (default: the name of the directory the file is in).
    #[arg(long)]
    pub name: Option<String>,

    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,

    /// The rule set whose questions to write.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// `shouldtune evaluate`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  shouldtune evaluate llm-project.yaml
  shouldtune evaluate llm-project.yaml --format json
  shouldtune evaluate - --rules policy/acme.yaml < llm-project.yaml

Exit codes: 0 evaluated, 2 the descriptor or a rule file could not be read or is invalid.")]
pub struct EvaluateArgs {
    /// The descriptor (`llm-project.yaml`), or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Which rule set to use.
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Price tables to add (the rules' cost facts use the selected one).
    #[command(flatten)]
    pub pricing: PricingArgs,

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
