//! `check`: every descriptor in a tree, evaluated and held against a policy.
//!
//! Discovery finds descriptor files; each is parsed, evaluated and checked
//! independently (in parallel), and the results come back in sorted path
//! order. Every problem, from a YAML syntax error to a plan that contradicts
//! the recommendation, is a [`Diagnostic`] located in its file, so one set of
//! renderers (`report::check`) serves every output format.

mod discover;
mod policy;

pub use crate::report::check::{Evaluated, FileHead, FileResult, Summary};
pub use discover::{Discovery, Found, Search, discover};
pub use policy::Policy;

use rayon::prelude::*;

use crate::cost::PriceTable;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::load::Limits;
use crate::overlays::RuleSets;
use crate::paths::resolve_lenient;
use crate::report::Report;
use crate::rules::RuleSet;
use crate::source::SourceFile;
use crate::{descriptor, eval, input};

/// Files checked per batch: large enough to keep both cores busy, small
/// enough that memory stays flat however many descriptors a repository has
/// (two batches are in memory at once: one being checked, one written).
const BATCH: usize = 128;

/// Checks each of `paths` (descriptor files, already discovered) against
/// `rule_set`, pricing with `tables` (for the rules' cost facts), handing
/// each result to `each` in the order of `paths`.
///
/// Files are independent and checked in parallel, a batch at a time; only one
/// batch of results is held in memory. Stops at the first error `each` returns.
pub fn run<E>(
    paths: &[Found],
    rule_sets: &RuleSets,
    tables: &[PriceTable],
    policy: Policy,
    limits: Limits,
    each: impl FnMut(FileResult) -> Result<(), E>,
) -> Result<Summary, E> {
    run_then(paths, rule_sets, tables, policy, limits, |file| file, each)
}

/// [`run`], running `then` on each result in the parallel part and handing
/// what it makes of the result to `each`: reports render each file's share of
/// their output there, and what the result is not handed over as is drops
/// there, on the thread that built it (cheaper than freeing it on another).
///
/// Checking and handing over overlap: while `each` takes one batch on the
/// calling thread, the next is checked on the worker threads, so writing the
/// reports does not leave the cores idle. At most two batches are in memory at
/// once: a checked batch waits until the one before has been handed over.
pub fn run_then<T: Send, E>(
    paths: &[Found],
    rule_sets: &RuleSets,
    tables: &[PriceTable],
    policy: Policy,
    limits: Limits,
    then: impl Fn(FileResult) -> T + Sync,
    mut each: impl FnMut(T) -> Result<(), E>,
) -> Result<Summary, E> {
    let check_batch = |batch: &[Found]| -> Vec<(Summary, T)> {
        batch
            .par_iter()
            .map(|path| {
                let result = found_file(path, rule_sets, tables, policy, limits);
                (Summary::of(&result), then(result))
            })
            .collect()
    };
    let mut summary = Summary::default();
    let mut hand_over = |results: Vec<(Summary, T)>| -> Result<(), E> {
        for (counts, made) in results {
            summary.add_up(counts);
            each(made)?;
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel(0);
        let checker = std::thread::Builder::new().name("check".into()).spawn_scoped(scope, move || {
            for batch in paths.chunks(BATCH) {
                // A closed channel: `each` stopped the run.
                if sender.send(check_batch(batch)).is_err() {
                    break;
                }
            }
        });
        if checker.is_err() {
            // No thread to spare (a process limit): one batch after the other.
            return paths.chunks(BATCH).try_for_each(|batch| hand_over(check_batch(batch)));
        }
        receiver.into_iter().try_for_each(&mut hand_over)
    })?;
    Ok(summary)
}

fn found_file(
    found: &Found,
    rule_sets: &RuleSets,
    tables: &[PriceTable],
    policy: Policy,
    limits: Limits,
) -> FileResult {
    let path = found.shown.as_str();
    let file = found.path.as_path();
    if let Some(root) = &found.confine_to
        && !resolve_lenient(file).starts_with(root)
    {
        // One answer whether the target exists or not, and never its content.
        let diagnostic =
            Diagnostic::without_file(Code::OutsideRepository, Msg::new("outside-repository").arg("path", path))
                .with_help(Msg::new("outside-repository-help"));
        return failed(path, vec![with_file_name(diagnostic, path)]);
    }
    let source = match input::read_source_named(file, path, limits) {
        Ok(source) => source,
        Err(diagnostic) => return failed(path, vec![with_file_name(*diagnostic, path)]),
    };
    let document = match descriptor::Document::parse(&source, limits) {
        Ok(document) => document,
        Err(diagnostics) => return failed(path, diagnostics),
    };
    if policy.no_overlays {
        match RuleSets::declared_overlays(&document) {
            Ok(declared) if declared.is_empty() => {}
            Ok(declared) => {
                let refused = declared
                    .iter()
                    .map(|(entry, span)| {
                        Diagnostic::error(
                            Code::OverlayRefused,
                            Msg::new("overlay-refused").arg("overlay", crate::text::sanitize_name(entry)),
                            &document.source,
                            *span,
                        )
                        .with_help(Msg::new("overlay-refused-help"))
                    })
                    .collect();
                return failed(path, refused);
            }
            Err(diagnostics) => return failed(path, diagnostics),
        }
    }
    match rule_sets.for_descriptor(file, &document) {
        Ok(rule_set) => evaluated_document(path, &document, &rule_set, tables, policy),
        Err(diagnostics) => failed(path, diagnostics.into_iter().map(|d| with_file_name(d, path)).collect()),
    }
}

/// Checks one descriptor already in memory against `rule_set` (its own
/// `rules:` key is not followed; [`run`] does that), with the
/// embedded price tables.
#[must_use]
pub fn source_file(path: &str, source: &SourceFile, rule_set: &RuleSet, policy: Policy, limits: Limits) -> FileResult {
    match descriptor::Document::parse(source, limits) {
        Ok(document) => evaluated_document(path, &document, rule_set, crate::facts::embedded_tables(), policy),
        Err(diagnostics) => failed(path, diagnostics),
    }
}

fn evaluated_document(
    path: &str,
    document: &descriptor::Document,
    rule_set: &RuleSet,
    tables: &[PriceTable],
    policy: Policy,
) -> FileResult {
    let mut project = match descriptor::validate(document, rule_set) {
        Ok(project) => project,
        Err(diagnostics) => return failed(path, diagnostics),
    };
    // Cost errors are `cost`'s and `evaluate`'s to report; here they only leave derived facts at their defaults.
    let _ =
        crate::facts::estimate_and_derive(rule_set, &mut project.given, project.cost.as_ref(), tables, &project.source);
    let evaluation = eval::evaluate(rule_set, project.answers(rule_set));
    let planned = project.planned.as_ref().map(|p| p.approaches.as_slice());
    let mut report = Report::new(rule_set, &project.name, &evaluation).with_plan(rule_set, planned, &evaluation);
    if policy.what_if {
        report = report.with_what_if(rule_set, &project.given, &evaluation);
    }
    let mut diagnostics = policy::findings(&project, &evaluation, &report, rule_set, policy);
    diagnostics.extend(overlay_notes(document, rule_set));
    diagnostics.sort_by_key(|d| (d.span.offset, std::cmp::Reverse(d.severity)));
    let planned =
        project.planned.as_ref().map(|p| p.approaches.iter().map(|&a| rule_set.approaches[a].id.clone()).collect());
    FileResult { path: path.to_owned(), evaluated: Some(Evaluated { report, planned }), diagnostics }
}

/// One note per overlay in force, at its entry under `rules:`.
fn overlay_notes(document: &descriptor::Document, rule_set: &RuleSet) -> Vec<Diagnostic> {
    let declared = RuleSets::declared_overlays(document).unwrap_or_default();
    rule_set
        .overlays
        .iter()
        .zip(declared)
        .map(|(overlay, (_, span))| {
            Diagnostic::error(
                Code::OverlayInForce,
                Msg::new("overlay-in-force-note").arg("summary", overlay.summary_msg()),
                &document.source,
                span,
            )
            .with_severity(crate::diag::Severity::Note)
        })
        .collect()
}

fn failed(path: &str, diagnostics: Vec<Diagnostic>) -> FileResult {
    FileResult { path: path.to_owned(), evaluated: None, diagnostics }
}

/// I/O errors carry no source file; give them one (empty) so every
/// diagnostic of a check run is located in its file.
fn with_file_name(mut diagnostic: Diagnostic, path: &str) -> Diagnostic {
    if diagnostic.file.is_none() {
        diagnostic.file = Some(SourceFile::new(path, ""));
    }
    diagnostic
}
