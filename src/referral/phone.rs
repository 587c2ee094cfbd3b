//! Which phone numbers a directory accepts: short numbers and numbers of Kazakhstan in +7.

/// Why a phone number is not accepted, or `None` when it is: a short number of 3 or 4 digits
/// starting with 1 (`112`, `1414`), or `+7` and ten digits starting with 6 or 7 (Kazakhstan's
/// part of the shared +7 zone; +7 3…, 4…, 8…, 9… are Russian), with single spaces or hyphens
/// between groups.
#[must_use]
pub fn phone_problem(s: &str) -> Option<&'static str> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return if (3..=4).contains(&s.len()) && s.starts_with('1') {
            None
        } else {
            Some("a short number has 3 or 4 digits and starts with 1; other numbers start with +7")
        };
    }
    let Some(rest) = s.strip_prefix("+7") else {
        return Some("write a short number (`112`) or a full number starting with +7");
    };
    // One separator may follow +7 (`+7 701…`, `+7-7172…`), never two in a row.
    let (rest, mut previous_separator) = match rest.strip_prefix([' ', '-']) {
        Some(r) => (r, true),
        None => (rest, false),
    };
    for c in rest.chars() {
        match c {
            '0'..='9' => previous_separator = false,
            ' ' | '-' if !previous_separator => previous_separator = true,
            _ => return Some("use only digits, single spaces and hyphens after +7"),
        }
    }
    let digits: Vec<char> = rest.chars().filter(char::is_ascii_digit).collect();
    if previous_separator || digits.len() != 10 {
        return Some("a number starting with +7 has ten more digits");
    }
    if !matches!(digits.first(), Some('6' | '7')) {
        return Some("not a number in Kazakhstan: after +7 it starts with 6 or 7");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_formats() {
        for ok in [
            "112",
            "1414",
            "+7-7172-790-345",
            "+7 727 000 00 00",
            "+77010000000",
            "+7 701 000 00 00",
        ] {
            assert_eq!(phone_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "12",
            "911",
            "87010000000",
            "+7 701 000 00",
            "+7 901 000 00 00",
            "+7--7172-790-345",
            "+7 7172 790 345 ",
            "+7 (7172) 790345",
            "tel. 112",
        ] {
            assert!(phone_problem(bad).is_some(), "{bad}");
        }
    }
}
