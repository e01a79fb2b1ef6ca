//! `shouldtune cost`: the cost table or JSON, and optionally the SVG chart.

use super::{Exit, Failure, Io, load_rules};
use crate::cli::{CostArgs, CostFormat};
use crate::cost::{self, render};
use crate::diag::{Diagnostic, codes};
use crate::load::Limits;
use crate::report::Style;
use crate::{descriptor, input, save};

pub(super) fn cost(args: &CostArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?;
    let mut pricing = Vec::with_capacity(args.pricing.len());
    for path in &args.pricing {
        pricing.push(input::read_source(path, io.stdin, limits)?);
    }
    let tables = cost::load_tables(&pricing, limits)?;
    let source = input::read_source(&args.file, io.stdin, limits)?;
    let document = descriptor::Document::parse(&source, limits)?;
    let rule_set = rule_sets.for_descriptor(&args.file, &document)?;
    let project = descriptor::check(&document, &rule_set)?;
    let settings =
        project.cost.clone().unwrap_or_else(|| cost::CostSettings { span: project.name_span, ..Default::default() });
    let estimate = cost::estimate(&tables, &settings, project.volume(&rule_set), &source)?;
    if let Some(path) = &args.plot {
        let svg = cost::plot::svg(&estimate, &project.name).map_err(|e| {
            Failure::Diagnostics(vec![Diagnostic::without_file(codes::IO_ERROR, format!("cannot draw the chart: {e}"))])
        })?;
        save::write_atomically(path, &svg, args.force).map_err(|e| {
            let help = if e.kind() == std::io::ErrorKind::AlreadyExists { "pass `--force` to replace it" } else { "" };
            let mut d = Diagnostic::without_file(codes::IO_ERROR, format!("cannot write `{}`: {e}", path.display()));
            if !help.is_empty() {
                d = d.with_help(help);
            }
            Failure::Diagnostics(vec![d])
        })?;
    }
    let mut out = Vec::new();
    match args.format {
        CostFormat::Table => render::table(&estimate, &mut out, Style { color: io.stdout_color, width: io.width })?,
        CostFormat::Json => render::json(&estimate, &mut out)?,
    }
    io.stdout.write_all(&out)?;
    if let Some(path) = &args.plot {
        writeln!(io.stderr, "chart written to `{}`", path.display())?;
    }
    Ok(Exit::Ok)
}
