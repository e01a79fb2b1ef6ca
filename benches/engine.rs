//! Engine micro-benchmarks: `cargo bench --bench engine`.
//!
//! The evaluation target is over 1,000,000 evaluations a second on one core,
//! i.e. under 1 µs for `evaluate_compiled`.

use shouldtune::descriptor;
use shouldtune::eval::{Answers, evaluate};
use shouldtune::load::Limits;
use shouldtune::rules::{self, RuleSet};
use shouldtune::source::SourceFile;

fn main() {
    divan::main();
}

const EXAMPLE: &str = include_str!("../examples/llm-project.yaml");

fn setup() -> (RuleSet, Vec<Option<rules::Value>>) {
    let set = rules::load_default().unwrap_or_else(|_| std::process::abort());
    let project = descriptor::parse(&SourceFile::new("llm-project.yaml", EXAMPLE), &set, Limits::default())
        .unwrap_or_else(|_| std::process::abort());
    (set, project.given)
}

/// One compiled rule set against one resolved answer set.
#[divan::bench]
fn evaluate_compiled(bencher: divan::Bencher) {
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

/// The what-if search (dozens of evaluations).
#[divan::bench]
fn what_if(bencher: divan::Bencher) {
    let (set, given) = setup();
    let evaluation = evaluate(&set, Answers::resolve(&set, &given));
    bencher.bench_local(|| shouldtune::explain::what_if(&set, divan::black_box(&given), &evaluation));
}

/// Parsing and checking one descriptor (YAML with spans, answers against the questions).
#[divan::bench]
fn parse_descriptor(bencher: divan::Bencher) {
    let (set, _) = setup();
    let source = SourceFile::new("llm-project.yaml", EXAMPLE);
    bencher.bench_local(|| descriptor::parse(divan::black_box(&source), &set, Limits::default()));
}

/// Loading and compiling the embedded default rule set (done once per process).
#[divan::bench]
fn load_default_rules() -> Result<RuleSet, Vec<shouldtune::diag::Diagnostic>> {
    rules::load_default()
}
