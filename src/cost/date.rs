//! Calendar dates as days since 1970-01-01, for the price tables' age.

/// Days since 1970-01-01 of `(year, month, day)` in the proleptic Gregorian calendar.
#[must_use]
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    // Howard Hinnant's `days_from_civil`.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` of a day count since 1970-01-01.
#[must_use]
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, u32::try_from(month).unwrap_or(1), u32::try_from(day).unwrap_or(1))
}

/// The day count of a real calendar date written `YYYY-MM-DD`; `None` for anything else.
#[must_use]
pub fn days_from_iso(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shape {
        return None;
    }
    let year: i64 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    let days = days_from_civil(year, month, day);
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

/// `YYYY-MM-DD` of a day count.
#[must_use]
pub fn iso_from_days(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whether `earlier` is more than a year before `later` (same month and day a year on, 29 February as 1 March).
#[must_use]
pub fn more_than_a_year_before(earlier: i64, later: i64) -> bool {
    let (y, m, d) = civil_from_days(earlier);
    let anniversary = days_from_civil(y + 1, m, d);
    later > anniversary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_invalid_dates_are_refused() {
        assert_eq!(days_from_iso("1970-01-01"), Some(0));
        assert_eq!(days_from_iso("2026-02-11"), Some(20_495));
        assert_eq!(iso_from_days(20_495), "2026-02-11");
        assert_eq!(days_from_iso("2024-02-29").map(iso_from_days).as_deref(), Some("2024-02-29"));
        for bad in ["2023-02-29", "2023-13-01", "2023-00-10", "2023-1-01", "October", "2023-10-32"] {
            assert_eq!(days_from_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_year_is_counted_by_the_calendar() {
        let day = |s| days_from_iso(s).unwrap();
        assert!(!more_than_a_year_before(day("2026-02-11"), day("2027-02-11")));
        assert!(more_than_a_year_before(day("2026-02-11"), day("2027-02-12")));
        assert!(!more_than_a_year_before(day("2023-10-16"), day("2023-10-15")));
    }
}
