//! `Module-Format`: which ABI a process module speaks, from its tag value (ao-protocol §2.2, §5.2).
use std::fmt;
use std::str::FromStr;

/// The module formats the runtime runs: ao's own module, and every emscripten format the reference
/// compute unit supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModuleFormat {
    /// ao's own module (`module/`): wasi, `ao_boot` + `handle`, the Lua library in a custom section.
    Ao,
    Emscripten,
    Emscripten2,
    Emscripten3,
    Emscripten4,
    EmscriptenMetering,
    Wasm64Draft2024_02_15,
    Wasm64Draft2024_10_16Metering,
}

/// The emscripten glue generations a format belongs to (ao-protocol §5.2): they differ in import
/// names, stack helpers and start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Old minified glue: imports are `a.a`, `a.b`, ...
    A,
    /// emscripten ~3.1.2x–3.1.4x: `stackSave`/`stackAlloc` exports, Lua booted by `main`.
    B,
    /// emscripten ≥ 3.1.5x, 32-bit memory.
    C32,
    /// emscripten ≥ 3.1.5x, memory64.
    C64,
}

/// Width of the integer `metering.usegas` takes in a metered module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeterType {
    I32,
    I64,
}

const NAMES: [(ModuleFormat, &str); 8] = [
    (ModuleFormat::Ao, "wasm32-ao-wasi"),
    (ModuleFormat::Emscripten, "wasm32-unknown-emscripten"),
    (ModuleFormat::Emscripten2, "wasm32-unknown-emscripten2"),
    (ModuleFormat::Emscripten3, "wasm32-unknown-emscripten3"),
    (ModuleFormat::Emscripten4, "wasm32-unknown-emscripten4"),
    (ModuleFormat::EmscriptenMetering, "wasm32-unknown-emscripten-metering"),
    (ModuleFormat::Wasm64Draft2024_02_15, "wasm64-unknown-emscripten-draft_2024_02_15"),
    (ModuleFormat::Wasm64Draft2024_10_16Metering, "wasm64-unknown-emscripten-draft_2024_10_16-metering"),
];

impl ModuleFormat {
    /// Every format, ao's own first.
    pub fn all() -> impl Iterator<Item = ModuleFormat> {
        NAMES.iter().map(|(format, _)| *format)
    }

    /// The `Module-Format` tag value.
    /// Whether its modules have a 64-bit memory.
    pub fn has_memory64(self) -> bool {
        self.family() == Some(Family::C64)
    }

    pub fn as_str(self) -> &'static str {
        NAMES.iter().find(|(format, _)| *format == self).map(|(_, name)| *name).expect("every format is named")
    }

    /// The emscripten glue generation, `None` for ao's own module.
    pub fn family(self) -> Option<Family> {
        Some(match self {
            ModuleFormat::Ao => return None,
            ModuleFormat::Emscripten => Family::A,
            ModuleFormat::Emscripten2 | ModuleFormat::Emscripten3 => Family::B,
            ModuleFormat::Emscripten4 | ModuleFormat::EmscriptenMetering => Family::C32,
            ModuleFormat::Wasm64Draft2024_02_15 | ModuleFormat::Wasm64Draft2024_10_16Metering => Family::C64,
        })
    }

    /// The meter the runtime injects when loading a module of this format (the older families
    /// ship pre-metered instead: they import `metering.usegas` themselves).
    pub fn injected_meter(self) -> Option<MeterType> {
        match self {
            ModuleFormat::EmscriptenMetering => Some(MeterType::I32),
            ModuleFormat::Wasm64Draft2024_10_16Metering => Some(MeterType::I64),
            _ => None,
        }
    }
}

impl Family {
    /// The most memory the glue lets the module grow to (`getHeapMax`).
    pub fn max_heap(self) -> u64 {
        match self {
            Family::A | Family::B => 524_288_000,
            Family::C32 => 4_294_901_760,
            Family::C64 => 17_179_869_184,
        }
    }

    /// Whether the glue's `invoke_<sig>` calls the module's exported `dynCall_<sig>` (the C
    /// families) rather than the table entry itself. A metered module meters `dynCall_<sig>`,
    /// so the choice shows in `GasUsed`.
    pub fn invokes_through_dyncall(self) -> bool {
        matches!(self, Family::C32 | Family::C64)
    }

    /// Whether the glue calls `main` at start-up (the C families boot Lua lazily in `handle`).
    pub fn calls_main(self) -> bool {
        matches!(self, Family::A | Family::B)
    }
}

impl fmt::Display for ModuleFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `Module-Format` value the runtime does not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported Module-Format {0:?} (supported: {list})", list = supported_list())]
pub struct UnknownFormat(pub String);

fn supported_list() -> String {
    ModuleFormat::all().map(ModuleFormat::as_str).collect::<Vec<_>>().join(", ")
}

impl FromStr for ModuleFormat {
    type Err = UnknownFormat;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        NAMES
            .iter()
            .find(|(_, name)| *name == value)
            .map(|(format, _)| *format)
            .ok_or_else(|| UnknownFormat(value.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_through_their_tag_values() {
        for format in ModuleFormat::all() {
            assert_eq!(format.as_str().parse::<ModuleFormat>(), Ok(format));
        }
        assert_eq!(ModuleFormat::all().count(), NAMES.len());
        let error = "wasm32-wasi".parse::<ModuleFormat>().unwrap_err().to_string();
        assert!(error.starts_with("unsupported Module-Format \"wasm32-wasi\" (supported: wasm32-ao-wasi, "), "{error}");
    }
}
