//! The terminal prompter: `inquire` prompts for the questionnaire.
//!
//! This lives in the binary because only the binary may touch the terminal.
//! Esc goes back, Ctrl-C (or a failing terminal) quits; every prompt shows its default.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use inquire::error::InquireError;
use inquire::validator::Validation;
use inquire::{Confirm, CustomType, Select, Text};
use shouldtune::questionnaire::{Prompt, Prompter, Reply};

/// The latest save point: where to write the answers so far, and the text.
pub type SavePoint = Arc<Mutex<Option<(PathBuf, String)>>>;

/// Prompts on the controlling terminal.
pub struct TerminalPrompter {
    save_point: SavePoint,
}

/// Saves the latest save point and exits when the terminal hangs up or the
/// process is asked to terminate, so answers typed so far are not lost.
pub fn save_on_hangup(save_point: SavePoint) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let saved = save_point.lock().ok().and_then(|guard| guard.clone());
            // No message: the terminal is usually gone, and writing to it could block.
            if let Some((path, text)) = saved {
                let _ = shouldtune::save::write_atomically(&path, &text, true);
            }
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

impl TerminalPrompter {
    /// Sets up prompt styling: plain when colour is off.
    pub fn new(color: bool, save_point: SavePoint) -> Self {
        let mut config =
            if color { inquire::ui::RenderConfig::default_colored() } else { inquire::ui::RenderConfig::empty() };
        // Esc means "back" here, not "cancel".
        config.canceled_prompt_indicator = inquire::ui::Styled::new("<back>");
        inquire::set_global_render_config(config);
        TerminalPrompter { save_point }
    }
}

fn message(prompt: &Prompt) -> String {
    format!("[{}] {}", prompt.progress, prompt.message)
}

fn reply<T>(result: Result<T, InquireError>) -> Reply<T> {
    match result {
        Ok(value) => Reply::Answer(value),
        Err(InquireError::OperationCanceled) => Reply::Back,
        Err(_) => Reply::Quit,
    }
}

impl Prompter for TerminalPrompter {
    fn save_point(&mut self, path: &std::path::Path, text: &str) {
        if let Ok(mut guard) = self.save_point.lock() {
            *guard = Some((path.to_path_buf(), text.to_owned()));
        }
    }

    fn text(&mut self, prompt: &Prompt, default: &str) -> Reply<String> {
        let message = message(prompt);
        reply(Text::new(&message).with_default(default).with_help_message(&prompt.help).prompt())
    }

    fn yes_no(&mut self, prompt: &Prompt, default: bool) -> Reply<bool> {
        let message = message(prompt);
        reply(
            Confirm::new(&message)
                .with_default(default)
                .with_help_message(&prompt.help)
                .with_error_message("type y or n, or press Enter for the default")
                .prompt(),
        )
    }

    fn integer(&mut self, prompt: &Prompt, default: i64, min: Option<i64>, max: Option<i64>) -> Reply<i64> {
        let message = message(prompt);
        let range = move |value: &i64| {
            Ok(match (min, max) {
                (Some(lo), _) if *value < lo => Validation::Invalid(format!("enter {lo} or more").into()),
                (_, Some(hi)) if *value > hi => Validation::Invalid(format!("enter {hi} or less").into()),
                _ => Validation::Valid,
            })
        };
        reply(
            CustomType::<i64>::new(&message)
                .with_default(default)
                .with_help_message(&prompt.help)
                .with_error_message("enter a whole number, e.g. 500")
                .with_validator(range)
                .prompt(),
        )
    }

    fn choose(&mut self, prompt: &Prompt, options: &[String], default: usize) -> Reply<usize> {
        let message = message(prompt);
        let help = format!("type to filter · {}", prompt.help);
        reply(
            Select::new(&message, options.to_vec())
                .with_starting_cursor(default.min(options.len().saturating_sub(1)))
                .with_help_message(&help)
                .raw_prompt()
                .map(|chosen| chosen.index),
        )
    }
}
