//! Calendar dates for `verified`, without a date library: the directory only needs to parse,
//! compare, add months and turn days since 1970-01-01 into a date.

use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses exactly `digits` ASCII digits.
fn number(s: &str, digits: usize) -> Option<u32> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl Date {
    /// A date, when the day exists.
    #[must_use]
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (four-digit year).
    #[must_use]
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let year = i32::try_from(number(y, 4)?).ok()?;
        Date::new(
            year,
            u8::try_from(number(m, 2)?).ok()?,
            u8::try_from(number(d, 2)?).ok()?,
        )
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    #[must_use]
    pub fn day(self) -> u8 {
        self.day
    }

    /// The date `days` days after 1970-01-01 (negative: before), e.g. from
    /// `SystemTime::now()`. Howard Hinnant's `civil_from_days`.
    #[must_use]
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097); // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11]
        let day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
        let month = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    #[must_use]
    pub fn days_since_epoch(self) -> i64 {
        let m = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The same day `months` months later; the 31st becomes the last day of a shorter month.
    #[must_use]
    pub fn add_months(self, months: u32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX);
        let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(12);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precisely a source dates a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Only the year is known (`2020`).
    Year,
    /// The year and month (`2021-02`).
    Month,
    /// The day (`2026-11-24`).
    Day,
}

/// When a contact was last verified: a day, or a month or year when the source is dated no
/// more precisely. A partial date counts from its first day, so a warning is never late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    /// The first day of the period.
    pub first_day: Date,
    /// How much of the date the source gives.
    pub precision: Precision,
}

impl Verified {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Verified> {
        let parts: Vec<&str> = s.split('-').collect();
        let year = || i32::try_from(number(parts.first()?, 4)?).ok();
        match parts.len() {
            1 => Some(Verified {
                first_day: Date::new(year()?, 1, 1)?,
                precision: Precision::Year,
            }),
            2 => Some(Verified {
                first_day: Date::new(year()?, u8::try_from(number(parts.get(1)?, 2)?).ok()?, 1)?,
                precision: Precision::Month,
            }),
            _ => Some(Verified {
                first_day: Date::parse(s)?,
                precision: Precision::Day,
            }),
        }
    }

    /// True when more than `months` months have passed since the first day, as of `today`.
    #[must_use]
    pub fn older_than(&self, months: u32, today: Date) -> bool {
        self.first_day.add_months(months) < today
    }

    /// True when the date (its first day) is after `today`.
    #[must_use]
    pub fn after(&self, today: Date) -> bool {
        self.first_day > today
    }
}

impl fmt::Display for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.first_day;
        match self.precision {
            Precision::Year => write!(f, "{:04}", d.year),
            Precision::Month => write!(f, "{:04}-{:02}", d.year, d.month),
            Precision::Day => write!(f, "{d}"),
        }
    }
}

impl serde::Serialize for Verified {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| panic!("{s} is a date"))
    }

    #[test]
    fn parses_only_real_days_in_iso_form() {
        assert_eq!(d("2026-11-24").to_string(), "2026-11-24");
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-11-24",
            "2026-11-24x",
            "2026/11/24",
            "",
            "2026-11-24-1",
            "+026-11-24",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn days_since_epoch_round_trip() {
        assert_eq!(Date::from_days_since_epoch(0), d("1970-01-01"));
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(Date::from_days_since_epoch(20_781), d("2026-11-24"));
        assert_eq!(Date::from_days_since_epoch(-1), d("1969-12-31"));
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }

    #[test]
    fn adding_months_clamps_to_the_end_of_the_month() {
        assert_eq!(d("2026-11-24").add_months(12), d("2027-11-24"));
        assert_eq!(d("2026-11-24").add_months(11), d("2027-10-24"));
        assert_eq!(d("2024-02-29").add_months(12), d("2025-02-28"));
        assert_eq!(d("2026-01-31").add_months(1), d("2026-02-28"));
    }

    #[test]
    fn partial_dates_count_from_their_first_day() {
        let v = Verified::parse("2021-02").unwrap_or_else(|| panic!("month"));
        assert_eq!(v.first_day, d("2021-02-01"));
        assert_eq!(v.to_string(), "2021-02");
        let y = Verified::parse("2020").unwrap_or_else(|| panic!("year"));
        assert_eq!(y.to_string(), "2020");
        assert!(y.older_than(12, d("2021-01-02")));
        assert!(!y.older_than(12, d("2021-01-01")));
        for bad in [
            "2021-2",
            "21",
            "2021-00",
            "2021-02-30",
            "soon",
            "2021-02-01-01",
        ] {
            assert!(Verified::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn staleness_is_more_than_twelve_months() {
        let v = Verified::parse("2026-11-24").unwrap_or_else(|| panic!("day"));
        assert!(!v.older_than(12, d("2027-10-24")));
        assert!(!v.older_than(12, d("2027-11-24")));
        assert!(v.older_than(12, d("2027-11-25")));
        assert!(v.after(d("2026-11-23")));
        assert!(!v.after(d("2026-11-24")));
    }
}
