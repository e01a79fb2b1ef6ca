//! `shouldtune schema descriptor|rules|report|check`.

use super::{Exit, Failure, Io, load_rules};
use crate::cli::{SchemaArgs, SchemaKind};
use shouldtune::load::Limits;
use shouldtune::schema;

pub(super) fn schema(args: &SchemaArgs, limits: Limits, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let value = match args.which {
        SchemaKind::Descriptor => schema::descriptor(load_rules(&args.rules, limits, io.stdin)?.base()),
        SchemaKind::Rules => schema::rules(),
        SchemaKind::RuleTests => schema::rule_tests(),
        SchemaKind::Report => schema::report(),
        SchemaKind::Check => schema::check(),
    };
    serde_json::to_writer_pretty(&mut *io.stdout, &value).map_err(std::io::Error::other)?;
    writeln!(io.stdout)?;
    Ok(Exit::Ok)
}
