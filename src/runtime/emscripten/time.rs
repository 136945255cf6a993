//! The emscripten JS library's time imports (`_gmtime_js`, `_localtime_js`, `_mktime_js`, `strftime`),
//! computed in Rust exactly as the reference AO loader's glue computes them on a host whose zone is UTC.
//!
//! The reference glue does its date arithmetic with JavaScript `Date` objects and formats with string
//! replacements, so its results carry JavaScript's quirks, which are reproduced here on purpose:
//!
//! - `new Date(y, ...)` and `Date.UTC(y, ...)` read years 0–99 as 1900–1999 (this shows up in
//!   `gmtime`'s `tm_yday`, `mktime_legacy`'s `tm_yday` and `strftime`'s `%g`/`%G`), and a `Date`
//!   only spans ±100,000,000 days around 1970 (outside it every field the glue writes is 0).
//! - `strftime` is not C's: `%c` is `%a %b %d %H:%M:%S %Y`, `%Ec` prints a literal `%c`, unknown
//!   conversions stay as they are, numbers are JavaScript's (`%y` drops the first two characters of
//!   the year rather than keeping the last two), `%z` computes hours as a fraction, `%Z` prints
//!   `tm_zone` through `String.prototype.replace` (so `$&`, `` $` ``, `$'` and `$$` in it expand),
//!   and an out-of-range `tm_wday`/`tm_mon` makes `%a`/`%b` throw while `%A`/`%B` print
//!   `undefined`. Its strings are decoded and re-encoded the glue's way too (see [`strftime`]).
//!
//! The host's zone is always UTC (the reference is compared under `TZ=UTC`), so `localtime` is
//! `gmtime` apart from `gmtime`'s `tm_yday` quirks, and `mktime` never shifts for daylight saving
//! time. No import writes `tm_zone`: emscripten's libc does, after `_gmtime_js`/`_localtime_js`.
//! `tools/emscripten-time-oracle.mjs` runs the glue's own functions to check all of this.
use std::fmt;

/// Where C `struct tm`'s fields sit in guest memory (the struct is 44 bytes on wasm32, 56 on wasm64).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TmLayout {
    /// wasm32: eleven 4-byte words; `tm_gmtoff` (a `long`) at +36, the `tm_zone` pointer at +40.
    Wasm32,
    /// wasm64: nine i32, 4 bytes of padding, `tm_gmtoff` as an i64 at +40, the `tm_zone` pointer at +48.
    Wasm64,
}

impl TmLayout {
    /// Offset of `tm_gmtoff`.
    pub const fn gmtoff_offset(self) -> usize {
        match self {
            TmLayout::Wasm32 => 36,
            TmLayout::Wasm64 => 40,
        }
    }

    /// Offset of the `tm_zone` pointer, which no JS import writes (libc's `gmtime_r` points it at
    /// `"GMT"`, `localtime_r` at `tzname[tm_isdst]`); `strftime` reads the string it points to.
    pub const fn zone_offset(self) -> usize {
        match self {
            TmLayout::Wasm32 => 40,
            TmLayout::Wasm64 => 48,
        }
    }
}

/// C `struct tm` without its `tm_zone` pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tm {
    pub sec: i32,
    pub min: i32,
    pub hour: i32,
    pub mday: i32,
    pub mon: i32,
    /// Years since 1900.
    pub year: i32,
    pub wday: i32,
    pub yday: i32,
    pub isdst: i32,
    /// Seconds east of UTC: a C `long`, 64 bits on wasm64.
    pub gmtoff: i64,
}

impl Tm {
    /// The fields from `bytes` (guest memory from the `struct tm` pointer on, little-endian);
    /// `None` if `bytes` is shorter than the fields.
    pub fn read(bytes: &[u8], layout: TmLayout) -> Option<Tm> {
        let int = |at: usize| Some(i32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
        let gmtoff = match layout {
            TmLayout::Wasm32 => i64::from(int(36)?),
            TmLayout::Wasm64 => i64::from_le_bytes(bytes.get(40..48)?.try_into().ok()?),
        };
        Some(Tm {
            sec: int(0)?,
            min: int(4)?,
            hour: int(8)?,
            mday: int(12)?,
            mon: int(16)?,
            year: int(20)?,
            wday: int(24)?,
            yday: int(28)?,
            isdst: int(32)?,
            gmtoff,
        })
    }

    /// The `tm_zone` pointer in `bytes` (read as [`Tm::read`] reads).
    pub fn zone_ptr(bytes: &[u8], layout: TmLayout) -> Option<u64> {
        let at = layout.zone_offset();
        Some(match layout {
            TmLayout::Wasm32 => u64::from(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?)),
            TmLayout::Wasm64 => u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?),
        })
    }

    /// Writes the ten fields into `bytes` (not the wasm64 padding, not `tm_zone`); on wasm32
    /// `gmtoff` is truncated to its i32. `None`, writing nothing, if `bytes` is too short.
    pub fn write(&self, bytes: &mut [u8], layout: TmLayout) -> Option<()> {
        let fields = bytes.get_mut(..layout.zone_offset())?;
        let ints = [self.sec, self.min, self.hour, self.mday, self.mon, self.year, self.wday, self.yday, self.isdst];
        for (chunk, value) in fields.chunks_exact_mut(4).zip(ints) {
            chunk.copy_from_slice(&value.to_le_bytes());
        }
        let gmtoff = fields.get_mut(layout.gmtoff_offset()..)?;
        match layout {
            TmLayout::Wasm32 => gmtoff.copy_from_slice(&(self.gmtoff as i32).to_le_bytes()),
            TmLayout::Wasm64 => gmtoff.copy_from_slice(&self.gmtoff.to_le_bytes()),
        }
        Some(())
    }
}

/// The zone name `_tzset_js` stores in `tzname[0]` and `tzname[1]` under `TZ=UTC`, in emscripten4
/// and wasm64 glue (`Date.prototype.toLocaleTimeString`'s short zone name, in an en-US host).
pub const TZNAME: &str = "UTC";
/// The same in emscripten3 glue: `"Coordinated Universal Time"` (from `Date.prototype.toTimeString`)
/// cut to the 7 bytes, NUL included, it lets `stringToUTF8` write.
pub const TZNAME_EMSCRIPTEN3: &str = "Coordi";
/// The same in emscripten and emscripten2 glue, which `malloc`s a copy for each of the two slots.
pub const TZNAME_LEGACY: &str = "Coordinated Universal Time";

const MS_PER_DAY: i64 = 86_400_000;
/// The largest time value a JavaScript `Date` holds: 100,000,000 days after 1970, in ms.
const MAX_TIME_MS: i64 = 8_640_000_000_000_000;

/// JavaScript's `ToInt32` (what storing into an `Int32Array` and `| 0` do) of an integer.
fn to_int32(value: i64) -> i32 {
    value as i32
}

/// Days from 1970-01-01 to 1 January of `year` (proleptic Gregorian, counted in 400-year eras from
/// 1 March 0000; 1 January is day 306 of the era year before).
fn days_to_year(year: i64) -> i64 {
    let (era, year_of_era) = ((year - 1).div_euclid(400), (year - 1).rem_euclid(400));
    era * 146_097 + year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + 306 - 719_468
}

/// A time value broken down the way `Date`'s getters do (in UTC, which is also local time here).
struct Fields {
    year: i64,
    month: i64,
    date: i64,
    wday: i64,
    yday: i64,
    hours: i64,
    minutes: i64,
    seconds: i64,
}

impl Fields {
    fn of(ms: i64) -> Fields {
        let day = ms.div_euclid(MS_PER_DAY);
        let second_of_day = ms.rem_euclid(MS_PER_DAY) / 1000;
        let days = day + 719_468;
        let (era, day_of_era) = (days.div_euclid(146_097), days.rem_euclid(146_097));
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let month = (month_from_march + 2) % 12;
        let year = era * 400 + year_of_era + i64::from(month < 2);
        Fields {
            year,
            month,
            date: day_of_year - (153 * month_from_march + 2) / 5 + 1,
            wday: (day + 4).rem_euclid(7),
            yday: day - days_to_year(year),
            hours: second_of_day / 3600,
            minutes: second_of_day / 60 % 60,
            seconds: second_of_day % 60,
        }
    }
}

/// `new Date(year, month, date, hours, minutes, seconds)` on a UTC host, which is also what
/// `Date.UTC` computes: the time value in ms, `None` for an Invalid Date. Years 0–99 mean 1900–1999.
fn js_date(year: i64, month: i64, date: i64, hours: i64, minutes: i64, seconds: i64) -> Option<i64> {
    let year = if (0..=99).contains(&year) { 1900 + year } else { year };
    let ms = v8_make_day(year, month)? * MS_PER_DAY + date * MS_PER_DAY - MS_PER_DAY;
    let ms = ms + ((hours * 60 + minutes) * 60 + seconds) * 1000;
    (ms.abs() <= MAX_TIME_MS).then_some(ms)
}

/// V8's `MakeDay(year, month, 1)`: it gives up on years beyond ±1,000,000 and months beyond
/// ±10,000,000, and counts days with C's truncating division on `year + 399999`, which is off by a
/// day for years the month carries below -399,999 (a far-off `date` can bring the result back).
fn v8_make_day(year: i64, month: i64) -> Option<i64> {
    const YEAR_DELTA: i64 = 399_999;
    const BASE_DAY: i64 =
        365 * (1970 + YEAR_DELTA) + (1970 + YEAR_DELTA) / 4 - (1970 + YEAR_DELTA) / 100 + (1970 + YEAR_DELTA) / 400;
    const DAY_FROM_MONTH: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    if !(-1_000_000..=1_000_000).contains(&year) || !(-10_000_000..=10_000_000).contains(&month) {
        return None;
    }
    let (year, month) = (year + month.div_euclid(12), month.rem_euclid(12));
    let shifted = year + YEAR_DELTA;
    let day = 365 * shifted + shifted / 4 - shifted / 100 + shifted / 400 - BASE_DAY;
    let leap_day = i64::from(is_leap_year(year) && month >= 2);
    Some(day + DAY_FROM_MONTH.get(usize::try_from(month).ok()?)? + leap_day)
}

/// Whether `new Date(seconds * 1000)` is a valid `Date` (±8.64e12 seconds around 1970). Outside
/// it the wasm64 glue's `_localtime_js` throws (see [`localtime`]).
pub fn date_in_range(seconds: i64) -> bool {
    date_of_seconds(seconds).is_some()
}

/// `new Date(seconds * 1000)`: `None` beyond ±8.64e12 seconds.
fn date_of_seconds(seconds: i64) -> Option<i64> {
    seconds.checked_mul(1000).filter(|ms| ms.abs() <= MAX_TIME_MS)
}

/// `_gmtime_js`: the broken-down UTC time of `seconds`, with `tm_isdst` and `tm_gmtoff` 0 (the glue
/// writes `sec` through `yday`; libc's `gmtime_r` then zeroes those two and points `tm_zone` at its
/// own `"GMT"`). Beyond the range of a JavaScript `Date` (±8.64e12 s) every field is 0.
/// `tm_yday` comes from `Date.UTC(year, 0, 1)`, so in years 0–99 it counts from 1 January
/// 1900–1999 (negative), and in year -271821, where that date is out of range, it is 0.
/// Writing the returned `Tm` whole leaves memory as the glue and `gmtime_r` do. (emscripten and
/// emscripten2 glue take a pointer to a 32-bit `time_t`; the caller reads it.)
pub fn gmtime(seconds: i64) -> Tm {
    let Some(ms) = date_of_seconds(seconds) else { return Tm::default() };
    let fields = Fields::of(ms);
    let yday = js_date(fields.year, 0, 1, 0, 0, 0).map_or(0, |start| (ms - start) / MS_PER_DAY);
    Tm { yday: to_int32(yday), ..broken_down(&fields) }
}

/// `_localtime_js` on a UTC host: as [`gmtime`] but with the true `tm_yday` in every year; the glue
/// also writes `tm_isdst` and `tm_gmtoff`, both 0. libc's `localtime_r` then points `tm_zone` at
/// `tzname[0]` (see [`TZNAME`]). Out of range ([`date_in_range`]) the wasm32 glue writes zeroes, but
/// the wasm64 glue writes `sec` through `yday` (zeroes) and then throws `RangeError: The number NaN
/// cannot be converted to a BigInt because it is not an integer` (making `tm_gmtoff` a BigInt).
pub fn localtime(seconds: i64) -> Tm {
    date_of_seconds(seconds).map_or_else(Tm::default, |ms| broken_down(&Fields::of(ms)))
}

fn broken_down(fields: &Fields) -> Tm {
    Tm {
        sec: to_int32(fields.seconds),
        min: to_int32(fields.minutes),
        hour: to_int32(fields.hours),
        mday: to_int32(fields.date),
        mon: to_int32(fields.month),
        year: to_int32(fields.year - 1900),
        wday: to_int32(fields.wday),
        yday: to_int32(fields.yday),
        isdst: 0,
        gmtoff: 0,
    }
}

/// The `Date` `_mktime_js` builds from `tm`, and 1 January of its year, as time values.
fn mktime_date(tm: &Tm) -> (Option<i64>, Option<i64>) {
    let field = i64::from;
    let date =
        js_date(field(tm.year) + 1900, field(tm.mon), field(tm.mday), field(tm.hour), field(tm.min), field(tm.sec));
    let start = date.and_then(|ms| js_date(Fields::of(ms).year, 0, 1, 0, 0, 0));
    // With tm_isdst > 0 the glue shifts the time by (DST offset − guessed offset): 0 in UTC, but the
    // DST offset is NaN when 1 January is not a valid Date (year -271821), and NaN spreads.
    let date = if tm.isdst > 0 && start.is_none() { None } else { date };
    (date, start)
}

/// `tm` with the fields `_mktime_js` sets from the normalised `Date` (`None`: an Invalid Date, all 0).
fn normalised(tm: &Tm, date: Option<i64>) -> Tm {
    let fields = date.map(|ms| broken_down(&Fields::of(ms))).unwrap_or_default();
    Tm { isdst: tm.isdst.max(0), gmtoff: tm.gmtoff, ..fields }
}

/// `_mktime_js` (emscripten3, emscripten4 and wasm64 glue) on a UTC host: the seconds since the
/// epoch of `tm` read as UTC, out-of-range fields carried over the way `new Date(y, m, d, h, mi, s)`
/// carries them (`mon` 14 is March of the next year, `mday` 0 the last day of the previous month),
/// and `tm` as the glue writes it back: `sec` through `yday` and `year` normalised, a negative
/// `tm_isdst` set to 0 (others kept), `tm_gmtoff` untouched. When the result is not a valid `Date`
/// (beyond ±8.64e15 ms, years beyond ±1,000,000, months beyond ±10,000,000) it returns -1 and
/// zeroes `sec` through `yday`. Years 0–99 (`tm_year` -1900..=-1801) are read as 1900–1999.
/// (So one second before the epoch also returns -1.) The wasm32 glue returns the low half and puts
/// the high half in tempRet0. Writing the returned `Tm` back whole leaves memory as the glue does.
pub fn mktime(tm: &Tm) -> (i64, Tm) {
    let (date, _) = mktime_date(tm);
    (date.map_or(-1, |ms| ms / 1000), normalised(tm, date))
}

/// `_mktime_js` of the older emscripten and emscripten2 glue: as [`mktime`] except that it returns
/// the seconds wrapped to an i32 (0 for an invalid date), leaves `tm_year` as it was, and counts
/// `tm_yday` from `new Date(year, 0, 1)`, which in years 0–99 is 1 January 1900–1999.
pub fn mktime_legacy(tm: &Tm) -> (i32, Tm) {
    let (date, start) = mktime_date(tm);
    let yday = match (date, start) {
        (Some(ms), Some(start)) => to_int32((ms - start) / MS_PER_DAY),
        _ => 0,
    };
    let seconds = date.map_or(0, |ms| to_int32(ms / 1000));
    (seconds, Tm { year: tm.year, yday, ..normalised(tm, date) })
}

/// Why the glue's `_strftime` throws rather than returning (the reference loader then fails the
/// message): the caller should trap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrftimeError {
    /// A JavaScript `TypeError`, with V8's message: `%a`/`%b` with `tm_wday`/`tm_mon` out of range,
    /// or `%g`/`%G` on a year a `Date` cannot hold.
    TypeError(&'static str),
    /// A string longer than V8's limit of 2^29 − 24 UTF-16 units: `RangeError: Invalid string
    /// length` (or, inside a replacement, a fatal V8 error that ends the process).
    TooLong,
}

impl fmt::Display for StrftimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StrftimeError::TypeError(message) => write!(f, "TypeError: {message}"),
            StrftimeError::TooLong => f.write_str("RangeError: Invalid string length"),
        }
    }
}

impl std::error::Error for StrftimeError {}

const UNDEFINED_SUBSTRING: &str = "Cannot read properties of undefined (reading 'substring')";
const UNDEFINED_GET_FULL_YEAR: &str = "Cannot read properties of undefined (reading 'getFullYear')";

/// A JavaScript string: UTF-16 code units, lone surrogates allowed.
type JsString = Vec<u16>;

/// V8's `String::kMaxLength` on 64-bit hosts.
const MAX_JS_STRING: usize = (1 << 29) - 24;

/// The glue's first pass: conversions it rewrites into others, in its order, each over the whole string.
const EXPANSIONS: [(&str, &str); 28] = [
    ("%c", "%a %b %d %H:%M:%S %Y"),
    ("%D", "%m/%d/%y"),
    ("%F", "%Y-%m-%d"),
    ("%h", "%b"),
    ("%r", "%I:%M:%S %p"),
    ("%R", "%H:%M"),
    ("%T", "%H:%M:%S"),
    ("%x", "%m/%d/%y"),
    ("%X", "%H:%M:%S"),
    ("%Ec", "%c"),
    ("%EC", "%C"),
    ("%Ex", "%m/%d/%y"),
    ("%EX", "%H:%M:%S"),
    ("%Ey", "%y"),
    ("%EY", "%Y"),
    ("%Od", "%d"),
    ("%Oe", "%e"),
    ("%OH", "%H"),
    ("%OI", "%I"),
    ("%Om", "%m"),
    ("%OM", "%M"),
    ("%OS", "%S"),
    ("%Ou", "%u"),
    ("%OU", "%U"),
    ("%OV", "%V"),
    ("%Ow", "%w"),
    ("%OW", "%W"),
    ("%Oy", "%y"),
];

/// The glue's second pass, in its order (after `%%` has become two NULs).
const CONVERSIONS: [&str; 28] = [
    "%a", "%A", "%b", "%B", "%C", "%d", "%e", "%g", "%G", "%H", "%I", "%j", "%m", "%M", "%n", "%p", "%S", "%t", "%u",
    "%U", "%V", "%w", "%W", "%y", "%Y", "%z", "%Z", "%%",
];

const WEEKDAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_DAYS_LEAP: [i64; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_DAYS_REGULAR: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// `strftime(s, max, format, tm)` as the glue's `_strftime` computes it: the bytes it writes before
/// the NUL. The glue writes them and the NUL only if `len + 1 <= max`, returning `len`; otherwise it
/// writes nothing and returns 0 — the caller does that check.
///
/// `format` and `zone` are guest memory from the format pointer and from `tm_zone` on (to the end of
/// memory; `zone` empty when `tm_zone` is NULL, `format` empty when the format pointer is): the glue
/// decodes each up to its NUL as `UTF8ToString` does, with a `TextDecoder` (invalid bytes become
/// U+FFFD, a leading BOM is dropped) if it is longer than 16 bytes, else with its own lenient decoder,
/// which may read up to three bytes past the NUL and can make lone surrogates; the result is encoded
/// back with `stringToUTF8`, which pairs any surrogate with the unit after it. `strftime_l` is the
/// same (the locale is ignored); on wasm64 `%z` reads the 64-bit `tm_gmtoff`.
pub fn strftime(format: &[u8], tm: &Tm, zone: &[u8]) -> Result<Vec<u8>, StrftimeError> {
    let mut pattern = utf8_to_string(format)?;
    let zone = utf8_to_string(zone)?;
    for (rule, expansion) in EXPANSIONS {
        pattern = replace_all(&pattern, rule, &units(expansion))?;
    }
    pattern = replace_all(&pattern, "%%", &[0, 0])?;
    for rule in CONVERSIONS {
        if find(&pattern, &units(rule), 0).is_some() {
            let value = conversion(rule, tm, &zone)?;
            pattern = replace_all(&pattern, rule, &value)?;
        }
    }
    pattern = replace_all(&pattern, "\0\0", &units("%"))?;
    Ok(string_to_utf8(&pattern))
}

/// What the glue replaces `rule` with.
fn conversion(rule: &str, tm: &Tm, zone: &[u16]) -> Result<JsString, StrftimeError> {
    let int = i64::from;
    let year = int(tm.year) + 1900;
    let weekday = usize::try_from(tm.wday).ok().and_then(|wday| WEEKDAYS.get(wday));
    let month = usize::try_from(tm.mon).ok().and_then(|mon| MONTHS.get(mon));
    let text = match rule {
        "%a" => weekday.map(|name| name[..3].to_string()).ok_or(StrftimeError::TypeError(UNDEFINED_SUBSTRING))?,
        "%A" => weekday.map_or("undefined", |name| name).to_string(),
        "%b" => month.map(|name| name[..3].to_string()).ok_or(StrftimeError::TypeError(UNDEFINED_SUBSTRING))?,
        "%B" => month.map_or("undefined", |name| name).to_string(),
        "%C" => zero_padded(year / 100, 2),
        "%d" => zero_padded(int(tm.mday), 2),
        "%e" => padded(int(tm.mday).to_string(), 2, ' '),
        "%g" => week_based_year(tm)?.to_string().get(2..).unwrap_or_default().to_string(),
        "%G" => week_based_year(tm)?.to_string(),
        "%H" => zero_padded(int(tm.hour), 2),
        "%I" => zero_padded(
            match int(tm.hour) {
                0 => 12,
                hour if hour > 12 => hour - 12,
                hour => hour,
            },
            2,
        ),
        "%j" => day_of_year(tm).map_or_else(|| "NaN".to_string(), |day| zero_padded(day, 3)),
        "%m" => zero_padded(int(tm.mon) + 1, 2),
        "%M" => zero_padded(int(tm.min), 2),
        "%n" => "\n".to_string(),
        "%p" => if (0..12).contains(&tm.hour) { "AM" } else { "PM" }.to_string(),
        "%S" => zero_padded(int(tm.sec), 2),
        "%t" => "\t".to_string(),
        "%u" => if tm.wday == 0 { 7 } else { tm.wday }.to_string(),
        "%U" => zero_padded((int(tm.yday) + 7 - int(tm.wday)).div_euclid(7), 2),
        "%V" => zero_padded(iso_week(tm), 2),
        "%w" => tm.wday.to_string(),
        "%W" => zero_padded((int(tm.yday) + 7 - (int(tm.wday) + 6) % 7).div_euclid(7), 2),
        "%y" => year.to_string().get(2..).unwrap_or_default().to_string(),
        "%Y" => year.to_string(),
        "%z" => utc_offset(tm.gmtoff),
        "%Z" => return Ok(zone.to_vec()),
        _ => "%".to_string(), // "%%", which only replacements can have made by now
    };
    Ok(units(&text))
}

/// The glue's `leadingSomething`: `text` left-filled with `fill` to `digits` characters.
fn padded(text: String, digits: usize, fill: char) -> String {
    let fill: String = std::iter::repeat_n(fill, digits.saturating_sub(text.len())).collect();
    fill + &text
}

fn zero_padded(number: i64, digits: usize) -> String {
    padded(number.to_string(), digits, '0')
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// `%j`: `tm_mday` plus the days of the months before `tm_mon` (the glue's `arraySum` runs off
/// the table, to NaN, when `tm_mon` > 12).
fn day_of_year(tm: &Tm) -> Option<i64> {
    let table = if is_leap_year(i64::from(tm.year) + 1900) { MONTH_DAYS_LEAP } else { MONTH_DAYS_REGULAR };
    let months = usize::try_from(tm.mon).unwrap_or(0);
    (months <= table.len()).then(|| i64::from(tm.mday) + table.iter().take(months).sum::<i64>())
}

/// `%V`, computed from `tm_wday` and `tm_yday` with JavaScript's truncating `%`; note the glue's
/// leap-year tests on `tm_year % 400 - 1` and on `tm_year` itself, not on the calendar year.
fn iso_week(tm: &Tm) -> i64 {
    let (wday, yday, year) = (i64::from(tm.wday), i64::from(tm.yday), i64::from(tm.year));
    let mut week = (yday + 7 - (wday + 6) % 7).div_euclid(7);
    if (wday + 371 - yday - 2) % 7 <= 2 {
        week += 1;
    }
    if week == 0 {
        week = 52;
        let dec31 = (wday + 7 - yday - 1) % 7;
        if dec31 == 4 || (dec31 == 5 && is_leap_year(year % 400 - 1)) {
            week += 1;
        }
    } else if week == 53 {
        let jan1 = (wday + 371 - yday) % 7;
        if jan1 != 4 && (jan1 != 3 || !is_leap_year(year)) {
            week = 1;
        }
    }
    week
}

/// `%z`: the glue's arithmetic in doubles (minutes as a fraction of an hour, so +0130 is
/// `+0080`), the last four characters of `"0000" + number`.
fn utc_offset(gmtoff: i64) -> String {
    let offset = gmtoff as f64;
    let minutes = offset.abs() / 60.0;
    let number = minutes / 60.0 * 100.0 + minutes % 60.0;
    // Rust prints a finite f64 below 1e21 as JavaScript does: the shortest round-trip digits.
    let digits = format!("0000{number}");
    let sign = if offset >= 0.0 { '+' } else { '-' };
    format!("{sign}{}", digits.get(digits.len().saturating_sub(4)..).unwrap_or_default())
}

/// `%G` (and `%g`): the glue's `getWeekBasedYear`, which walks `Date`s from 1 January of `tm_year`
/// plus `tm_yday` days. A `Date` out of range there makes it call a method on `undefined`.
fn week_based_year(tm: &Tm) -> Result<i64, StrftimeError> {
    let type_error = StrftimeError::TypeError(UNDEFINED_GET_FULL_YEAR);
    let day = |year: i64, month: i64, date: i64| js_date(year, month, date, 0, 0, 0).map(|ms| ms / MS_PER_DAY);
    let start = day(i64::from(tm.year) + 1900, 0, 1);
    // addDays: days > 0 step forwards; running past the last valid day gives an Invalid Date.
    let this_date = start
        .map(|start| start + i64::from(tm.yday.max(0)))
        .filter(|&date| date.abs() <= MAX_TIME_MS / MS_PER_DAY)
        .ok_or(type_error)?;
    let year = Fields::of(this_date * MS_PER_DAY).year;
    // getFirstWeekStartDate: `undefined` for an Invalid Date, else the Monday of its week (the
    // `Date`s it makes read years 0–99 as 1900–1999 too, and may themselves be Invalid).
    let first_week_start = |jan4: Option<i64>| -> Option<Option<i64>> {
        let jan4 = jan4?;
        let year = Fields::of(jan4 * MS_PER_DAY).year;
        Some(match (jan4 + 4).rem_euclid(7) {
            0 => day(year - 1, 11, 29),
            1 => Some(jan4),
            2 => day(year, 0, 3),
            3 => day(year, 0, 2),
            4 => day(year, 0, 1),
            5 => day(year - 1, 11, 31),
            _ => day(year - 1, 11, 30),
        })
    };
    // compareByDay: an Invalid Date compares equal to anything, `undefined` throws.
    let at_or_before = |first: Option<Option<i64>>| match first {
        None => Err(type_error),
        Some(first) => Ok(first.is_none_or(|first| first <= this_date)),
    };
    if at_or_before(first_week_start(day(year, 0, 4)))? {
        if at_or_before(first_week_start(day(year + 1, 0, 4)))? {
            return Ok(year + 1);
        }
        return Ok(year);
    }
    Ok(year - 1)
}

fn units(text: &str) -> JsString {
    text.encode_utf16().collect()
}

/// The first index at or after `from` where `needle` (not empty) starts in `haystack`.
fn find(haystack: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let position = haystack.get(from..)?.windows(needle.len()).position(|window| window == needle)?;
    Some(from + position)
}

fn push(out: &mut JsString, part: &[u16]) -> Result<(), StrftimeError> {
    if out.len() + part.len() > MAX_JS_STRING {
        return Err(StrftimeError::TooLong);
    }
    out.extend_from_slice(part);
    Ok(())
}

/// `subject.replace(new RegExp(rule, "g"), replacement)`: every non-overlapping `rule` replaced.
fn replace_all(subject: &[u16], rule: &str, replacement: &[u16]) -> Result<JsString, StrftimeError> {
    let needle = units(rule);
    let mut out = JsString::new();
    let mut done = 0;
    while let Some(at) = find(subject, &needle, done) {
        push(&mut out, &subject[done..at])?;
        substitute(&mut out, replacement, subject, at..at + needle.len())?;
        done = at + needle.len();
    }
    push(&mut out, &subject[done..])?;
    Ok(out)
}

/// Appends `replacement` with the `$` patterns of `GetSubstitution` expanded for the match at `matched`
/// in `subject`: `$$`, `$&`, `` $` `` and `$'` (there are no capture groups, so `$1` or `$<` stay as they are).
fn substitute(
    out: &mut JsString,
    replacement: &[u16],
    subject: &[u16],
    matched: std::ops::Range<usize>,
) -> Result<(), StrftimeError> {
    const DOLLAR: u16 = b'$' as u16;
    let mut rest = replacement;
    while let Some(dollar) = rest.iter().position(|&unit| unit == DOLLAR) {
        push(out, &rest[..dollar])?;
        let (expansion, skip) = match rest.get(dollar + 1).and_then(|&unit| u8::try_from(unit).ok()) {
            Some(b'$') => (&[DOLLAR][..], 2),
            Some(b'&') => (&subject[matched.clone()], 2),
            Some(b'`') => (&subject[..matched.start], 2),
            Some(b'\'') => (&subject[matched.end..], 2),
            _ => (&[DOLLAR][..], 1),
        };
        push(out, expansion)?;
        rest = &rest[dollar + skip..];
    }
    push(out, rest)
}

/// The glue's `UTF8ToString` of guest memory starting at the string (`memory` runs on past its NUL).
fn utf8_to_string(memory: &[u8]) -> Result<JsString, StrftimeError> {
    let end = memory.iter().position(|&byte| byte == 0).unwrap_or(memory.len());
    if end > 16 {
        // TextDecoder("utf8"): U+FFFD for each maximal ill-formed subsequence, a leading BOM dropped.
        // A string of UTF-16 units is never shorter than a third of its UTF-8 bytes.
        if end / 3 > MAX_JS_STRING {
            return Err(StrftimeError::TooLong);
        }
        let text = String::from_utf8_lossy(&memory[..end]);
        let text = if memory.starts_with(b"\xEF\xBB\xBF") { &text[3..] } else { &text[..] };
        let string = units(text);
        return if string.len() > MAX_JS_STRING { Err(StrftimeError::TooLong) } else { Ok(string) };
    }
    // The glue's own decoder: no validation, continuation bytes read even past the NUL (and as 0
    // past the end of memory, where the JavaScript array reads `undefined`).
    let byte = |at: usize| u32::from(memory.get(at).copied().unwrap_or(0));
    let mut string = JsString::new();
    let mut at = 0;
    while at < end {
        let lead = byte(at);
        at += 1;
        if lead & 0x80 == 0 {
            string.push(lead as u16);
            continue;
        }
        let second = byte(at) & 63;
        at += 1;
        if lead & 0xE0 == 0xC0 {
            string.push((((lead & 31) << 6) | second) as u16);
            continue;
        }
        let third = byte(at) & 63;
        at += 1;
        let code = if lead & 0xF0 == 0xE0 {
            ((lead & 15) << 12) | (second << 6) | third
        } else {
            at += 1;
            ((lead & 7) << 18) | (second << 12) | (third << 6) | (byte(at - 1) & 63)
        };
        if code < 0x10000 {
            string.push(code as u16);
        } else {
            let offset = code - 0x10000;
            string.extend([(0xD800 | (offset >> 10)) as u16, (0xDC00 | (offset & 1023)) as u16]);
        }
    }
    Ok(string)
}

/// The glue's `stringToUTF8`: a surrogate, paired or not, combines with the unit after it.
fn string_to_utf8(string: &[u16]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(string.len());
    let mut units = string.iter().map(|&unit| u32::from(unit));
    while let Some(mut code) = units.next() {
        if (0xD800..=0xDFFF).contains(&code) {
            code = (0x10000 + ((code & 1023) << 10)) | (units.next().unwrap_or(0) & 1023);
        }
        let continuation = |shift: u32| 0x80 | ((code >> shift) & 63) as u8;
        match code {
            0..=0x7F => bytes.push(code as u8),
            0x80..=0x7FF => bytes.extend([0xC0 | (code >> 6) as u8, continuation(0)]),
            0x800..=0xFFFF => bytes.extend([0xE0 | (code >> 12) as u8, continuation(6), continuation(0)]),
            _ => bytes.extend([0xF0 | (code >> 18) as u8, continuation(12), continuation(6), continuation(0)]),
        }
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values below were produced by the reference glue (tools/emscripten-time-oracle.mjs).

    /// A `Tm` from its fields in C order: sec min hour mday mon year wday yday isdst gmtoff.
    fn tm(fields: [i64; 10]) -> Tm {
        let [sec, min, hour, mday, mon, year, wday, yday, isdst, gmtoff] = fields;
        let int = |value: i64| i32::try_from(value).expect("an i32 field");
        Tm {
            sec: int(sec),
            min: int(min),
            hour: int(hour),
            mday: int(mday),
            mon: int(mon),
            year: int(year),
            wday: int(wday),
            yday: int(yday),
            isdst: int(isdst),
            gmtoff,
        }
    }

    const EPOCH: [i64; 10] = [0, 0, 0, 1, 0, 70, 4, 0, 0, 0];

    fn format(format: &[u8], fields: [i64; 10], zone: &[u8]) -> String {
        let bytes = strftime(format, &tm(fields), zone).expect("strftime returns");
        String::from_utf8(bytes).expect("UTF-8 output")
    }

    fn with(fields: [i64; 10], changes: &[(usize, i64)]) -> [i64; 10] {
        let mut fields = fields;
        for &(index, value) in changes {
            fields[index] = value;
        }
        fields
    }

    #[test]
    fn gmtime_and_localtime() {
        assert_eq!(gmtime(0), tm(EPOCH));
        assert_eq!(gmtime(951_782_400), tm([0, 0, 0, 29, 1, 100, 2, 59, 0, 0]));
        assert_eq!(gmtime(-1), tm([59, 59, 23, 31, 11, 69, 3, 364, 0, 0]));
        assert_eq!(gmtime(253_402_300_800), tm([0, 0, 0, 1, 0, 8100, 6, 0, 0, 0]));
        // The last valid Date; one second later every field is 0.
        assert_eq!(gmtime(8_640_000_000_000), tm([0, 0, 0, 13, 8, 273_860, 6, 256, 0, 0]));
        assert_eq!(gmtime(8_640_000_000_001), Tm::default());
        assert_eq!(gmtime(i64::MIN), Tm::default());
        assert!(date_in_range(-8_640_000_000_000) && !date_in_range(-8_640_000_000_001));
        for seconds in [0, -1, 951_782_400, 8_640_000_000_000, i64::MAX] {
            assert_eq!(localtime(seconds), gmtime(seconds));
        }
        // Date.UTC reads years 0-99 as 1900-1999: gmtime's tm_yday in 1 January 50 and 0 (not localtime's).
        assert_eq!(gmtime(-60_589_296_000), tm([0, 0, 0, 1, 0, -1850, 6, -693_960, 0, 0]));
        assert_eq!(localtime(-60_589_296_000), tm([0, 0, 0, 1, 0, -1850, 6, 0, 0, 0]));
        assert_eq!(gmtime(-62_167_219_200).yday, -693_961);
        // The first valid Date, in year -271821 whose 1 January is out of range: gmtime's tm_yday is 0.
        assert_eq!(gmtime(-8_640_000_000_000), tm([0, 0, 0, 20, 3, -273_721, 2, 0, 0, 0]));
        assert_eq!(localtime(-8_640_000_000_000).yday, 109);
    }

    #[test]
    fn mktime_normalises() {
        /// tm, mktime's seconds and tm, mktime_legacy's seconds and tm_yday.
        type Case = ([i64; 10], i64, [i64; 10], i32, i64);
        let cases: [Case; 8] = [
            // Month 14 of 2024, day 0: 28 February 2025; a negative tm_isdst becomes 0.
            ([0, 0, 0, 0, 14, 124, 9, 9, -1, 0], 1_740_700_800, [0, 0, 0, 28, 1, 125, 5, 58, 0, 0], 1_740_700_800, 58),
            // A second before the epoch returns -1, as an error does; tm_gmtoff is left alone.
            ([-1, 0, 0, 1, 0, 70, 9, 9, 0, 3600], -1, [59, 59, 23, 31, 11, 69, 3, 364, 0, 3600], -1, 364),
            ([0, 0, 0, 29, 1, 123, 9, 9, 0, 0], 1_677_628_800, [0, 0, 0, 1, 2, 123, 3, 59, 0, 0], 1_677_628_800, 59),
            // Year 0 is read as 1900.
            (
                [30, 59, 23, 31, 11, -1900, 9, 9, 0, 0],
                -2_177_452_830,
                [30, 59, 23, 31, 11, 0, 1, 364, 0, 0],
                2_117_514_466,
                364,
            ),
            // Year 100, month -1: December 99, whose 1 January the legacy glue reads as 1999.
            (
                [0, 0, 0, 1, -1, -1800, 9, 9, 0, 0],
                -59_014_137_600,
                [0, 0, 0, 1, 11, -1801, 2, 334, 0, 0],
                1_115_404_544,
                -693_626,
            ),
            // 2100: the legacy glue wraps to an i32.
            ([0, 0, 0, 1, 0, 200, 9, 9, 0, 0], 4_102_444_800, [0, 0, 0, 1, 0, 200, 5, 0, 0, 0], -192_522_496, 0),
            // The first valid Date, with tm_isdst 0 (with 1 it is -1: the DST offset of year -271821 is NaN).
            (
                [0, 0, 0, 20, 3, -273_721, 9, 9, 0, 0],
                -8_640_000_000_000,
                [0, 0, 0, 20, 3, -273_721, 2, 109, 0, 0],
                1_474_199_552,
                0,
            ),
            // V8's MakeDay divides year + 399999 < 0 truncating: a day later than the calendar says.
            (
                [-1, 31, 1_805_617_497, 205_138_773, -9_999_992, 273_825, -1_000_559_694, -110_190_500, 1, 3600],
                6_565_647_317_459,
                [59, 30, 9, 30, 0, 208_127, 6, 29, 1, 3600],
                -1_357_678_125,
                29,
            ),
        ];
        for (input, seconds, output, legacy_seconds, legacy_yday) in cases {
            assert_eq!(mktime(&tm(input)), (seconds, tm(output)), "{input:?}");
            let legacy = Tm { year: tm(input).year, yday: i32::try_from(legacy_yday).expect("i32"), ..tm(output) };
            assert_eq!(mktime_legacy(&tm(input)), (legacy_seconds, legacy), "{input:?}");
        }
        // V8 gives up on months beyond ±10,000,000 even when the day brings the date back in range.
        assert_eq!(mktime(&tm([0, 0, 0, -304_000_000, 10_000_000, 70, 0, 0, 0, 0])).0, 31_859_740_800);
        let invalid = [
            [0, 0, 0, -304_000_000, 10_000_001, 70, 0, 0, 0, 0],
            [0, 0, 0, 20, 3, -273_721, 9, 9, 1, 0],
            [0, 0, 0, 1, 0, 298_100, 9, 9, 5, 77],
            [0, 0, -2_147_483_648, 2_147_483_647, 0, 70, 9, 9, 0, 0],
            [i64::from(i32::MAX); 10],
        ];
        for input in invalid {
            let zeroed = Tm { isdst: tm(input).isdst.max(0), gmtoff: input[9], ..Tm::default() };
            assert_eq!(mktime(&tm(input)), (-1, zeroed), "{input:?}");
            assert_eq!(mktime_legacy(&tm(input)), (0, Tm { year: tm(input).year, ..zeroed }), "{input:?}");
        }
    }

    #[test]
    fn strftime_conversions() {
        assert_eq!(format(b"%c", EPOCH, b""), "Thu Jan 01 00:00:00 1970");
        assert_eq!(
            format(b"%D %F %r %R %T %x %X %h", EPOCH, b""),
            "01/01/70 1970-01-01 12:00:00 AM 00:00 00:00:00 01/01/70 00:00:00 Jan"
        );
        // %Ec is rewritten to %c after %c's own rewrite has run.
        assert_eq!(
            format(b"%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH", EPOCH, b""),
            "%c|19|01/01/70|00:00:00|70|1970|01| 1|00"
        );
        // The rewrites run before %% is protected.
        assert_eq!(format(b"%%c", EPOCH, b""), "%a Jan 01 00:00:00 1970");
        assert_eq!(format(b"%k%l%s%P%+%5Y%-d%E%O%q%", EPOCH, b""), "%k%l%s%P%+%5Y%-d%E%O%q%");
        assert_eq!(format(b"%n%t%%", EPOCH, b""), "\n\t%");
        assert_eq!(format(b"", EPOCH, b""), "");
        assert_eq!(format(b"%p %I|", with(EPOCH, &[(2, 12)]), b""), "PM 12|");
        assert_eq!(format(b"%p %I|", EPOCH, b""), "AM 12|");
        assert_eq!(format(b"%p %I|", with(EPOCH, &[(2, -1)]), b""), "PM -1|");
        assert_eq!(format(b"%p %I|%H", with(EPOCH, &[(2, 24)]), b""), "PM 12|24");
        assert_eq!(format(b"%u %w %e|%d|%m|%M|%S", [-5, 7, 0, 5, -1, 70, 0, 0, 0, 0], b""), "7 0  5|05|00|07|-5");
        // %y drops the first two characters of the year.
        assert_eq!(format(b"%y|%Y|%C", with(EPOCH, &[(5, 8100)]), b""), "000|10000|100");
        assert_eq!(format(b"%y|%Y|%C|%g", with(EPOCH, &[(5, -1895), (6, 6)]), b""), "|5|00|04");
        assert_eq!(format(b"%y|%Y|%C", with(EPOCH, &[(5, -1950)]), b""), "0|-50|00");
        assert_eq!(format(b"%y|%Y|%C", with(EPOCH, &[(5, -2050)]), b""), "50|-150|-1");
        assert_eq!(format(b"%y|%Y|%C", with(EPOCH, &[(5, -901)]), b""), "9|999|09");
        // %j sums month lengths up to tm_mon, past the table to NaN.
        assert_eq!(format(b"%j|%j", with(EPOCH, &[(3, 5), (4, 13)]), b""), "NaN|NaN");
        assert_eq!(format(b"%j", with(EPOCH, &[(3, 5), (4, 12), (5, 100)]), b""), "371");
        assert_eq!(format(b"%j", with(EPOCH, &[(3, 5), (4, -4)]), b""), "005");
        assert_eq!(format(b"%A", with(EPOCH, &[(6, 7)]), b""), "undefined");
        assert_eq!(format(b"%B", with(EPOCH, &[(4, -1)]), b""), "undefined");
    }

    #[test]
    fn strftime_weeks() {
        assert_eq!(format(b"%G %g %V", [0, 0, 0, 1, 0, 121, 5, 0, 0, 0], b""), "2020 20 53");
        assert_eq!(format(b"%G %g %V", [0, 0, 0, 30, 11, 124, 1, 364, 0, 0], b""), "2025 25 01");
        // 1 January 50 is walked from 1 January 1950; gmtime's tm_yday there gives odd week numbers.
        assert_eq!(format(b"%G %g %V %U %W", [0, 0, 0, 1, 0, -1850, 6, 0, 0, 0], b""), "1949 49 52 00 00");
        assert_eq!(
            format(b"%G %g %V %U %W", [0, 0, 0, 1, 0, -1850, 6, -693_960, 0, 0], b""),
            "1949 49 -99137 -99137 -99137"
        );
    }

    #[test]
    fn strftime_offsets_and_zones() {
        let offset = |gmtoff: i64| format(b"%z", with(EPOCH, &[(9, gmtoff)]), b"");
        assert_eq!(offset(3600), "+0100");
        assert_eq!(offset(1800), "+0080");
        assert_eq!(offset(-19_800), "-0580");
        assert_eq!(offset(45), "+0002");
        assert_eq!(offset(-1), "-4444");
        assert_eq!(offset(2_147_483_647), "+4444");
        assert_eq!(offset(123_456_789_012_345), "+6665");
        // tm_zone goes through String.prototype.replace's `$` patterns, after the other conversions.
        assert_eq!(format(b"[%Z]", EPOCH, b"$&|$`|$'|$$|$1|$<x>|$\0"), "[%Z|[|]|$|$1|$<x>|$]");
        assert_eq!(format(b"a%Zb", EPOCH, b"%Y"), "a%Yb");
        assert_eq!(format(b"%Z%Z", EPOCH, b"%%"), "%%");
        assert_eq!(format(b"%Z", EPOCH, b""), "");
        assert_eq!(format(b"%Z", EPOCH, TZNAME.as_bytes()), "UTC");
    }

    #[test]
    fn strftime_throws() {
        let substring = Err(StrftimeError::TypeError("Cannot read properties of undefined (reading 'substring')"));
        assert_eq!(strftime(b"%a", &tm(with(EPOCH, &[(6, 7)])), b""), substring);
        assert_eq!(strftime(b"%b", &tm(with(EPOCH, &[(4, 12)])), b""), substring);
        let full_year = Err(StrftimeError::TypeError("Cannot read properties of undefined (reading 'getFullYear')"));
        assert_eq!(strftime(b"%G", &tm([0, 0, 0, 13, 8, 273_860, 6, 256, 0, 0]), b""), full_year);
        assert_eq!(strftime(b"%g", &tm([0, 0, 0, 20, 3, -273_721, 2, 109, 0, 0]), b""), full_year);
        assert_eq!(strftime(b"%G", &tm(with(EPOCH, &[(7, 100_000_000)])), b""), full_year);
        // Conversions that are not in the format are not evaluated.
        assert_eq!(strftime(b"%A", &tm(with(EPOCH, &[(6, 7)])), b""), Ok(b"undefined".to_vec()));
    }

    #[test]
    fn strftime_decodes_like_the_glue() {
        let epoch = tm(EPOCH);
        // Up to 16 bytes, the glue's own decoder: a lead byte swallows what follows, even "%Y".
        assert_eq!(strftime(b"\xff%Y\0", &epoch, b""), Ok(vec![0xf3, 0xa5, 0x99, 0x80]));
        assert_eq!(strftime(b"\xc3%Y\0", &epoch, b""), Ok(vec![0xc3, 0xa5, b'Y']));
        assert_eq!(strftime(b"\xed\xa0\x80%d\0", &epoch, b""), Ok(vec![0xf0, 0x90, 0x80, 0xb0, b'1']));
        // It reads past the NUL: here the "%Y" after it.
        assert_eq!(strftime(b"%\xe2\0%Y", &epoch, b""), Ok(vec![b'%', 0xe2, 0x80, 0xa5]));
        assert_eq!(strftime(b"%\xe2\0", &epoch, b""), Ok(vec![b'%', 0xe2, 0x80, 0x80]));
        // Longer, a TextDecoder: U+FFFD, and a leading BOM dropped.
        assert_eq!(format(b"\xff%Y a longer format", EPOCH, b""), "\u{fffd}1970 a longer format");
        assert_eq!(format(b"\xef\xbb\xbf%Y-%m-%d long text", EPOCH, b""), "1970-01-01 long text");
        assert_eq!(format("\u{e9}t\u{e9} %Y".as_bytes(), EPOCH, b""), "\u{e9}t\u{e9} 1970");
    }

    #[test]
    fn tm_layouts() {
        let fields = tm([1, 2, 3, 4, 5, 6, 7, 8, -9, -10]);
        for (layout, size) in [(TmLayout::Wasm32, 44), (TmLayout::Wasm64, 56)] {
            let mut bytes = vec![0xaa; size];
            bytes[layout.zone_offset()..].copy_from_slice(&[0x10, 0, 0, 0, 0, 0, 0, 0][..size - layout.zone_offset()]);
            assert_eq!(fields.write(&mut bytes, layout), Some(()));
            assert_eq!(Tm::read(&bytes, layout), Some(fields));
            assert_eq!(Tm::zone_ptr(&bytes, layout), Some(0x10));
            assert_eq!(bytes[32..36], (-9i32).to_le_bytes());
            assert_eq!(Tm::read(&bytes[..layout.zone_offset() - 1], layout), None);
            assert_eq!(fields.write(&mut bytes[..layout.zone_offset() - 1], layout), None);
        }
        let mut bytes = vec![0xaa; 56];
        fields.write(&mut bytes, TmLayout::Wasm64);
        assert_eq!(bytes[36..40], [0xaa; 4], "wasm64 padding untouched");
        assert_eq!(bytes[40..48], (-10i64).to_le_bytes());
    }

    #[test]
    fn extreme_fields_do_not_panic() {
        let extremes = [i32::MIN, -273_721, -1901, -1, 0, 1, 12, 99, 273_860, i32::MAX];
        for &a in &extremes {
            for &b in &extremes {
                let fields = Tm {
                    sec: a,
                    min: b,
                    hour: a,
                    mday: b,
                    mon: a,
                    year: b,
                    wday: a,
                    yday: b,
                    isdst: a,
                    gmtoff: a.into(),
                };
                let _ = mktime(&fields);
                let _ = mktime_legacy(&fields);
                let _ = strftime(b"%a%A%b%B%C%d%e%g%G%H%I%j%m%M%p%S%u%U%V%w%W%y%Y%z%Z%c", &fields, b"$`$'");
                let _ = gmtime(i64::from(a) * i64::from(b));
            }
        }
        let _ = strftime(b"%z", &Tm { gmtoff: i64::MIN, ..Tm::default() }, b"");
    }

    /// Checks every line of a file `tools/emscripten-time-oracle.mjs` wrote, named by
    /// `EMSCRIPTEN_TIME_ORACLE` (nothing to do without it).
    #[test]
    fn oracle_file() {
        let Ok(path) = std::env::var("EMSCRIPTEN_TIME_ORACLE") else { return };
        let text = std::fs::read_to_string(&path).expect("the oracle file");
        let mut failures = Vec::new();
        let mut count = 0;
        for line in text.lines().filter(|line| !line.is_empty()) {
            count += 1;
            let (case, expected) = line.split_once(" -> ").expect("a case and its result");
            let mut words = case.split(' ');
            let kind = words.next().expect("a kind");
            let words: Vec<&str> = words.collect();
            let actual = match kind {
                "gmtime" => tm_text(&gmtime(words[0].parse().expect("seconds"))),
                "localtime" => tm_text(&localtime(words[0].parse().expect("seconds"))),
                "localtime_wasm64" => {
                    let seconds = words[0].parse().expect("seconds");
                    let written = tm_text(&localtime(seconds)).split(' ').take(8).collect::<Vec<_>>().join(" ");
                    let message = "The number NaN cannot be converted to a BigInt because it is not an integer";
                    let error = if date_in_range(seconds) { "in range" } else { message };
                    format!("!RangeError:{} {written}", hex(error.as_bytes()))
                }
                "mktime" => {
                    let (seconds, tm) = mktime(&parse_tm(&words));
                    format!("{seconds} {}", tm_text(&tm))
                }
                "mktime_legacy" => {
                    let (seconds, tm) = mktime_legacy(&parse_tm(&words));
                    format!("{seconds} {}", tm_text(&tm))
                }
                "strftime" => {
                    let tm = parse_tm(&words[2..]);
                    match strftime(&unhex(words[0]), &tm, &unhex(words[1])) {
                        Ok(bytes) => hex(&bytes),
                        Err(StrftimeError::TypeError(message)) => format!("!TypeError:{}", hex(message.as_bytes())),
                        Err(StrftimeError::TooLong) => "!RangeError".to_string(),
                    }
                }
                "tzset" => {
                    let name = match words[0] {
                        "emscripten" | "emscripten2" => TZNAME_LEGACY,
                        "emscripten3" => TZNAME_EMSCRIPTEN3,
                        _ => TZNAME,
                    };
                    format!("{0} {0} 0 0", hex(name.as_bytes()))
                }
                other => panic!("unknown oracle line kind {other}"),
            };
            if actual != expected {
                failures.push(format!("{case}\n  glue: {expected}\n  rust: {actual}"));
            }
        }
        let shown = failures.iter().take(20).cloned().collect::<Vec<_>>().join("\n");
        assert!(failures.is_empty(), "{} of {count} oracle cases differ:\n{shown}", failures.len());
        eprintln!("{count} oracle cases agree");
    }

    fn parse_tm(words: &[&str]) -> Tm {
        let int = |i: usize| words[i].parse::<i32>().expect("a tm field");
        Tm {
            sec: int(0),
            min: int(1),
            hour: int(2),
            mday: int(3),
            mon: int(4),
            year: int(5),
            wday: int(6),
            yday: int(7),
            isdst: int(8),
            gmtoff: words[9].parse().expect("tm_gmtoff"),
        }
    }

    fn tm_text(tm: &Tm) -> String {
        let Tm { sec, min, hour, mday, mon, year, wday, yday, isdst, gmtoff } = tm;
        format!("{sec} {min} {hour} {mday} {mon} {year} {wday} {yday} {isdst} {gmtoff}")
    }

    fn hex(bytes: &[u8]) -> String {
        if bytes.is_empty() {
            return "-".to_string();
        }
        bytes.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    fn unhex(text: &str) -> Vec<u8> {
        if text == "-" {
            return Vec::new();
        }
        (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
    }
}
