//! `cost --plot`: monthly cost of each approach against monthly requests, as SVG.

use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::{CostEstimate, render};
use crate::i18n::{Arg, Lang};

/// A legend label, a colour and the points of one line.
type Series = (String, RGBColor, Vec<(f64, f64)>);

/// Points per series: enough for smooth lines on a log axis.
const SAMPLES: u32 = 120;

/// Draws the three approaches' monthly cost from 1% to 100x the project's
/// volume (log scale), the project's volume and the break-even marked, with
/// the price table and its date in the caption. Returns the SVG text.
pub fn svg(estimate: &CostEstimate, name: &str) -> Result<String, String> {
    svg_in(estimate, name, Lang::En)
}

/// [`svg`] with the caption, axes and legend in `lang`.
pub fn svg_in(estimate: &CostEstimate, name: &str, lang: Lang) -> Result<String, String> {
    let volume = estimate.monthly_requests.max(100);
    #[expect(clippy::cast_precision_loss, reason = "plot coordinates")]
    let (low, high) = (volume as f64 / 100.0, volume as f64 * 100.0);
    let xs: Vec<f64> = (0..=SAMPLES).map(|i| low * (high / low).powf(f64::from(i) / f64::from(SAMPLES))).collect();
    // Plot coordinates are floats: a chart needs no exact cents, and float
    // arithmetic cannot overflow at any volume the descriptor allows.
    let to_f = |d: rust_decimal::Decimal| d.to_f64().unwrap_or(0.0);
    let rates = &estimate.rates;
    let (pe, rag, ft, fixed) =
        (to_f(rates.prompt_engineering), to_f(rates.rag), to_f(rates.fine_tuning), to_f(rates.fine_tuning_fixed));
    let line = |per_request: f64, fixed: f64| xs.iter().map(|&x| (x, per_request * x + fixed)).collect::<Vec<_>>();
    let fine_tuning_label =
        lang.tr(if estimate.evaluation_only { "plot-fine-tuning-evaluation" } else { "plot-fine-tuning" });
    let series: [Series; 3] = [
        (lang.tr("plot-prompt-engineering"), RGBColor(31, 119, 180), line(pe, 0.0)),
        (lang.tr("plot-rag"), RGBColor(44, 160, 44), line(rag, 0.0)),
        (fine_tuning_label, RGBColor(214, 39, 40), line(ft, fixed)),
    ];
    // Costs span orders of magnitude across the volume range: both axes are logarithmic.
    let ys = || series.iter().flat_map(|(_, _, p)| p.iter().map(|(_, y)| *y));
    let y_max = ys().filter(|y| y.is_finite()).fold(1.0_f64, f64::max) * 1.5;
    let y_min = ys().filter(|y| *y > 0.0).fold(y_max, f64::min).max(0.01) / 1.5;
    let caption = lang.tr_args(
        "plot-caption",
        &[
            ("name", Arg::Str(name)),
            ("model", Arg::Str(&estimate.model)),
            ("table", Arg::Str(&estimate.price_table)),
            ("as_of", Arg::Str(&estimate.as_of)),
        ],
    );
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (960, 600)).into_drawing_area();
        let e = |err: DrawingAreaErrorKind<_>| err.to_string();
        root.fill(&WHITE).map_err(e)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 18))
            .margin(24)
            .x_label_area_size(56)
            .y_label_area_size(96)
            .build_cartesian_2d((low..high).log_scale(), (y_min..y_max).log_scale())
            .map_err(|err| err.to_string())?;
        chart
            .configure_mesh()
            .x_desc(lang.tr("plot-x"))
            .y_desc(lang.tr_args("plot-y", &[("currency", Arg::Str(&estimate.currency))]))
            .x_label_formatter(&|x| abbreviate(*x))
            .y_label_formatter(&|y| abbreviate(*y))
            .draw()
            .map_err(|err| err.to_string())?;
        for (label, color, points) in series {
            chart
                .draw_series(LineSeries::new(points, color.stroke_width(2)))
                .map_err(|err| err.to_string())?
                .label(label)
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], color.stroke_width(2)));
        }
        #[expect(clippy::cast_precision_loss, reason = "plot coordinates")]
        let project = estimate.monthly_requests.max(1) as f64;
        let grey = RGBColor(117, 80, 170);
        chart
            .draw_series(LineSeries::new(vec![(project, y_min), (project, y_max)], grey.stroke_width(2)))
            .map_err(|err| err.to_string())?
            .label(
                lang.tr_args("plot-this-project", &[("requests", Arg::Str(&render::count(estimate.monthly_requests)))]),
            )
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], grey.stroke_width(2)));
        if let Some(requests) = estimate.break_even_monthly_requests {
            #[expect(clippy::cast_precision_loss, reason = "plot coordinates")]
            let x = requests.max(1) as f64;
            if (low..=high).contains(&x) {
                let y = ft * x + fixed;
                let black = RGBColor(0, 0, 0);
                chart
                    .draw_series(std::iter::once(Circle::new((x, y), 6, black.filled())))
                    .map_err(|err| err.to_string())?
                    .label(lang.tr_args("plot-break-even", &[("requests", Arg::Str(&render::count(requests)))]))
                    .legend(move |(x, y)| Circle::new((x + 12, y), 5, black.filled()));
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(|err| err.to_string())?;
        root.present().map_err(e)?;
    }
    Ok(out)
}

fn abbreviate(value: f64) -> String {
    let (scaled, suffix) = if value >= 1e9 {
        (value / 1e9, "G")
    } else if value >= 1e6 {
        (value / 1e6, "M")
    } else if value >= 1e3 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    if scaled >= 10.0 || (scaled - scaled.round()).abs() < 1e-9 {
        format!("{scaled:.0}{suffix}")
    } else {
        format!("{scaled:.1}{suffix}")
    }
}
