//! The terminal prompter: `inquire` prompts for the questionnaire.
//!
//! This lives in the binary because only the binary may touch the terminal.
//! Esc goes back, Ctrl-C (or a failing terminal) quits; every prompt shows its default.

use std::sync::{Arc, Mutex};

use inquire::error::InquireError;
use inquire::validator::Validation;
use inquire::{Confirm, CustomType, Select, Text};
use shouldtune::i18n::{Arg, Lang};
use shouldtune::questionnaire::{Prompt, Prompter, Reply};
use shouldtune::save::Destination;

/// The latest save point: where to write the answers so far, and the text.
pub type SavePoint = Arc<Mutex<Option<(Destination, String)>>>;

/// Prompts on the controlling terminal.
pub struct TerminalPrompter {
    save_point: SavePoint,
    /// The language of the prompts' own words (hints, errors, yes and no).
    lang: Lang,
    /// How many screen lines each answered prompt left, most recent last,
    /// so going back can take the answer being revisited off the screen.
    answered_lines: Vec<usize>,
}

/// Saves the latest save point and exits when the terminal hangs up or the
/// process is asked to terminate, so answers typed so far are not lost.
pub fn save_on_hangup(save_point: SavePoint) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let saved = save_point.lock().ok().and_then(|guard| guard.clone());
            // No message: the terminal is usually gone. The save never
            // replaces a file that changed since `ask` read it (it goes
            // beside it); if it cannot be written at all, the answers go to
            // standard output (written directly: the main thread holds its lock).
            if let Some((destination, text)) = saved
                && destination.save_unattended(&text).is_err()
            {
                let _ = rustix::io::write(rustix::stdio::stdout(), text.as_bytes());
            }
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

impl TerminalPrompter {
    /// Sets up prompt styling: plain when colour is off.
    pub fn new(color: bool, save_point: SavePoint, lang: Lang) -> Self {
        let mut config =
            if color { inquire::ui::RenderConfig::default_colored() } else { inquire::ui::RenderConfig::empty() };
        // Esc means "back" here, not "cancel"; the line is erased once drawn.
        config.canceled_prompt_indicator = inquire::ui::Styled::new(BACK);
        inquire::set_global_render_config(config);
        TerminalPrompter { save_point, lang, answered_lines: Vec::new() }
    }

    /// Records what an answered prompt left on screen, or erases a cancelled
    /// (Esc) prompt's line, and turns inquire's result into a reply.
    fn settle<T>(&mut self, message: &str, result: Result<T, InquireError>, shown: impl Fn(&T) -> String) -> Reply<T> {
        match &result {
            Ok(value) => self.answered_lines.push(screen_lines(&format!("? {message} {}", shown(value)))),
            Err(InquireError::OperationCanceled) => erase_lines(screen_lines(&format!("? {message} {BACK}"))),
            Err(_) => {}
        }
        reply(result)
    }
}

/// Columns of the terminal the prompts are drawn on (standard error).
fn columns() -> usize {
    terminal_size::terminal_size_of(std::io::stderr()).map_or(80, |(w, _)| usize::from(w.0).max(1))
}

/// What a cancelled (Esc) prompt shows before its line is erased.
const BACK: &str = "<back>";

/// How many screen lines `text` takes once the terminal wraps it (a Japanese character takes two columns).
fn screen_lines(text: &str) -> usize {
    shouldtune::text::display_width(text).div_ceil(columns()).max(1)
}

/// Moves up `n` lines and clears from there to the end of the screen.
fn erase_lines(n: usize) {
    use std::io::Write;
    let mut stderr = std::io::stderr();
    let _ = write!(stderr, "\x1b[{n}F\x1b[J");
    let _ = stderr.flush();
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
    fn save_point(&mut self, destination: &Destination, text: &str) {
        if let Ok(mut guard) = self.save_point.lock() {
            *guard = Some((destination.clone(), text.to_owned()));
        }
    }

    fn went_back(&mut self) {
        if let Some(lines) = self.answered_lines.pop() {
            erase_lines(lines);
        }
    }

    fn text(&mut self, prompt: &Prompt, default: &str) -> Reply<String> {
        let message = message(prompt);
        let result = Text::new(&message).with_default(default).with_help_message(&prompt.help).prompt();
        self.settle(&message, result, Clone::clone)
    }

    fn yes_no(&mut self, prompt: &Prompt, default: bool) -> Reply<bool> {
        let message = message(prompt);
        let lang = self.lang;
        let error = lang.tr("ask-yes-no-error");
        let (yes, no) = (lang.tr("ask-yes"), lang.tr("ask-no"));
        let result = Confirm::new(&message)
            .with_default(default)
            .with_help_message(&prompt.help)
            .with_error_message(&error)
            .with_default_value_formatter(&|yes| lang.tr(if yes { "ask-default-yes" } else { "ask-default-no" }))
            .with_formatter(&|answer| if answer { yes.clone() } else { no.clone() })
            .prompt();
        self.settle(&message, result, |answer| if *answer { yes.clone() } else { no.clone() })
    }

    fn integer(&mut self, prompt: &Prompt, default: i64, min: Option<i64>, max: Option<i64>) -> Reply<i64> {
        let message = message(prompt);
        let lang = self.lang;
        let range = move |value: &i64| {
            Ok(match (min, max) {
                (Some(lo), _) if *value < lo => {
                    Validation::Invalid(lang.tr_args("ask-at-least", &[("min", Arg::Str(&lo.to_string()))]).into())
                }
                (_, Some(hi)) if *value > hi => {
                    Validation::Invalid(lang.tr_args("ask-at-most", &[("max", Arg::Str(&hi.to_string()))]).into())
                }
                _ => Validation::Valid,
            })
        };
        // The example is the question's own default, so it is in the question's unit and range.
        let error = lang.tr_args("ask-whole-number", &[("default", Arg::Str(&default.to_string()))]);
        let parser = |text: &str| shouldtune::questionnaire::parse_whole_number(text).ok_or(());
        let result = CustomType::<i64>::new(&message)
            .with_default(default)
            .with_parser(&parser)
            .with_help_message(&prompt.help)
            .with_error_message(&error)
            .with_validator(range)
            .prompt();
        self.settle(&message, result, ToString::to_string)
    }

    fn choose(&mut self, prompt: &Prompt, options: &[String], default: usize) -> Reply<usize> {
        let message = message(prompt);
        let lang = self.lang;
        let help = format!("{} · {}", lang.tr("ask-filter"), prompt.help);
        let default = default.min(options.len().saturating_sub(1));
        let labels: Vec<String> =
            options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    if i == default {
                        lang.tr_args("ask-default-choice", &[("choice", Arg::Str(o))])
                    } else {
                        o.clone()
                    }
                })
                .collect();
        // Every choice in view (up to a screenful), so none hides above the window.
        let rows = terminal_size::terminal_size_of(std::io::stderr()).map_or(24, |(_, h)| usize::from(h.0));
        let page_size = options.len().min(rows.saturating_sub(4).max(3)).max(1);
        let result = Select::new(&message, labels.clone())
            .with_starting_cursor(default)
            .with_page_size(page_size)
            .with_help_message(&help)
            .raw_prompt()
            .map(|chosen| chosen.index);
        self.settle(&message, result, |i| labels.get(*i).cloned().unwrap_or_default())
    }
}
