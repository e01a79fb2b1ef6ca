//! `shouldtune cost`: the cost table or JSON, and optionally the SVG chart;
//! `--tables` and `--table ID` list and show the price tables.

use super::{Exit, Failure, Io, load_pricing, load_rules};
use crate::cli::{CostArgs, CostFormat};
use shouldtune::cost::{self, render};
use shouldtune::diag::{Code, Diagnostic};
use shouldtune::i18n::{Arg, Msg};
use shouldtune::load::Limits;
use shouldtune::text::Style;
use shouldtune::text::sanitize;
use shouldtune::{descriptor, input, save};

pub(super) fn cost(args: &CostArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let tables = load_pricing(&args.pricing, limits, io.stdin)?;
    let style = Style { color: io.stdout_color, width: io.width };
    let mut out = Vec::new();
    if args.tables {
        match args.format {
            CostFormat::Table => render::list_tables_in(&tables, &mut out, style, io.lang)?,
            CostFormat::Json => render::tables_json(&tables, &mut out)?,
        }
        io.stdout.write_all(&out)?;
        return Ok(Exit::Ok);
    }
    if let Some(id) = &args.table {
        let Some(table) = tables.iter().find(|t| &t.id == id) else {
            return Err(Failure::Diagnostics(vec![
                Diagnostic::without_file(Code::UnknownChoice, Msg::new("cost-unknown-table").arg("id", sanitize(id)))
                    .with_help(
                        Msg::new("cost-the-tables-are")
                            .arg("list", shouldtune::load::quoted(tables.iter().map(|t| t.id.as_str()))),
                    ),
            ]));
        };
        match args.format {
            CostFormat::Table => render::show_table_in(table, &mut out, style, io.lang)?,
            CostFormat::Json => render::tables_json(std::slice::from_ref(table), &mut out)?,
        }
        io.stdout.write_all(&out)?;
        return Ok(Exit::Ok);
    }
    let Some(file) = &args.file else {
        return Err(Failure::Diagnostics(vec![Diagnostic::without_file(Code::IoError, Msg::new("cost-needs-file"))]));
    };
    let rule_sets = load_rules(&args.rules, limits, io.stdin)?;
    let source = input::read_source(file, io.stdin, limits)?;
    let document = descriptor::Document::parse(&source, limits)?;
    let rule_set = rule_sets.for_descriptor(file, &document)?;
    let project = descriptor::validate(&document, &rule_set)?;
    let settings =
        project.cost.clone().unwrap_or_else(|| cost::CostSettings { span: project.name_span, ..Default::default() });
    let mut estimate = cost::estimate(&tables, &settings, project.volume(&rule_set), &source)?;
    let age_warning = estimate.check_age(io.today);
    if let Some(path) = &args.plot {
        let svg = cost::plot::svg_in(&estimate, &project.name, io.lang).map_err(|e| {
            Failure::Diagnostics(vec![Diagnostic::without_file(
                Code::IoError,
                Msg::new("cost-chart-failed").arg("error", e.clone()),
            )])
        })?;
        save::write_atomically(path, &svg, args.force).map_err(|e| {
            let mut d = Diagnostic::without_file(Code::IoError, super::check::cannot_write(path, &e));
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                d = d.with_help(Msg::new("cost-plot-force-help"));
            }
            Failure::Diagnostics(vec![d])
        })?;
    }
    match args.format {
        CostFormat::Table => render::table_in(&estimate, &mut out, style, io.lang)?,
        CostFormat::Json => render::json(&estimate, &mut out)?,
    }
    io.stdout.write_all(&out)?;
    if let Some(warning) = &age_warning {
        let heading = shouldtune::diag::Severity::Warning.word(io.lang);
        writeln!(io.stderr, "{heading}: {}", sanitize(&warning.render(io.lang)))?;
    }
    if let Some(path) = &args.plot {
        let written = io.lang.tr_args("cost-chart-written", &[("path", Arg::Str(&path.display().to_string()))]);
        writeln!(io.stderr, "{}", sanitize(&written))?;
    }
    Ok(Exit::Ok)
}
