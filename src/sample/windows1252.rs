//! Writing the `;`-separated export as a Dutch Excel saves it: Windows-1252, quoted only
//! when needed, numbers digit by digit.

use super::*;

/// A Windows-1252 text being written, byte by byte; `bad` records a character that
/// Windows-1252 cannot hold (then the file is refused rather than written wrongly).
///
/// Written by hand rather than with the `csv` crate: rows are assembled from pieces
/// encoded once and reused on every row (number, background, names) and the numbers are
/// written digit by digit, which keeps the national-scale sample (~240 MB) within seconds.
#[derive(Default)]
pub(super) struct Out1252 {
    pub(super) bytes: Vec<u8>,
    pub(super) bad: bool,
}

impl Out1252 {
    pub(super) fn with_capacity(capacity: usize) -> Out1252 {
        Out1252 {
            bytes: Vec::with_capacity(capacity),
            bad: false,
        }
    }

    pub(super) fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    /// Text as is, encoded.
    pub(super) fn text(&mut self, s: &str) {
        if s.is_ascii() {
            self.bytes.extend_from_slice(s.as_bytes());
        } else {
            for ch in s.chars() {
                self.char(ch);
            }
        }
    }

    pub(super) fn char(&mut self, ch: char) {
        let code = u32::from(ch);
        if code < 0x80 || (0xA0..=0xFF).contains(&code) {
            // ASCII and Latin-1 letters have the same code in Windows-1252.
            self.bytes.push(code as u8);
        } else {
            let mut utf8 = [0; 4];
            let (encoded, _, had_errors) = WINDOWS_1252.encode(ch.encode_utf8(&mut utf8));
            self.bad |= had_errors;
            self.bytes.extend_from_slice(&encoded);
        }
    }

    /// A field of the `;`-separated export, quoted only when needed.
    pub(super) fn field(&mut self, s: &str) {
        if s.bytes().any(|b| matches!(b, b';' | b'"' | b'\n' | b'\r')) {
            self.byte(b'"');
            for ch in s.chars() {
                if ch == '"' {
                    self.byte(b'"');
                }
                self.char(ch);
            }
            self.byte(b'"');
        } else {
            self.text(s);
        }
    }

    pub(super) fn num(&mut self, v: u32) {
        if v < 10 {
            self.bytes.push(b'0' + v as u8);
        } else if v < 100 {
            self.two(v);
        } else {
            let mut digits = [0u8; 10];
            let mut i = digits.len();
            let mut x = v;
            while x > 0 {
                i -= 1;
                digits[i] = b'0' + (x % 10) as u8;
                x /= 10;
            }
            self.bytes.extend_from_slice(&digits[i..]);
        }
    }

    /// Zero-padded to at least `width` digits.
    pub(super) fn padded(&mut self, v: usize, width: usize) {
        let digits = v.checked_ilog10().unwrap_or(0) as usize + 1;
        for _ in digits..width {
            self.byte(b'0');
        }
        // Respondent sequence numbers stay far below u32::MAX (the options are bounded).
        self.num(v as u32);
    }

    /// Two digits, zero-padded.
    pub(super) fn two(&mut self, v: u32) {
        self.bytes.push(b'0' + (v / 10 % 10) as u8);
        self.bytes.push(b'0' + (v % 10) as u8);
    }

    pub(super) fn date(&mut self, date: NaiveDate, style: DateStyle, minute: u16) {
        let year = date.year().unsigned_abs();
        match style {
            DateStyle::Iso => {
                self.num(year);
                self.byte(b'-');
                self.two(date.month());
                self.byte(b'-');
                self.two(date.day());
            }
            DateStyle::Dash | DateStyle::Slash | DateStyle::WithTime => {
                let sep = if style == DateStyle::Slash {
                    b'/'
                } else {
                    b'-'
                };
                self.two(date.day());
                self.byte(sep);
                self.two(date.month());
                self.byte(sep);
                self.num(year);
                if style == DateStyle::WithTime {
                    self.byte(b' ');
                    self.two(u32::from(minute / 60));
                    self.byte(b':');
                    self.two(u32::from(minute % 60));
                }
            }
        }
    }
}

/// The bytes of a `;`-export field, for names written on every row.
pub(super) fn field_1252(s: &str) -> Result<Vec<u8>, SampleError> {
    let mut out = Out1252::default();
    out.field(s);
    if out.bad {
        return Err(SampleError::Encoding {
            path: "exports/prem-*.csv".to_string(),
        });
    }
    Ok(out.bytes)
}
