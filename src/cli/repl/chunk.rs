//! Whether typed Lua is a whole chunk yet, decided by Lua's own parser (mlua, compiling only,
//! never running): an error at `<eof>` means more input is needed; anything else is either valid
//! or an error the process should report.
use mlua::Lua;

/// Where accumulated input stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    /// A chunk (or an expression, as the process evaluates `return <input>` first) that compiles.
    Complete,
    /// It ends inside a statement, a bracket or a long string: more lines are needed.
    Incomplete,
    /// A syntax error more input cannot fix: it is sent as it is and the process reports it.
    Invalid,
}

/// The parser; one Lua state, reused for every check.
pub struct ChunkChecker {
    lua: Lua,
}

impl Default for ChunkChecker {
    fn default() -> Self {
        ChunkChecker { lua: Lua::new() }
    }
}

impl ChunkChecker {
    pub fn check(&self, code: &str) -> Completeness {
        if code.trim().is_empty() || self.compiles(&format!("return {code}")).is_ok() {
            return Completeness::Complete;
        }
        match self.compiles(code) {
            Ok(()) => Completeness::Complete,
            // A quoted string cannot go on past the end of its line, unless the line ends with
            // a backslash (Lua's lexer only meets the end of the input first).
            Err((message, _)) if message.contains("unfinished string") && !code.ends_with('\\') => {
                Completeness::Invalid
            }
            Err((_, true)) => Completeness::Incomplete,
            Err((_, false)) => Completeness::Invalid,
        }
    }

    /// Compiles `code`; on a syntax error, its message and whether it is at the end of the input
    /// (`<eof>`: more input could complete it).
    fn compiles(&self, code: &str) -> Result<(), (String, bool)> {
        match self.lua.load(code).set_name("=input").into_function() {
            Ok(_) => Ok(()),
            Err(mlua::Error::SyntaxError { message, incomplete_input }) => {
                let at_end = incomplete_input || message.trim_end().ends_with("<eof>");
                Err((message, at_end))
            }
            Err(other) => Err((other.to_string(), false)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ChunkChecker, Completeness::*};

    #[test]
    fn lua_decides_where_a_chunk_ends() {
        let checker = ChunkChecker::default();
        for (code, expected) in [
            ("return 1", Complete),
            ("1 + 2", Complete),
            ("x = 1", Complete),
            ("", Complete),
            ("function f(a)", Incomplete),
            ("function f(a)\n  return a * 2", Incomplete),
            ("function f(a)\n  return a * 2\nend", Complete),
            ("print(1,", Incomplete),
            ("t = {", Incomplete),
            ("s = [[long", Incomplete),
            ("x = ", Incomplete),
            ("if x then", Incomplete),
            ("-- a comment", Complete),
            ("x = = 1", Invalid),
            ("s = \"unfinished", Invalid),
            ("s = \"goes on \\", Incomplete),
            ("s = \"goes on \\\n  here\"", Complete),
            ("end", Invalid),
            // Brackets inside strings and comments do not count, as counting would have it.
            ("print(\"(\")", Complete),
            ("x = 1 -- (", Complete),
        ] {
            assert_eq!(checker.check(code), expected, "{code:?}");
        }
    }
}
