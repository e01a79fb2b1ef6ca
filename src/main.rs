//! The `shouldtune` binary: parses arguments, hands the process's streams to
//! the library, and exits with the code it returns.

use std::io::{IsTerminal, Write as _};
use std::process::ExitCode;

mod app;
mod cli;
mod terminal;

use crate::app::Io;
use crate::cli::{ColorChoice, Command};

// `check` allocates in every worker thread at once and frees what they made
// on the thread writing the reports; glibc's allocator spent about a third of
// `check`'s instructions there, and the cross-thread frees contend for its
// locks (docs/performance.md, "check over many descriptors").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `--help` speaks the language of messages, so the language is looked for before parsing.
    let cli = match cli::help_ja::parse(std::env::args_os().collect(), |name| std::env::var(name).ok()) {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    // The language: `--lang`, else `SHOULDTUNE_LANG`, else the POSIX locale, else English.
    let lang = match shouldtune::i18n::choose(cli.lang, |name| std::env::var(name).ok()) {
        Ok((lang, _)) => lang,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            return ExitCode::from(2);
        }
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color_for = |is_terminal: bool| match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && !no_color,
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let stdout_color = color_for(stdout.is_terminal());
    let stderr_color = color_for(stderr.is_terminal());
    // A reader that goes away (`| head`) must not change the exit status.
    let mut stdout = app::ClosedPipeSink::new(stdout.lock());
    let mut stderr = app::ClosedPipeSink::new(stderr.lock());
    let stdin = std::io::stdin();
    // `inquire` opens the terminal itself, so a pipe on stdin would not stop it: check first.
    let save_point = terminal::SavePoint::default();
    if stdin.is_terminal() && matches!(cli.command, Command::Ask(_)) {
        // Without this a closed terminal would end `ask` before it could save.
        let _ = terminal::save_on_hangup(std::sync::Arc::clone(&save_point));
    }
    let mut prompter = stdin.is_terminal().then(|| terminal::TerminalPrompter::new(stderr_color, save_point, lang));
    let mut stdin = stdin.lock();
    let mut io = Io {
        stdout: &mut stdout,
        stderr: &mut stderr,
        stdin: &mut stdin,
        stdout_color,
        stderr_color,
        width: output_width(),
        stderr_width: terminal_size::terminal_size_of(std::io::stderr()).map_or(usize::MAX, |(w, _)| usize::from(w.0)),
        prompter: prompter.as_mut().map(|p| p as &mut dyn shouldtune::questionnaire::Prompter),
        today: reference_day(),
        lang,
    };
    ExitCode::from(app::run(cli, &mut io) as u8)
}

/// Columns for human-readable output: the terminal's (standard output, else
/// standard error), else `COLUMNS`, else 80.
fn output_width() -> usize {
    terminal_size::terminal_size_of(std::io::stdout())
        .or_else(|| terminal_size::terminal_size_of(std::io::stderr()))
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()))
        .filter(|w| *w > 0)
        .unwrap_or(shouldtune::text::Style::DEFAULT_WIDTH)
}

/// The day price tables' age is measured against, in days since 1970-01-01:
/// `SOURCE_DATE_EPOCH` when set (reproducible output), else today.
fn reference_day() -> i64 {
    let seconds =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        });
    seconds.div_euclid(86_400)
}
