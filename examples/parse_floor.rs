//! The parse floor for `check` benchmarks: read every descriptor under DIR
//! and parse it with `serde_yaml` into a generic value, on one thread, doing
//! nothing else. `cargo run --release --example parse_floor -- DIR`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: parse_floor DIR")?;
    let started = std::time::Instant::now();
    let mut files = 0_usize;
    let mut keys = 0_usize;
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry?;
        if entry.file_name() != "llm-project.yaml" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())?;
        let value: serde_yaml::Value = serde_yaml::from_str(&text)?;
        keys += value.as_mapping().map_or(0, serde_yaml::Mapping::len);
        files += 1;
    }
    println!("parsed {files} files ({keys} top-level keys) in {:.3} s", started.elapsed().as_secs_f64());
    Ok(())
}
