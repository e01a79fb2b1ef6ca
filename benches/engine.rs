//! Engine micro-benchmarks: `cargo bench --bench engine`.
//!
//! Targets (docs/performance.md): `decide_compiled` at most 100 ns, within a
//! small factor of `hand_written_floor` (the default rules written out in
//! Rust); `what_if` at most 3 µs.

use shouldtune::descriptor;
use shouldtune::eval::compiled::Decision;
use shouldtune::eval::{Answers, evaluate};
use shouldtune::load::Limits;
use shouldtune::rules::{self, QuestionId, RuleSet, TiVec};
use shouldtune::source::SourceFile;

#[path = "floor/default_rules.rs"]
mod floor;

fn main() {
    divan::main();
}

const EXAMPLE: &str = include_str!("../examples/llm-project.yaml");

fn setup() -> (RuleSet, TiVec<QuestionId, Option<rules::Value>>) {
    let set = rules::load_default().unwrap_or_else(|_| std::process::abort());
    let project = descriptor::parse(&SourceFile::new("llm-project.yaml", EXAMPLE), &set, Limits::default())
        .unwrap_or_else(|_| std::process::abort());
    (set, project.given)
}

/// The compiled default rules deciding one resolved answer set (scores,
/// vetoes, recommendation, fired rules) into a reused `Decision`.
#[divan::bench]
fn decide_compiled(bencher: divan::Bencher) {
    let (set, given) = setup();
    let answers = Answers::resolve(&set, &given);
    let mut decision = Decision::default();
    bencher.bench_local(|| {
        set.program().decide(divan::black_box(answers.values()), &mut decision);
        decision.recommendation()
    });
}

/// The same decision by the default rules written out by hand in Rust: the floor.
#[divan::bench]
fn hand_written_floor(bencher: divan::Bencher) {
    let (set, given) = setup();
    let answers = Answers::resolve(&set, &given);
    bencher.bench_local(|| floor::decide(divan::black_box(&answers.values().raw)));
}

/// `eval::evaluate`: the decision plus the full `Evaluation` (ranking,
/// vetoes, combinations, next steps), which allocates its vectors.
#[divan::bench]
fn evaluate_full(bencher: divan::Bencher) {
    let (set, given) = setup();
    let answers = Answers::resolve(&set, &given);
    bencher.bench_local(|| evaluate(divan::black_box(&set), divan::black_box(answers.clone())));
}

/// Resolving defaults and ask-conditions, then evaluating.
#[divan::bench]
fn resolve_and_evaluate(bencher: divan::Bencher) {
    let (set, given) = setup();
    bencher.bench_local(|| evaluate(&set, Answers::resolve(&set, divan::black_box(&given))));
}

/// The what-if search for one descriptor (dozens of trial changes).
#[divan::bench]
fn what_if(bencher: divan::Bencher) {
    let (set, given) = setup();
    let evaluation = evaluate(&set, Answers::resolve(&set, &given));
    bencher.bench_local(|| shouldtune::whatif::what_if(&set, divan::black_box(&given), &evaluation));
}

/// Parsing and checking one descriptor (YAML with spans, answers against the questions).
#[divan::bench]
fn parse_descriptor(bencher: divan::Bencher) {
    let (set, _) = setup();
    let source = SourceFile::new("llm-project.yaml", EXAMPLE);
    bencher.bench_local(|| descriptor::parse(divan::black_box(&source), &set, Limits::default()));
}

/// The embedded default rule set as the binary gets it: decoding the form
/// loaded ahead of time (`src/rules/embedded/default-rules.postcard`).
#[divan::bench]
fn load_default_rules() -> Result<RuleSet, Vec<shouldtune::diag::Diagnostic>> {
    rules::load_default()
}

/// The same rule set through the loader, as a user's rule file goes: parsing
/// `rules/default.yaml` and its translations, checking and compiling them.
#[divan::bench]
fn load_default_rules_from_yaml() -> Result<RuleSet, Vec<shouldtune::diag::Diagnostic>> {
    rules::load(&[rules::default_source()], Limits::default())
}
