//! Text for terminals: removing the ANSI colour codes processes put in their output; durations as
//! `--timeout` takes them.

/// `text` without ANSI escape sequences.
pub fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            // CSI: ESC [ parameters final-byte; any other escape is ESC and one character.
            '\u{1b}' => {
                if chars.next() == Some('[') {
                    chars.find(|c| ('@'..='~').contains(c));
                }
            }
            c => plain.push(c),
        }
    }
    plain
}

/// A process's error text for one line: without colour codes and aos's "error:" heading.
pub fn plain_error(text: &str) -> String {
    let plain = strip_ansi(text);
    let plain = plain.trim();
    plain.strip_prefix("error:").unwrap_or(plain).trim().to_string()
}

/// A duration as `--timeout` takes it: `3s`, `1500ms`.
pub fn duration(duration: std::time::Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{}s", duration.as_secs())
    } else {
        format!("{}ms", duration.as_millis())
    }
}
