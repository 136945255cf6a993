//! Per-process resource limits: `Memory-Limit` (bytes of linear memory, enforced when memory grows)
//! and `Compute-Limit`, per message: the gas a metered module's `metering.usegas` counts (the
//! metering formats, as the reference loader counts it), else ao's loop meter (`loop_meter.rs`: ao's
//! own module and the network's formats without a meter), so an evaluation stops at the same place
//! on every run and every machine.

/// Resource limits of a process, applied to every message it handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes of linear memory the process may have.
    pub memory_bytes: u64,
    /// Most fuel (the loop meter's units, roughly wasm instructions) one message may use; for a
    /// metered module, most gas.
    pub compute: u64,
}

/// What wasm does per nanosecond, in fuel, for the heuristics that weigh replaying messages
/// against copying memory: the loop meter counts 3-4 units a nanosecond on ao's module handling a
/// light message (most of what is replayed), 6-8 on the published aos, up to 13 in an endless loop
/// and down to 2 in allocation-heavy Lua. A module with a meter of its own reports its run time
/// in these units.
pub const FUEL_PER_NANOSECOND: u64 = 4;

impl Limits {
    /// The most a process may ask for with its tags: what aos publishes its module with
    /// (`Memory-Limit: 1-gb`, `Compute-Limit: 9000000000000`, ~17 minutes of fuel).
    pub const CAPS: Limits = Limits { memory_bytes: 1 << 30, compute: 9_000_000_000_000 };

    /// What a process of a module without a meter of its own (it counts fuel) gets when neither
    /// its spawn nor its module sets a limit: all the memory, and compute for a few seconds
    /// (`while true do end` runs 12-14 units per nanosecond), so it ends by itself with a
    /// `Compute-Limit` error instead of running for a quarter of an hour. A handler that needs
    /// more says so with a `Compute-Limit` tag.
    pub const DEFAULT: Limits = Limits { memory_bytes: 1 << 30, compute: 30_000_000_000 };

    /// The same for a metered module, in its gas: about seven seconds of the published aos 2.0.6
    /// metered at load (measured: ~1.5e10 gas per second; booting it costs 1.1e10).
    pub const METERED_DEFAULT: Limits = Limits { memory_bytes: 1 << 30, compute: 100_000_000_000 };

    /// The most memory a process of a module with 64-bit memory may ask for: 16 GiB, the
    /// protocol's `xxl` (the published llama module asks for it). Memory is reserved, not
    /// committed: a process uses what it touches.
    pub const MEMORY64_CAP: u64 = 16 << 30;

    /// The defaults for a module that counts fuel (`fuel`) or gas, with a process's
    /// `Memory-Limit` and `Compute-Limit` tag values applied; a value over the caps (the
    /// reference CU's: 1-gb, or 16-gb for a module with 64-bit memory, `memory64`) is refused.
    pub fn with_tags(
        memory: Option<&str>,
        compute: Option<&str>,
        fuel: bool,
        memory64: bool,
    ) -> Result<Limits, LimitError> {
        let mut limits = if fuel { Limits::DEFAULT } else { Limits::METERED_DEFAULT };
        if let Some(value) = memory {
            limits.memory_bytes = parse_memory_limit(value)?;
            let (cap, reason) = match memory64 {
                true => (Limits::MEMORY64_CAP, "over the cap of 16-gb"),
                false => (Limits::CAPS.memory_bytes, "over the cap of 1-gb"),
            };
            if limits.memory_bytes > cap {
                return Err(LimitError { tag: "Memory-Limit", value: value.into(), reason });
            }
        }
        if let Some(value) = compute {
            limits.compute = parse_compute_limit(value)?;
            if limits.compute > Limits::CAPS.compute {
                return Err(LimitError {
                    tag: "Compute-Limit",
                    value: value.into(),
                    reason: "over the cap of 9000000000000",
                });
            }
        }
        Ok(limits)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A `Memory-Limit` or `Compute-Limit` value that cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {tag} {value:?}: {reason}")]
pub struct LimitError {
    pub tag: &'static str,
    pub value: String,
    pub reason: &'static str,
}

/// Parses a `Memory-Limit` tag value as the reference compute unit does: the first `-` is removed,
/// then a number with a 1024-based unit (`b`, `kb`, `mb`, `gb`, `tb`, `pb`; case-insensitive).
/// `"512-mb"` is 536870912; `"524288000-b"` is 524288000.
pub fn parse_memory_limit(value: &str) -> Result<u64, LimitError> {
    let error = |reason| LimitError { tag: "Memory-Limit", value: value.to_string(), reason };
    let text = value.replacen('-', "", 1).trim().to_ascii_lowercase();
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().map_err(|_| error("expected a number followed by a unit, like 512-mb"))?;
    let scale: u64 = match unit.trim() {
        "" | "b" => 1,
        "kb" => 1 << 10,
        "mb" => 1 << 20,
        "gb" => 1 << 30,
        "tb" => 1 << 40,
        "pb" => 1 << 50,
        _ => return Err(error("unknown unit (use b, kb, mb, gb, tb or pb)")),
    };
    let bytes = (number * scale as f64).floor();
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(error("out of range"));
    }
    Ok(bytes as u64)
}

/// Parses a `Compute-Limit` tag value: a positive decimal integer.
pub fn parse_compute_limit(value: &str) -> Result<u64, LimitError> {
    let error = |reason| LimitError { tag: "Compute-Limit", value: value.to_string(), reason };
    match value.trim().parse::<u64>() {
        Ok(0) => Err(error("must be positive")),
        Ok(limit) => Ok(limit),
        Err(_) => Err(error("expected a positive integer")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_limits_parse_like_the_reference_cu() {
        assert_eq!(parse_memory_limit("512-mb"), Ok(536_870_912));
        assert_eq!(parse_memory_limit("1-gb"), Ok(1 << 30));
        assert_eq!(parse_memory_limit("16-gb"), Ok(16 << 30));
        assert_eq!(parse_memory_limit("524288000-b"), Ok(524_288_000));
        assert_eq!(parse_memory_limit("1.5-KB"), Ok(1536));
        assert_eq!(parse_memory_limit("4096"), Ok(4096));
        assert!(parse_memory_limit("lots").is_err());
        assert!(parse_memory_limit("5-xb").is_err());
        assert!(parse_memory_limit("0-mb").is_err());
    }

    #[test]
    fn process_tags_lower_the_limits_up_to_the_caps() {
        let limits = Limits::with_tags(Some("64-mb"), Some("1000000"), true, false).unwrap();
        assert_eq!(limits, Limits { memory_bytes: 64 << 20, compute: 1_000_000 });
        assert_eq!(Limits::with_tags(None, None, true, false).unwrap(), Limits::DEFAULT);
        assert_eq!(Limits::with_tags(None, None, false, false).unwrap(), Limits::METERED_DEFAULT);
        assert_eq!(Limits::with_tags(None, Some("9000000000000"), true, false).unwrap().compute, Limits::CAPS.compute);
        assert!(Limits::with_tags(Some("2-gb"), None, true, false).unwrap_err().to_string().contains("over the cap"));
        assert_eq!(Limits::with_tags(Some("16-gb"), None, true, true).unwrap().memory_bytes, 16 << 30);
        assert!(Limits::with_tags(Some("17-gb"), None, true, true).unwrap_err().to_string().contains("16-gb"));
        assert!(Limits::with_tags(None, Some("9000000000001"), false, false).is_err());
    }

    #[test]
    fn compute_limits_are_positive_integers() {
        assert_eq!(parse_compute_limit("9000000000000"), Ok(9_000_000_000_000));
        assert!(parse_compute_limit("0").is_err());
        assert!(parse_compute_limit("1e9").is_err());
        assert_eq!(
            parse_compute_limit("1e9").unwrap_err().to_string(),
            r#"invalid Compute-Limit "1e9": expected a positive integer"#
        );
    }
}
