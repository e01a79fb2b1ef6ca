//! Writes N varied descriptor files for benchmarks:
//! `cargo run --release --example gen_descriptors -- DIR N`.
//!
//! Files go to `DIR/team-XXXX/llm-project.yaml`; answers vary deterministically
//! (a fixed-seed generator), so every run writes the same tree.

use std::io::Write;

const TASKS: &[&str] =
    &["qa", "chat", "classification", "summarization", "extraction", "generation", "nl_to_query", "other"];
const FRESHNESS: &[&str] = &["static", "monthly", "weekly", "daily", "realtime"];
const TOLERANCE: &[&str] = &["low", "medium", "high"];
const PLANS: &[&str] = &["prompt_engineering", "rag", "fine_tuning", "[fine_tuning, rag]"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: gen_descriptors DIR N")?);
    let count: usize = args.next().ok_or("usage: gen_descriptors DIR N")?.parse()?;
    let mut state: u64 = 0x5eed_1234_abcd_ef01;
    let mut next = move |n: usize| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or(0) % n
    };
    for i in 0..count {
        let team = dir.join(format!("team-{i:06}"));
        std::fs::create_dir_all(&team)?;
        let mut file = std::io::BufWriter::new(std::fs::File::create(team.join("llm-project.yaml"))?);
        let bool_at = |v: usize| if v == 0 { "false" } else { "true" };
        writeln!(file, "# Generated descriptor {i}")?;
        writeln!(file, "name: Project {i}")?;
        writeln!(file, "description: Generated for benchmarks")?;
        writeln!(file, "planned_approach: {}", PLANS[next(PLANS.len())])?;
        writeln!(file, "answers:")?;
        writeln!(file, "  task_type: {}", TASKS[next(TASKS.len())])?;
        writeln!(file, "  deadline_weeks: {}", next(26))?;
        writeln!(file, "  knowledge_freshness: {}", FRESHNESS[next(FRESHNESS.len())])?;
        writeln!(file, "  needs_private_knowledge: {}", bool_at(next(2)))?;
        writeln!(file, "  hallucination_tolerance: {}", TOLERANCE[next(TOLERANCE.len())])?;
        writeln!(file, "  strict_output_format: {}", bool_at(next(2)))?;
        writeln!(file, "  specific_tone: {}", bool_at(next(2)))?;
        writeln!(file, "  hard_to_describe_in_prompt: {}", bool_at(next(2)))?;
        writeln!(file, "  examples_available: {}", [0, 5, 30, 80, 600, 20_000][next(6)])?;
        writeln!(file, "  examples_fit_in_context: {}", bool_at(next(2)))?;
        writeln!(file, "  prompt_tokens: {}", [200, 900, 2500, 6000][next(4)])?;
        writeln!(file, "  latency_sensitive: {}", bool_at(next(2)))?;
        writeln!(file, "  monthly_requests: {}", [500, 20_000, 400_000, 3_000_000][next(4)])?;
        let baseline = next(2);
        writeln!(file, "  baseline_exists: {}", bool_at(baseline))?;
        if baseline == 1 {
            writeln!(file, "  baseline_meets_target: {}", bool_at(next(2)))?;
        }
        writeln!(file, "  wants_smaller_model: {}", bool_at(next(2)))?;
        file.flush()?;
    }
    Ok(())
}
