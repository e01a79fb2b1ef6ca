//! The language of the program's messages, and the messages themselves.
//!
//! The binary decides the language (`--lang`, else `SHOULDTUNE_LANG`, else the
//! POSIX locale, else English: [`choose`]) and passes it to the library as a
//! [`Lang`] value; the library never reads the environment. Messages are
//! Fluent resources (`locales/LANG/shouldtune.ftl`) embedded in the binary.
//! Machine formats keep their English ids, codes and keys whatever the language.

use std::sync::OnceLock;

#[cfg(test)]
mod entries;
mod io;

pub use io::{MessageError, io_reason};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language shouldtune speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the default and the language of the rule files.
    #[default]
    En,
    /// Japanese.
    Ja,
}

/// The Fluent resources, by language.
const RESOURCES: &[(Lang, &str)] = &[
    (Lang::En, include_str!("../locales/en/shouldtune.ftl")),
    (Lang::Ja, include_str!("../locales/ja/shouldtune.ftl")),
];

impl Lang {
    /// Every language, English first.
    pub const ALL: &[Lang] = &[Lang::En, Lang::Ja];

    /// The code: `en`, `ja` (also the rule sets' locale names).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language with this code (`en`, `ja`; case-insensitive).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Parses a value given to `--lang` or `SHOULDTUNE_LANG`, saying what is
    /// accepted (and the closest code) when it is not a language shouldtune speaks.
    pub fn parse(value: &str) -> Result<Lang, String> {
        if let Some(lang) = Lang::from_code(value) {
            return Ok(lang);
        }
        // `ja_JP.UTF-8`, `ja-JP`: the language part is enough.
        if let Some(lang) = Lang::from_posix_locale(value).filter(|_| value.contains(['_', '-', '.'])) {
            return Ok(lang);
        }
        let value = crate::text::sanitize_name(value);
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        // The closest code (as `load::did_you_mean` judges closeness; diagnostics build on this module).
        let lower = value.to_ascii_lowercase();
        let closest = codes
            .iter()
            .copied()
            .map(|code| (strsim::jaro_winkler(&lower, code), code))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, code)| code)
            .or_else(|| value.to_ascii_lowercase().starts_with('j').then_some("ja"));
        let hint = closest.map_or_else(String::new, |c| format!("did you mean `{c}`? "));
        Err(format!("unknown language `{value}`; {hint}use `en` (English) or `ja` (日本語)"))
    }

    /// The language of a POSIX locale name (`ja_JP.UTF-8`, `en_US`, `C`), if shouldtune speaks it.
    #[must_use]
    pub fn from_posix_locale(locale: &str) -> Option<Lang> {
        let language = locale.split(['_', '-', '.', '@']).next().unwrap_or_default();
        Lang::from_code(language)
    }

    /// A bundle holding only the message `id` of this language, if it has one.
    ///
    /// Each message is parsed on first use into a bundle of its own: a run
    /// shows a few dozen of the hundreds of messages, and parsing both
    /// resources whole was a sixth of a short `evaluate`. Messages do not
    /// refer to other messages or terms (`a_message_alone_formats_as_in_its_whole_resource`
    /// checks each formats the same alone), so a one-message bundle is complete.
    /// Where each message is was worked out by the build script (`build.rs`).
    fn message(self, id: &str) -> Option<&'static FluentBundle<FluentResource>> {
        // Boxed, so that the slots of all messages take a few pages: a run touches the slots of
        // the messages it shows, and each page it touches first is a page fault.
        static EN_BUNDLES: [OnceLock<Box<FluentBundle<FluentResource>>>; EN_INDEX.len()] =
            [const { OnceLock::new() }; EN_INDEX.len()];
        static JA_BUNDLES: [OnceLock<Box<FluentBundle<FluentResource>>>; JA_INDEX.len()] =
            [const { OnceLock::new() }; JA_INDEX.len()];
        let (index, bundles): (&[(u32, u32, u32)], &'static [OnceLock<_>]) = match self {
            Lang::En => (&EN_INDEX, &EN_BUNDLES),
            Lang::Ja => (&JA_INDEX, &JA_BUNDLES),
        };
        let text = self.resource();
        let id_at = |&(start, len, _): &(u32, u32, u32)| text.get(start as usize..(start + len) as usize);
        let at = index.binary_search_by(|entry| id_at(entry).unwrap_or_default().cmp(id)).ok()?;
        let (start, _, end) = index[at];
        let entry = text.get(start as usize..end as usize)?;
        let bundle: &'static FluentBundle<FluentResource> = bundles[at].get_or_init(|| {
            let mut bundle = FluentBundle::new_concurrent(vec![self.langid()]);
            // Isolation marks are invisible characters: terminals and Markdown would show them escaped.
            bundle.set_use_isolating(false);
            // A resource with errors keeps the messages it could parse; the tests require none.
            let resource = FluentResource::try_new(entry.to_owned()).unwrap_or_else(|(partial, _)| partial);
            let _ = bundle.add_resource(resource);
            debug_assert!(bundle.has_message(id), "{id}");
            Box::new(bundle)
        });
        Some(bundle)
    }

    /// The text of this language's Fluent resource.
    fn resource(self) -> &'static str {
        RESOURCES.iter().find(|(l, _)| *l == self).map_or("", |(_, text)| text)
    }

    fn langid(self) -> unic_langid::LanguageIdentifier {
        self.code().parse().unwrap_or_else(|_| unic_langid::LanguageIdentifier::default())
    }

    /// The message `id` with no arguments.
    #[must_use]
    pub fn tr(self, id: &str) -> String {
        self.tr_args(id, &[])
    }

    /// The attribute `attr` of message `id` (`.help` under a code's summary).
    #[must_use]
    pub fn tr_attr(self, id: &str, attr: &str) -> String {
        for lang in [self, Lang::En] {
            let Some(bundle) = lang.message(id) else { continue };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.get_attribute(attr)).map(|a| a.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, None, &mut errors).into_owned();
            }
        }
        format!("{id}.{attr}")
    }

    /// The message `id` with `args` (`{ $name }` in the resource). A message
    /// missing in this language falls back to English, then to its id.
    #[must_use]
    pub fn tr_args(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fluent_args.set(*name, FluentValue::from(*s)),
                Arg::Num(n) => fluent_args.set(*name, number(*n)),
            }
        }
        self.format(id, &fluent_args)
    }

    fn format(self, id: &str, fluent_args: &FluentArgs<'_>) -> String {
        for lang in [self, Lang::En] {
            let Some(bundle) = lang.message(id) else { continue };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, Some(fluent_args), &mut errors).into_owned();
            }
        }
        id.to_owned()
    }

    /// A date in prose: `October 1, 2023` / `2023年10月1日`. Machine formats keep ISO 8601.
    #[must_use]
    pub fn date(self, year: i32, month: u32, day: u32) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self {
            Lang::Ja => format!("{year}年{month}月{day}日"),
            Lang::En => {
                let name = MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or("?");
                format!("{name} {day}, {year}")
            }
        }
    }

    /// A whole number with the locale's digit grouping: `12,345` (both languages group by thousands).
    #[must_use]
    pub fn number(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// A signed weight: `+3`, `-2`.
    #[must_use]
    pub fn signed(self, n: i32) -> String {
        if n >= 0 { format!("+{}", self.number(i64::from(n))) } else { self.number(i64::from(n)) }
    }

    /// Joins items with the language's separator, without a conjunction: `a, b, c` / `a、b、c`.
    #[must_use]
    pub fn join(self, items: &[String]) -> String {
        items.join(if self == Lang::Ja { "、" } else { ", " })
    }

    /// Joins items as a list: `a, b and c` / `a、b、c`.
    #[must_use]
    pub fn list(self, items: &[String]) -> String {
        match (self, items) {
            (_, []) => String::new(),
            (_, [one]) => one.clone(),
            (Lang::Ja, _) => items.join("、"),
            (Lang::En, [rest @ .., last]) => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// A whole number for Fluent, which holds numbers as `f64`: beyond 2^53 it
/// would print rounded (9223372036854775807 as 9223372036854776000), so such
/// a number goes as its exact digits (and plural rules pick their default).
fn number(n: i64) -> FluentValue<'static> {
    const EXACT: u64 = 1 << 53;
    if n.unsigned_abs() <= EXACT { FluentValue::from(n) } else { FluentValue::from(n.to_string()) }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text, inserted as is.
    Str(&'a str),
    /// A number, which selects plural forms (`[one]`, `*[other]`).
    Num(i64),
}

/// A message to render later in any language: a Fluent id and its arguments.
///
/// The library builds messages (diagnostics above all) without knowing the
/// language; whoever shows them renders them with [`Msg::render`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, MsgArg)>,
}

/// An argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MsgArg {
    /// Text inserted as is (names, values from files: renderers escape them).
    Str(String),
    /// A number, which selects plural forms.
    Num(i64),
    /// Another message, rendered in the same language.
    Msg(Box<Msg>),
    /// Items listed with the language's separator (`a, b` / `a、b`).
    List(Vec<String>),
}

impl From<String> for MsgArg {
    fn from(s: String) -> Self {
        MsgArg::Str(s)
    }
}

impl From<&str> for MsgArg {
    fn from(s: &str) -> Self {
        MsgArg::Str(s.to_owned())
    }
}

impl From<&String> for MsgArg {
    fn from(s: &String) -> Self {
        MsgArg::Str(s.clone())
    }
}

impl From<Msg> for MsgArg {
    fn from(m: Msg) -> Self {
        MsgArg::Msg(Box::new(m))
    }
}

impl From<i64> for MsgArg {
    fn from(n: i64) -> Self {
        MsgArg::Num(n)
    }
}

impl From<usize> for MsgArg {
    fn from(n: usize) -> Self {
        MsgArg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u64> for MsgArg {
    fn from(n: u64) -> Self {
        MsgArg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl Msg {
    /// The message `id` of the Fluent resources, without arguments yet.
    #[must_use]
    pub fn new(id: &'static str) -> Msg {
        Msg { id, args: Vec::new() }
    }

    /// Adds the argument `$name`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<MsgArg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The Fluent id.
    #[must_use]
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text in `lang` (English when the message has no translation).
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                MsgArg::Str(s) => fluent_args.set(*name, FluentValue::from(s.clone())),
                MsgArg::Num(n) => fluent_args.set(*name, number(*n)),
                MsgArg::Msg(m) => fluent_args.set(*name, FluentValue::from(m.render(lang))),
                MsgArg::List(items) => fluent_args.set(*name, FluentValue::from(lang.join(items))),
            }
        }
        lang.format(self.id, &fluent_args)
    }
}

/// Where the language was chosen from, for [`choose`]'s callers' messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangSource {
    /// `--lang`.
    Flag,
    /// `SHOULDTUNE_LANG`.
    Env,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`.
    Locale,
    /// Nothing said otherwise.
    Default,
}

/// The language to speak: `--lang` (already parsed), else `SHOULDTUNE_LANG`,
/// else the first set of `LC_ALL`, `LC_MESSAGES` and `LANG` (English unless
/// it names Japanese: `ja_JP.UTF-8`), else English. `env` looks a variable up;
/// the binary passes the process environment, tests pass a table.
///
/// An empty variable counts as unset; a `SHOULDTUNE_LANG` that names no
/// language shouldtune speaks is an error (the caller exits 2), while an
/// unsupported POSIX locale simply means English.
pub fn choose(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Result<(Lang, LangSource), String> {
    if let Some(lang) = flag {
        return Ok((lang, LangSource::Flag));
    }
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    if let Some(value) = set("SHOULDTUNE_LANG") {
        return Lang::parse(&value).map(|l| (l, LangSource::Env)).map_err(|e| format!("SHOULDTUNE_LANG: {e}"));
    }
    if let Some(locale) = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|name| set(name)) {
        return Ok((Lang::from_posix_locale(&locale).unwrap_or(Lang::En), LangSource::Locale));
    }
    Ok((Lang::En, LangSource::Default))
}

// `EN_INDEX` and `JA_INDEX`: where each message of the resources is, by id (see `build.rs`).
include!(concat!(env!("OUT_DIR"), "/fluent_index.rs"));

/// The ids of the messages of `lang`'s resource, for completeness tests.
#[must_use]
pub fn message_ids(lang: Lang) -> Vec<String> {
    let text = RESOURCES.iter().find(|(l, _)| *l == lang).map_or("", |(_, t)| t);
    // A message starts a line with its identifier and ` =`; continuation lines are indented,
    // attributes (`.help = ...`) too: they count as `id.attribute`.
    let mut ids = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            if let Some((id, _)) = line.split_once('=') {
                id.trim().clone_into(&mut current);
                ids.push(current.clone());
            }
        } else if let Some(attribute) = line.trim_start().strip_prefix('.')
            && let Some((name, _)) = attribute.split_once('=')
        {
            ids.push(format!("{current}.{}", name.trim()));
        }
    }
    ids
}

/// Whether `lang`'s resource parses without errors.
#[must_use]
pub fn resource_errors(lang: Lang) -> Vec<String> {
    let text = RESOURCES.iter().find(|(l, _)| *l == lang).map_or("", |(_, t)| t);
    match FluentResource::try_new(text.to_owned()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Lang, LangSource, choose, message_ids, resource_errors};

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn every_message_has_both_languages_and_parses() {
        for lang in Lang::ALL {
            assert_eq!(resource_errors(*lang), Vec::<String>::new(), "{lang:?}");
        }
        let (mut en, mut ja) = (message_ids(Lang::En), message_ids(Lang::Ja));
        en.sort();
        ja.sort();
        for ids in [&en, &ja] {
            let twice: Vec<&String> = ids.windows(2).filter(|w| w[0] == w[1]).map(|w| &w[0]).collect();
            assert!(twice.is_empty(), "messages defined twice (the later one wins): {twice:?}");
        }
        assert!(en.len() > 40, "{en:?}");
        let missing_ja: Vec<&String> = en.iter().filter(|id| !ja.contains(id)).collect();
        let missing_en: Vec<&String> = ja.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing_ja.is_empty(), "messages without a Japanese translation: {missing_ja:?}");
        assert!(missing_en.is_empty(), "messages without an English text: {missing_en:?}");
    }

    #[test]
    fn a_message_alone_formats_as_in_its_whole_resource() {
        use fluent_bundle::concurrent::FluentBundle;
        use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
        for (lang, text) in super::RESOURCES {
            let mut whole = FluentBundle::new_concurrent(vec![lang.langid()]);
            whole.set_use_isolating(false);
            whole.add_resource(FluentResource::try_new((*text).to_owned()).unwrap()).unwrap();
            let entries = super::entries::message_entries(text);
            let ids: Vec<String> = message_ids(*lang).into_iter().filter(|id| !id.contains('.')).collect();
            assert_eq!(entries.iter().map(|(id, _)| (*id).to_owned()).collect::<Vec<_>>(), ids, "{lang:?}");
            for (id, range) in entries {
                let entry = &text[range];
                let alone = lang.message(id).unwrap_or_else(|| panic!("{lang:?} {id}"));
                let (a, w) = (alone.get_message(id).unwrap(), whole.get_message(id).unwrap());
                // Every variable of the entry set to a string, then to numbers that select plural forms.
                let names: Vec<&str> = entry
                    .split('$')
                    .skip(1)
                    .map(|rest| {
                        rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).next().unwrap()
                    })
                    .collect();
                let mut all_args = vec![None];
                for value in [FluentValue::from("x"), FluentValue::from(1), FluentValue::from(2)] {
                    let mut args = FluentArgs::new();
                    for name in &names {
                        args.set(*name, value.clone());
                    }
                    all_args.push(Some(args));
                }
                for args in &all_args {
                    let mut patterns = vec![(a.value(), w.value())];
                    for attribute in w.attributes() {
                        patterns.push((a.get_attribute(attribute.id()).map(|x| x.value()), Some(attribute.value())));
                    }
                    assert_eq!(a.attributes().count(), w.attributes().count(), "{lang:?} {id}");
                    for (mine, theirs) in patterns {
                        let (mut e1, mut e2) = (Vec::new(), Vec::new());
                        let mine = mine.map(|p| alone.format_pattern(p, args.as_ref(), &mut e1).into_owned());
                        let theirs = theirs.map(|p| whole.format_pattern(p, args.as_ref(), &mut e2).into_owned());
                        assert_eq!(mine, theirs, "{lang:?} {id}");
                        assert_eq!(e1.len(), e2.len(), "{lang:?} {id}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_index_built_ahead_of_time_finds_every_message_and_only_those() {
        for (lang, text) in super::RESOURCES {
            let index: &[(u32, u32, u32)] = match lang {
                Lang::En => &super::EN_INDEX,
                Lang::Ja => &super::JA_INDEX,
            };
            let entries = super::entries::message_entries(text);
            assert_eq!(index.len(), entries.len(), "{lang:?}: one index entry a message");
            for (id, range) in &entries {
                let at = |n: usize| u32::try_from(n).unwrap();
                assert!(index.contains(&(at(range.start), at(id.len()), at(range.end))), "{lang:?} {id}");
                let bundle = lang.message(id).unwrap_or_else(|| panic!("{lang:?} {id}"));
                assert!(bundle.has_message(id), "{lang:?} {id}");
            }
            // Sorted by id, so a message is found by binary search; a missing id is not found.
            let ids: Vec<&str> = index.iter().map(|&(s, l, _)| &text[s as usize..(s + l) as usize]).collect();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "{lang:?}");
            for missing in ["", "a", "no-such-message", "zzz"] {
                assert!(lang.message(missing).is_none(), "{lang:?} {missing}");
            }
        }
    }

    #[test]
    fn language_precedence() {
        let all = [("SHOULDTUNE_LANG", "en"), ("LC_ALL", "ja_JP.UTF-8"), ("LANG", "ja_JP.UTF-8")];
        assert_eq!(choose(Some(Lang::Ja), env(&all)), Ok((Lang::Ja, LangSource::Flag)));
        assert_eq!(choose(None, env(&all)), Ok((Lang::En, LangSource::Env)));
        assert_eq!(choose(None, env(&[("SHOULDTUNE_LANG", "ja"), ("LANG", "C")])), Ok((Lang::Ja, LangSource::Env)));
        assert_eq!(choose(None, env(&all[1..])), Ok((Lang::Ja, LangSource::Locale)));
        // LC_ALL outranks LC_MESSAGES outranks LANG; an empty variable counts as unset.
        let posix = [("LC_ALL", ""), ("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "ja_JP.UTF-8")];
        assert_eq!(choose(None, env(&posix)), Ok((Lang::En, LangSource::Locale)));
        assert_eq!(choose(None, env(&[("LANG", "ja_JP.eucJP")])), Ok((Lang::Ja, LangSource::Locale)));
        assert_eq!(choose(None, env(&[("LANG", "fr_FR.UTF-8")])), Ok((Lang::En, LangSource::Locale)));
        assert_eq!(choose(None, env(&[])), Ok((Lang::En, LangSource::Default)));
        let error = choose(None, env(&[("SHOULDTUNE_LANG", "jp")])).err().unwrap_or_default();
        assert!(error.contains("`jp`") && error.contains("did you mean `ja`?"), "{error}");
    }

    #[test]
    fn numbers_and_lists() {
        assert_eq!(Lang::Ja.number(5100), "5,100");
        assert_eq!(Lang::En.number(-1_234_567), "-1,234,567");
        assert_eq!(Lang::En.signed(3), "+3");
        assert_eq!(Lang::Ja.signed(-2), "-2");
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(Lang::En.list(&items), "a, b and c");
        assert_eq!(Lang::Ja.list(&items), "a、b、c");
    }

    #[test]
    fn messages_fall_back_and_take_arguments() {
        assert_eq!(Lang::Ja.tr("no-such-message"), "no-such-message");
        let en =
            Lang::En.tr_args("margin-ahead", &[("margin", super::Arg::Num(1)), ("runner_up", super::Arg::Str("RAG"))]);
        assert_eq!(en, "Margin: 1 point ahead of RAG.");
        let ja =
            Lang::Ja.tr_args("margin-ahead", &[("margin", super::Arg::Num(3)), ("runner_up", super::Arg::Str("RAG"))]);
        assert!(ja.contains('3') && ja.contains("RAG") && !ja.contains('\u{2068}'), "{ja}");
    }

    #[test]
    fn numbers_beyond_two_to_the_53_print_exactly() {
        for (n, shown) in
            [(i64::MAX, "9223372036854775807"), (i64::MIN, "-9223372036854775808"), (1 << 53, "9007199254740992")]
        {
            for lang in [Lang::En, Lang::Ja] {
                let text = lang
                    .tr_args("margin-ahead", &[("margin", super::Arg::Num(n)), ("runner_up", super::Arg::Str("RAG"))]);
                assert!(text.contains(shown), "{text}");
            }
            let msg = super::Msg::new("margin-ahead").arg("margin", n).arg("runner_up", "RAG").render(Lang::En);
            assert!(msg.contains(shown), "{msg}");
        }
        // Below 2^53 the number stays a number, and plural rules still apply.
        let one =
            Lang::En.tr_args("margin-ahead", &[("margin", super::Arg::Num(1)), ("runner_up", super::Arg::Str("RAG"))]);
        assert_eq!(one, "Margin: 1 point ahead of RAG.");
    }
}
