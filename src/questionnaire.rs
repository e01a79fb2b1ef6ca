//! The interactive questionnaire's flow, independent of any terminal.
//!
//! The flow asks for a name, then each applicable question in rule-set order,
//! then the planned approach, through a [`Prompter`]. The binary supplies a
//! terminal prompter; tests supply scripted ones. Going back returns to the
//! previously asked step; quitting hands back everything answered so far.

use crate::descriptor::Draft;
use crate::eval::{Answers, evaluate};
use crate::i18n::{Arg, Lang};
use crate::rules::{ApproachId, QuestionId, QuestionKind, RuleSet, TiVec, Value};
use crate::text::sanitize;

/// What the person did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    /// Gave an answer (Enter on the default counts).
    Answer(T),
    /// Asked to go back to the previous question.
    Back,
    /// Interrupted (Ctrl-C or end of input).
    Quit,
}

/// One prompt's wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// The question.
    pub message: String,
    /// Guidance shown with it.
    pub help: String,
    /// Where we are, e.g. `question 5 of 16`.
    pub progress: String,
}

/// Asks one thing at a time. Every prompt has a default, so Enter always answers.
pub trait Prompter {
    /// Free text.
    fn text(&mut self, prompt: &Prompt, default: &str) -> Reply<String>;
    /// Yes or no.
    fn yes_no(&mut self, prompt: &Prompt, default: bool) -> Reply<bool>;
    /// A whole number within optional bounds; invalid input is asked again.
    fn integer(&mut self, prompt: &Prompt, default: i64, min: Option<i64>, max: Option<i64>) -> Reply<i64>;
    /// One of `options` (an index into it).
    fn choose(&mut self, prompt: &Prompt, options: &[String], default: usize) -> Reply<usize>;
    /// Called after every answer with the answers so far, so a prompter that
    /// can be killed (a closed terminal) can still save them.
    fn checkpoint(&mut self, _answered: &Draft) {}
    /// Where and what to save if the process is told to stop (hang-up or
    /// termination) before the questionnaire ends: `text` is a complete
    /// descriptor marked incomplete, refreshed after every answer, to be
    /// saved with [`crate::save::Destination::save_unattended`] (which never
    /// replaces a file that changed since it was read).
    fn save_point(&mut self, _destination: &crate::save::Destination, _text: &str) {}
    /// Called when "back" returns to the previously answered step (not when
    /// there is none, on the first question), so a terminal can take that
    /// step's answered line off the screen before asking it again.
    fn went_back(&mut self) {}
}

/// How the questionnaire ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finish {
    /// Every applicable question was answered.
    Completed(Draft),
    /// Interrupted; the draft holds what was answered and is marked incomplete.
    Interrupted(Draft),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Name,
    Question(QuestionId),
    Plan,
}

/// Runs the questionnaire, starting from `draft` (empty, pre-filled with
/// `--from`, or an incomplete descriptor being resumed).
///
/// Steps already answered in `draft` are skipped; `ask_name` says whether the
/// name still needs asking (its default is `draft.name`).
pub fn run(rule_set: &RuleSet, draft: Draft, ask_name: bool, prompter: &mut dyn Prompter) -> Finish {
    run_in(rule_set, draft, ask_name, prompter, Lang::En)
}

/// [`run`] with the program's own words (key hints, the name and plan
/// prompts, progress) in `lang`; question texts come from the rule set, in
/// its chosen locale.
pub fn run_in(rule_set: &RuleSet, mut draft: Draft, ask_name: bool, prompter: &mut dyn Prompter, lang: Lang) -> Finish {
    draft.given.resize(rule_set.questions.len(), None);
    let prefilled: TiVec<QuestionId, bool> = draft.given.iter().map(Option::is_some).collect();
    let ask_plan = draft.planned.is_none();
    let mut history: Vec<Step> = Vec::new();
    let mut step = Some(if ask_name { Step::Name } else { Step::Question(QuestionId::default()) });
    while let Some(current) = step {
        let asked = match current {
            Step::Name => Some(ask_for_name(&mut draft, prompter, lang)),
            Step::Question(index) => {
                let applicable = Answers::resolve(rule_set, &draft.given).is_applicable(index)
                    && rule_set.questions[index].derived.is_none();
                if applicable && !prefilled[index] {
                    Some(ask_question(rule_set, index, &mut draft, prompter, lang))
                } else {
                    None
                }
            }
            Step::Plan => ask_plan.then(|| ask_for_plan(rule_set, &mut draft, prompter, lang)),
        };
        step = match asked {
            None => next(current, rule_set),
            Some(Reply::Answer(())) => {
                history.push(current);
                prompter.checkpoint(&Draft { incomplete: true, ..draft.clone() });
                next(current, rule_set)
            }
            Some(Reply::Back) => match history.pop() {
                Some(previous) => {
                    prompter.went_back();
                    Some(previous)
                }
                // Back on the first question stays there.
                None => Some(current),
            },
            Some(Reply::Quit) => {
                draft.incomplete = true;
                return Finish::Interrupted(draft);
            }
        };
    }
    draft.incomplete = false;
    // Answers to questions that stopped applying after going back are dropped.
    let answers = Answers::resolve(rule_set, &draft.given);
    for (index, slot) in draft.given.iter_mut_enumerated() {
        if !answers.is_applicable(index) {
            *slot = None;
        }
    }
    Finish::Completed(draft)
}

fn next(step: Step, rule_set: &RuleSet) -> Option<Step> {
    match step {
        Step::Name => {
            Some(if rule_set.questions.is_empty() { Step::Plan } else { Step::Question(QuestionId::default()) })
        }
        Step::Question(i) if i.index() + 1 < rule_set.questions.len() => {
            Some(Step::Question(QuestionId::from(i.index() + 1)))
        }
        Step::Question(_) => Some(Step::Plan),
        Step::Plan => None,
    }
}

/// The keys every prompt accepts, as its help line ends.
fn keys_help(lang: Lang) -> String {
    lang.tr("ask-keys")
}

fn ask_for_name(draft: &mut Draft, prompter: &mut dyn Prompter, lang: Lang) -> Reply<()> {
    let prompt = Prompt {
        message: lang.tr("ask-project-name"),
        help: keys_help(lang),
        progress: lang.tr("ask-progress-project"),
    };
    match prompter.text(&prompt, &draft.name) {
        Reply::Answer(name) => {
            let name = name.trim();
            if !name.is_empty() {
                name.clone_into(&mut draft.name);
            }
            Reply::Answer(())
        }
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    }
}

fn ask_question(
    rule_set: &RuleSet,
    index: QuestionId,
    draft: &mut Draft,
    prompter: &mut dyn Prompter,
    lang: Lang,
) -> Reply<()> {
    let question = &rule_set.questions[index];
    let current = draft.given[index].unwrap_or(question.default);
    let prompt = Prompt {
        // Rule files (overlays) are not trusted: control characters in their
        // text are shown as visible escapes, never sent to the terminal.
        message: sanitize(&question.text),
        help: if question.help.is_empty() {
            keys_help(lang)
        } else {
            format!("{} · {}", sanitize(&question.help), keys_help(lang))
        },
        progress: {
            // Derived facts are never asked, so they do not count.
            let asked = |q: &&crate::rules::Question| q.derived.is_none();
            let number = rule_set.questions.raw[..index.index()].iter().filter(asked).count() + 1;
            let total = rule_set.questions.iter().filter(asked).count();
            let num = |n: usize| Arg::Num(i64::try_from(n).unwrap_or(i64::MAX));
            lang.tr_args("ask-progress-question", &[("number", num(number)), ("total", num(total))])
        },
    };
    let reply = match (&question.kind, current) {
        (QuestionKind::Boolean, Value::Bool(default)) => map(prompter.yes_no(&prompt, default), Value::Bool),
        (QuestionKind::Integer { min, max }, Value::Int(default)) => {
            map(prompter.integer(&prompt, default, *min, *max), Value::Int)
        }
        (QuestionKind::Choice { values }, Value::Choice(default)) => {
            map(prompter.choose(&prompt, values, usize::from(default)), |i| {
                Value::Choice(u16::try_from(i).unwrap_or(default))
            })
        }
        // A value of the wrong kind cannot come from a checked descriptor; ask afresh from the default.
        _ => return Reply::Answer(()),
    };
    match reply {
        Reply::Answer(value) => {
            draft.given[index] = Some(value);
            Reply::Answer(())
        }
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    }
}

fn ask_for_plan(rule_set: &RuleSet, draft: &mut Draft, prompter: &mut dyn Prompter, lang: Lang) -> Reply<()> {
    let given = crate::facts::with_facts(rule_set, &draft.given, None);
    let evaluation = evaluate(rule_set, Answers::resolve(rule_set, &given));
    let mut recommended = vec![evaluation.recommendation];
    recommended.extend(evaluation.combine_with.iter().map(|c| c.approach));
    let mut plans: Vec<Option<Vec<ApproachId>>> = vec![None];
    if recommended.len() > 1 {
        plans.push(Some(recommended.clone()));
    }
    plans.extend(rule_set.approaches.keys().map(|a| Some(vec![a])));
    let label = |plan: &Option<Vec<ApproachId>>| match plan {
        None => lang.tr("ask-plan-none"),
        Some(approaches) => {
            let ids: Vec<&str> = approaches.iter().map(|&a| rule_set.approaches[a].id.as_str()).collect();
            let note = if *approaches == recommended { lang.tr("ask-plan-recommended") } else { String::new() };
            format!("{}{note}", ids.join(" + "))
        }
    };
    let options: Vec<String> = plans.iter().map(label).collect();
    let prompt = Prompt {
        message: lang.tr("ask-plan"),
        help: format!("{} · {}", lang.tr("ask-plan-help"), keys_help(lang)),
        progress: lang.tr("ask-progress-plan"),
    };
    match prompter.choose(&prompt, &options, 0) {
        Reply::Answer(choice) => {
            draft.planned = plans.get(choice).cloned().flatten();
            Reply::Answer(())
        }
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    }
}

/// Reads a whole number as people write it: `30000`, `30,000`, `30 000`,
/// `30_000`, `30k`, `1.5k`, `2M`. Groups after the first must have three
/// digits; a suffix must still give a whole number. `None` when it is not one.
#[must_use]
pub fn parse_whole_number(text: &str) -> Option<i64> {
    let text = text.trim();
    let (number, multiplier) = match text.chars().last()? {
        'k' | 'K' => (&text[..text.len() - 1], 1_000_i64),
        'm' | 'M' => (&text[..text.len() - 1], 1_000_000),
        _ => (text, 1),
    };
    let number = number.trim_end();
    let (negative, digits) = number.strip_prefix('-').map_or((false, number), |rest| (true, rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let groups: Vec<&str> = whole.split([',', ' ', '_', '\u{a0}', '\u{202f}']).collect();
    let grouped = groups.len() > 1;
    let valid_groups = groups.iter().enumerate().all(|(i, g)| {
        !g.is_empty()
            && g.chars().all(|c| c.is_ascii_digit())
            && (!grouped || (if i == 0 { g.len() <= 3 } else { g.len() == 3 }))
    });
    if !valid_groups || !fraction.chars().all(|c| c.is_ascii_digit()) || (multiplier == 1 && !fraction.is_empty()) {
        return None;
    }
    let mut value: i64 = groups.concat().parse().ok()?;
    value = value.checked_mul(multiplier)?;
    if !fraction.is_empty() {
        let scale = 10_i64.checked_pow(u32::try_from(fraction.len()).ok()?)?;
        let part = fraction.parse::<i64>().ok()?.checked_mul(multiplier)?;
        if part % scale != 0 {
            return None;
        }
        value = value.checked_add(part / scale)?;
    }
    Some(if negative { -value } else { value })
}

fn map<T, U>(reply: Reply<T>, f: impl FnOnce(T) -> U) -> Reply<U> {
    match reply {
        Reply::Answer(value) => Reply::Answer(f(value)),
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    }
}

#[cfg(test)]
mod tests;
