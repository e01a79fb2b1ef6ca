//! Parsing the command line with `--help` in the language of messages.
//!
//! The English help is the doc comments of `cli.rs` (also the source of the
//! man pages and completions) and is used unchanged. For Japanese, the
//! command is rewritten before parsing: every command's about and after-help
//! text, every argument's help, the possible values and defaults, and the
//! headings come from `locales/ja/cli.ftl`. The language has to be known
//! before clap parses, so `--lang` is looked for in the raw arguments (else the
//! environment, as [`shouldtune::i18n::choose`] decides for everything else).
//!
//! Message ids follow the command path and the argument id: `cli-about` and
//! `cli-after-help` for the program, `cli-evaluate-about`, `cli-evaluate-format`
//! (with an attribute per possible value: `.table`), `cli-rules-check-about`.
//! Global arguments are `cli-ID` wherever they are shown; an argument several
//! commands share with the same meaning may be `cli-any-ID`.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fmt::Write as _;

use clap::{Arg, Command, CommandFactory, FromArgMatches};
use fluent_bundle::{FluentBundle, FluentResource};
use shouldtune::i18n::Lang;

use super::Cli;

/// The Japanese help texts.
const JA: &str = include_str!("../../locales/ja/cli.ftl");

/// Parses `args` (the program name first) into a [`Cli`], with help in the
/// language chosen by `--lang`, else the environment (`env`).
pub fn parse(args: Vec<OsString>, env: impl Fn(&str) -> Option<String>) -> Result<Cli, clap::Error> {
    // Translation changes only what clap shows (help and errors), not what a
    // command line means, and translating every command costs more than the
    // rest of a run: a command line that parses needs none of it.
    match parse_with(Cli::command(), args.clone()) {
        Ok(cli) => Ok(cli),
        Err(error) => match help_lang(&args, env) {
            Lang::En => Err(error),
            Lang::Ja => parse_with(Translator::new().japanese(Cli::command()), args),
        },
    }
}

/// Parses `args` with `command`, as `Cli::try_parse` does: an error from
/// building the [`Cli`] is formatted with the command's usage too.
fn parse_with(mut command: Command, args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let mut matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
}

/// The language of the help: the last valid `--lang X` or `--lang=X` before
/// `--`, else `SHOULDTUNE_LANG` or the locale. A value that names no language
/// is left to clap (or to the caller) to report, and the help stays English.
fn help_lang(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut flag = None;
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" { rest.next().and_then(|v| v.to_str()) } else { arg.strip_prefix("--lang=") };
        if let Some(lang) = value.and_then(|v| Lang::parse(v).ok()) {
            flag = Some(lang);
        }
    }
    shouldtune::i18n::choose(flag, env).map_or(Lang::En, |(lang, _)| lang)
}

/// Looks up the Japanese texts, remembering which ids it asked for and which were missing.
struct Translator {
    bundle: FluentBundle<FluentResource>,
    used: BTreeSet<String>,
    missing: Vec<String>,
}

impl Translator {
    fn new() -> Translator {
        let langid = Lang::Ja.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![langid]);
        // Isolation marks are invisible characters a terminal would show as gaps or escapes.
        bundle.set_use_isolating(false);
        // A resource with errors keeps the messages it could parse; the tests require none.
        let resource = FluentResource::try_new(JA.to_owned()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
        Translator { bundle, used: BTreeSet::new(), missing: Vec::new() }
    }

    /// Whether the resource has the message `id`.
    fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id`, or its attribute `attr`; the id itself (and a note of it) when missing.
    fn text(&mut self, id: &str, attr: Option<&str>) -> String {
        let full = attr.map_or_else(|| id.to_owned(), |a| format!("{id}.{a}"));
        let message = self.bundle.get_message(id);
        let pattern = match attr {
            None => message.and_then(|m| m.value()),
            Some(attr) => message.and_then(|m| m.get_attribute(attr)).map(|a| a.value()),
        };
        let Some(pattern) = pattern else {
            self.missing.push(full.clone());
            return full;
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors).into_owned();
        self.used.insert(full);
        text
    }

    /// The whole command in Japanese: the texts of `cli.rs`, then (after
    /// clap has added them) the `--help` and `--version` flags and the `help` command.
    fn japanese(&mut self, command: Command) -> Command {
        let mut command = self.command(command, "cli");
        command.build();
        self.generated(command)
    }

    /// A command of `cli.rs` and its subcommands; `prefix` is the message-id prefix of its path.
    fn command(&mut self, mut command: Command, prefix: &str) -> Command {
        let template = template(&command);
        command = command
            .about(self.text(&format!("{prefix}-about"), None))
            .long_about(None)
            .help_template(template)
            .subcommand_help_heading(self.text("cli-heading-commands", None));
        if command.get_after_help().is_some() {
            command = command.after_help(self.text(&format!("{prefix}-after-help"), None));
        }
        let ids: Vec<clap::Id> = command.get_arguments().map(|a| a.get_id().clone()).collect();
        for id in ids {
            command = command.mut_arg(id, |arg| self.arg(arg, prefix));
        }
        let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_owned()).collect();
        for name in names {
            command = command.mut_subcommand(&name, |sub| self.command(sub, &format!("{prefix}-{name}")));
        }
        command
    }

    /// An argument: its help, possible values and default in Japanese, under a Japanese heading.
    fn arg(&mut self, arg: Arg, prefix: &str) -> Arg {
        let name = arg.get_id().as_str().replace('_', "-");
        let id = if arg.is_global_set() {
            format!("cli-{name}")
        } else if self.has(&format!("{prefix}-{name}")) || !self.has(&format!("cli-any-{name}")) {
            format!("{prefix}-{name}")
        } else {
            format!("cli-any-{name}")
        };
        let help = self.text(&id, None);
        let heading = if arg.is_positional() { "cli-heading-arguments" } else { "cli-heading-options" };
        let heading = self.text(heading, None);
        // What clap would add in English (`[default: ...]`, `Possible values:`), in Japanese.
        let mut specs = Vec::new();
        let mut list = None;
        let takes_values = arg.get_action().takes_values();
        if takes_values && !arg.is_hide_set() {
            let defaults: Vec<String> =
                arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
            if !defaults.is_empty() && !arg.is_hide_default_value_set() {
                specs.push(format!("[{}: {}]", self.text("cli-default", None), defaults.join(" ")));
            }
            let values: Vec<_> = arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect();
            if !values.is_empty() && !arg.is_hide_possible_values_set() {
                let names: Vec<&str> = values.iter().map(clap::builder::PossibleValue::get_name).collect();
                let heading = self.text("cli-possible-values", None);
                if values.iter().any(|v| v.get_help().is_some()) {
                    // Long help lists each value with its help, as clap does.
                    let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
                    let mut text = format!("{heading}:");
                    for name in &names {
                        let help = self.text(&id, Some(name));
                        let _ = write!(text, "\n- {name}: {:pad$}{help}", "", pad = width - name.len());
                    }
                    list = Some(text);
                }
                specs.push(format!("[{heading}: {}]", names.join(", ")));
            }
        }
        let short = std::iter::once(help.clone()).chain(specs.iter().cloned()).collect::<Vec<_>>().join(" ");
        let mut arg = arg.help_heading(heading).help(short);
        if takes_values {
            arg = arg.hide_possible_values(true).hide_default_value(true);
        }
        if specs.is_empty() {
            return arg.long_help(None);
        }
        let mut long = help;
        if let Some(list) = list {
            // The short list is only for `-h`.
            specs.pop();
            let _ = write!(long, "\n\n{list}");
        }
        if !specs.is_empty() {
            let _ = write!(long, "\n\n{}", specs.join("\n"));
        }
        arg.long_help(long)
    }

    /// What clap added to every command when building it: `--help`, `--version`, the `help` command.
    fn generated(&mut self, mut command: Command) -> Command {
        let template = template(&command);
        command = command.help_template(template);
        let heading = self.text("cli-heading-options", None);
        if command.get_arguments().any(|a| a.get_id() == "help") {
            let (short, long) = if command.get_arguments().any(|a| a.get_id() == "help" && a.get_long_help().is_some())
            {
                (Some("more"), Some(self.text("cli-help", Some("summary"))))
            } else {
                (None, None)
            };
            let help = self.text("cli-help", short);
            command = command.mut_arg("help", |arg| {
                let arg = arg.help(help).help_heading(heading.clone());
                match long {
                    Some(long) => arg.long_help(long),
                    None => arg,
                }
            });
        }
        if command.get_arguments().any(|a| a.get_id() == "version") {
            let help = self.text("cli-version", None);
            command = command.mut_arg("version", |arg| arg.help(help).help_heading(heading));
        }
        let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_owned()).collect();
        for name in names {
            command = command.mut_subcommand(&name, |sub| {
                let sub = if name == "help" { sub.about(self.text("cli-help-about", None)) } else { sub };
                self.generated(sub)
            });
        }
        command
    }
}

/// clap's help layout with the usage heading in Japanese (styled as clap styles it).
fn template(command: &Command) -> String {
    let style = command.get_styles().get_usage();
    format!(
        "{{before-help}}{{about-with-newline}}\n{}使い方:{} {{usage}}\n\n{{all-args}}{{after-help}}",
        style.render(),
        style.render_reset()
    )
}

#[cfg(test)]
mod tests {
    use super::{Cli, CommandFactory, JA, Lang, Translator, help_lang};
    use std::ffi::OsString;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn every_command_and_argument_has_japanese_help_and_every_message_is_used() {
        assert!(fluent_bundle::FluentResource::try_new(JA.to_owned()).is_ok(), "locales/ja/cli.ftl has errors");
        let mut translator = Translator::new();
        let _ = translator.japanese(Cli::command());
        assert_eq!(translator.missing, Vec::<String>::new(), "add these to locales/ja/cli.ftl");
        // Every message and attribute of the resource is asked for: none is stale.
        let mut defined = Vec::new();
        let mut current = "";
        for line in JA.lines() {
            if let Some((id, _)) = line.split_once(" =").filter(|_| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            {
                current = id.trim();
                defined.push(current.to_owned());
            } else if let Some((attr, _)) = line.trim_start().strip_prefix('.').and_then(|a| a.split_once(" =")) {
                defined.push(format!("{current}.{}", attr.trim()));
            }
        }
        // A message that only holds attributes (the possible values) counts as used through them.
        let unused: Vec<&String> = defined
            .iter()
            .filter(|id| {
                !translator.used.contains(*id) && !translator.used.iter().any(|u| u.starts_with(&format!("{id}.")))
            })
            .collect();
        assert!(unused.is_empty(), "messages no command or argument uses: {unused:?}");
        assert!(translator.used.len() > 80, "{:?}", translator.used);
    }

    #[test]
    fn the_japanese_command_is_valid_and_keeps_every_argument() {
        let japanese = Translator::new().japanese(Cli::command());
        japanese.clone().debug_assert();
        let english = Cli::command();
        let ids = |c: &clap::Command| c.get_arguments().map(|a| a.get_id().to_string()).collect::<Vec<_>>();
        for sub in english.get_subcommands() {
            let theirs = japanese.find_subcommand(sub.get_name()).unwrap_or_else(|| panic!("{}", sub.get_name()));
            for id in ids(sub) {
                assert!(ids(theirs).contains(&id), "{} {id}", sub.get_name());
            }
        }
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let none = |_: &str| None;
        let env_ja = |name: &str| (name == "LANG").then(|| "ja_JP.UTF-8".to_owned());
        assert_eq!(help_lang(&args(&["shouldtune", "--help"]), none), Lang::En);
        assert_eq!(help_lang(&args(&["shouldtune", "--lang", "ja", "--help"]), none), Lang::Ja);
        assert_eq!(help_lang(&args(&["shouldtune", "evaluate", "--lang=ja", "-h"]), none), Lang::Ja);
        assert_eq!(help_lang(&args(&["shouldtune", "--help"]), env_ja), Lang::Ja);
        assert_eq!(help_lang(&args(&["shouldtune", "--lang", "en", "--help"]), env_ja), Lang::En);
        // The last one counts; an unknown value or one after `--` does not.
        assert_eq!(help_lang(&args(&["shouldtune", "--lang=en", "--lang", "ja"]), none), Lang::Ja);
        assert_eq!(help_lang(&args(&["shouldtune", "--lang", "xx", "-h"]), env_ja), Lang::Ja);
        assert_eq!(help_lang(&args(&["shouldtune", "--", "--lang", "ja"]), none), Lang::En);
    }
}
