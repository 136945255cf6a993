//! Bundles a Lua file and the local files it `require`s into one chunk, as aos's `.load` does, and
//! maps a location in an error about that chunk back to the file and line it came from.
//!
//! Each file's `require "name"` / `require 'name'` / `require("name")` calls (whitespace and
//! newlines allowed before and after the parenthesis) are found by a plain scan; a `require` on a
//! line with `--` before it is skipped. `name` maps to `<main's directory>/<name, '.' → '/'>.lua`
//! for every file, as in aos; a name without such a file (`json`, `.bint`) is left to the process,
//! and so is a name with an empty part (`.utils`, `a..b`), which aos would read as a local file.
//! Lines inside a `--[[ … ]]` block comment are not known to be comments (aos does the same): a
//! `require` on such a line without its own `--` is bundled.
//!
//! The chunk is, joined by blank lines: each dependency once, before the files that need it, as
//! `-- module: "name"` / `local function _loaded_mod_name()` / its text / `end` /
//! `_G.package.loaded["name"] = _loaded_mod_name()`; then the main file. Line endings become `\n`.
//! Each required file is compiled first, on its own: a syntax error in it is reported at its own
//! file and line (inside the chunk the process would name the main file, past its end).
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A main Lua file and the local modules it requires, as one chunk to evaluate.
#[derive(Debug, Clone)]
pub struct LuaBundle {
    code: String,
    /// The files, main first, in depth-first (tree) order.
    files: Vec<File>,
    /// Where each file's text sits in `code`.
    spans: Vec<Span>,
}

#[derive(Debug, Clone)]
struct File {
    /// The names it is required by, first seen first; empty for the main file.
    names: Vec<String>,
    path: PathBuf,
    depth: usize,
    text: String,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    first_line: u32,
    lines: u32,
    file: usize,
}

/// Where a line of the chunk comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    /// 1-based line in `path`.
    pub line: u32,
    /// That line's text.
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{} is not UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf },
    #[error("require cycle: {}; a module cannot require a file that requires it", chain(.0))]
    Cycle(Vec<PathBuf>),
    /// A required file that does not compile (inside the bundle the process would name the main
    /// file, at a line past its end): `message` begins with the line.
    #[error("{}:{message}", path.display())]
    Syntax { path: PathBuf, message: String },
}

/// Compiles a required file's text as the process would (Lua 5.3, the text as a function body);
/// a syntax error is reported at the file's own line.
fn check_syntax(path: &Path, text: &str) -> Result<(), BundleError> {
    const NAME: &str = "module";
    match mlua::Lua::new().load(text).set_name(format!("={NAME}")).into_function() {
        Err(mlua::Error::SyntaxError { message, .. }) => {
            let message = message.strip_prefix(NAME).and_then(|m| m.strip_prefix(':')).unwrap_or(&message);
            Err(BundleError::Syntax { path: path.to_path_buf(), message: message.to_string() })
        }
        _ => Ok(()),
    }
}

fn chain(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" -> ")
}

impl LuaBundle {
    /// Reads `main` and the local files it requires, recursively, and builds the chunk.
    pub fn load(main: &Path) -> Result<LuaBundle, BundleError> {
        let mut loader = Loader { dir: main.parent().unwrap_or(Path::new("")), files: vec![], order: vec![] };
        loader.visit(main.to_path_buf(), None, &mut vec![])?;
        let Loader { files, order, .. } = loader;
        let (mut code, mut spans) = (String::new(), vec![]);
        for (k, &i) in order.iter().enumerate() {
            let file = &files[i];
            if k > 0 {
                code.push_str("\n\n");
            }
            let header = if file.names.is_empty() { 0 } else { 2 };
            let first_line = line_count(&code) + header;
            spans.push(Span { first_line, lines: line_count(&file.text), file: i });
            let Some((name, aliases)) = file.names.split_first() else {
                code.push_str(&file.text);
                continue;
            };
            let function = format!("_loaded_mod_{}", name.replace(|c: char| !c.is_ascii_alphanumeric(), "_"));
            let text = &file.text;
            let _ = write!(code, "-- module: \"{name}\"\nlocal function {function}()\n{text}\nend\n");
            let _ = write!(code, "_G.package.loaded[\"{name}\"] = {function}()");
            for alias in aliases {
                let _ = write!(code, "\n_G.package.loaded[\"{alias}\"] = _G.package.loaded[\"{name}\"]");
            }
        }
        Ok(LuaBundle { code, files, spans })
    }

    /// The Lua chunk to evaluate.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The files bundled, in tree order (main first, each file before what it requires): the name
    /// it was first required by (`None` for the main file) and its path.
    pub fn files(&self) -> impl Iterator<Item = (Option<&str>, &Path)> {
        self.files.iter().map(|f| (f.names.first().map(String::as_str), f.path.as_path()))
    }

    /// The files as an indented tree, one per line, paths relative to the main file's directory:
    /// `main.lua (MAIN)`, then e.g. `  lib/util.lua (require "lib.util")`.
    pub fn tree(&self) -> String {
        let dir = self.files[0].path.parent().unwrap_or(Path::new(""));
        let mut out = String::new();
        for file in &self.files {
            let path = file.path.strip_prefix(dir).unwrap_or(&file.path).display();
            if file.names.is_empty() {
                let _ = writeln!(out, "{path} (MAIN)");
            } else {
                let names = file.names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
                let _ = writeln!(out, "{}{path} (require {names})", "  ".repeat(file.depth));
            }
        }
        out
    }

    /// Where line `line` (1-based) of the chunk comes from; `None` for the lines the bundle adds.
    pub fn origin(&self, line: u32) -> Option<Origin> {
        let span = self.spans.iter().find(|s| line >= s.first_line && line < s.first_line + s.lines)?;
        let file = &self.files[span.file];
        let index = line - span.first_line;
        let text = file.text.split('\n').nth(index as usize)?.to_owned();
        Some(Origin { path: file.path.clone(), line: index + 1, text })
    }

    /// For an error a process returned for this chunk: the origin of its (last) location in it.
    pub fn error_origin(&self, error: &str) -> Option<Origin> {
        self.origin(chunk_line(error)?)
    }
}

/// An error a process returned for an evaluated chunk, located: the error's message without the
/// process library's own frames, and where it comes from — the bundle's file and line (`origin`,
/// for a bundle), else the chunk's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    pub message: String,
    pub line: Option<u32>,
    pub origin: Option<Origin>,
}

impl LocatedError {
    /// `error` as a process returned it for the chunk (of `bundle`, if it is one); `None` when it
    /// names no line of the chunk.
    pub fn of(error: &str, bundle: Option<&LuaBundle>) -> Option<LocatedError> {
        let plain = crate::text::plain_error(error);
        let marker = "[string \"aos\"]:";
        let at = plain.rfind(marker)?;
        let message = plain[at + marker.len()..].split_once(": ").map_or("", |(_, m)| m).trim().to_string();
        let origin = bundle.and_then(|b| b.error_origin(error));
        Some(LocatedError { message, line: chunk_line(error), origin })
    }
}

impl std::fmt::Display for LocatedError {
    /// `file:line: message`, or `line N: message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.origin {
            Some(origin) => write!(f, "{}:{}: {}", origin.path.display(), origin.line, self.message),
            None => write!(f, "line {}: {}", self.line.unwrap_or(0), self.message),
        }
    }
}

/// The line of the evaluated chunk an error names: the `N` of the last `[string "aos"]:N:` in it
/// (a runtime error reads `[string ".handlers"]:123: [string "aos"]:2: boom`). Colour codes are
/// ignored.
pub fn chunk_line(error: &str) -> Option<u32> {
    const AT: &str = "[string \"aos\"]:";
    let plain = crate::text::strip_ansi(error);
    let lines = plain.match_indices(AT).filter_map(|(i, _)| {
        let rest = &plain[i + AT.len()..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        rest[digits..].starts_with(':').then(|| rest[..digits].parse().ok()).flatten()
    });
    lines.last()
}

/// Lines in `text` as Lua counts them (a trailing newline starts one more, empty, line).
fn line_count(text: &str) -> u32 {
    u32::try_from(text.bytes().filter(|&b| b == b'\n').count() + 1).unwrap_or(u32::MAX)
}

struct Loader<'a> {
    /// The main file's directory, which every module name is resolved against.
    dir: &'a Path,
    files: Vec<File>,
    /// Indexes into `files`, each file after the files it requires (the main file last).
    order: Vec<usize>,
}

impl Loader<'_> {
    /// Reads the file at `path`, then what it requires; `stack` holds the files being read.
    fn visit(&mut self, path: PathBuf, name: Option<String>, stack: &mut Vec<usize>) -> Result<(), BundleError> {
        let bytes = std::fs::read(&path).map_err(|source| BundleError::Read { path: path.clone(), source })?;
        let text = String::from_utf8(bytes).map_err(|_| BundleError::NotUtf8 { path: path.clone() })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).replace("\r\n", "\n");
        if name.is_some() {
            check_syntax(&path, &text)?;
        }
        let index = self.files.len();
        let required = requires(&text);
        self.files.push(File { names: name.into_iter().collect(), path, depth: stack.len(), text });
        stack.push(index);
        for name in required {
            let Some(path) = module_path(self.dir, &name) else { continue };
            match self.files.iter().position(|f| f.path == path) {
                Some(seen) if stack.contains(&seen) => {
                    let from = stack.iter().position(|&i| i == seen).unwrap_or(0);
                    let cycle = stack[from..].iter().chain([&seen]).map(|&i| self.files[i].path.clone());
                    return Err(BundleError::Cycle(cycle.collect()));
                }
                Some(seen) if !self.files[seen].names.contains(&name) => self.files[seen].names.push(name),
                Some(_) => {}
                None if path.is_file() => self.visit(path, Some(name), stack)?,
                None => {}
            }
        }
        stack.pop();
        self.order.push(index);
        Ok(())
    }
}

/// Where module `name` would be: `dir/<name, '.' → '/'>.lua`; `None` if a part of it is empty.
fn module_path(dir: &Path, name: &str) -> Option<PathBuf> {
    let relative = name.replace('.', "/");
    if relative.split('/').any(str::is_empty) {
        return None;
    }
    Some(dir.join(relative + ".lua"))
}

/// The names `text` passes to `require` with a quoted string, in order, skipping `--` comment lines.
fn requires(text: &str) -> Vec<String> {
    let mut names = vec![];
    for (at, word) in text.match_indices("require") {
        let before = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
        if before.contains("--") || before.ends_with(|c: char| c.is_ascii_alphanumeric() || "_.:".contains(c)) {
            continue;
        }
        let rest = text[at + word.len()..].trim_start();
        let rest = rest.strip_prefix('(').map_or(rest, str::trim_start);
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        let Some((name, _)) = rest[1..].split_once(quote) else { continue };
        if !name.is_empty() && !name.contains(|c: char| c.is_control() || "\\\"'".contains(c)) {
            names.push(name.to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` (relative path, text) into a new temporary directory.
    fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn nested() -> tempfile::TempDir {
        project(&[
            ("main.lua", "local util = require(\"lib.util\")\nlocal json = require('json')\nprint(util.shout('hi'))\n"),
            (
                "lib/util.lua",
                "local s = require 'lib.strings'\nlocal M = {}\nfunction M.shout(x) return s.upper(x) end\nreturn M",
            ),
            ("lib/strings.lua", "return { upper = string.upper }\n"),
        ])
    }

    #[test]
    fn bundles_nested_requires_dependencies_first() {
        let dir = nested();
        let bundle = LuaBundle::load(&dir.path().join("main.lua")).unwrap();
        let expected = "-- module: \"lib.strings\"\nlocal function _loaded_mod_lib_strings()\n\
                        return { upper = string.upper }\n\nend\n\
                        _G.package.loaded[\"lib.strings\"] = _loaded_mod_lib_strings()\n\n\
                        -- module: \"lib.util\"\nlocal function _loaded_mod_lib_util()\n\
                        local s = require 'lib.strings'\nlocal M = {}\nfunction M.shout(x) return s.upper(x) end\nreturn M\nend\n\
                        _G.package.loaded[\"lib.util\"] = _loaded_mod_lib_util()\n\n\
                        local util = require(\"lib.util\")\nlocal json = require('json')\nprint(util.shout('hi'))\n";
        assert_eq!(bundle.code(), expected);
        let files: Vec<_> = bundle.files().map(|(name, path)| (name, path.strip_prefix(dir.path()).unwrap())).collect();
        assert_eq!(
            files,
            [
                (None, Path::new("main.lua")),
                (Some("lib.util"), Path::new("lib/util.lua")),
                (Some("lib.strings"), Path::new("lib/strings.lua"))
            ]
        );
        assert_eq!(
            bundle.tree(),
            "main.lua (MAIN)\n  lib/util.lua (require \"lib.util\")\n    lib/strings.lua (require \"lib.strings\")\n"
        );
    }

    #[test]
    fn a_file_without_local_requires_is_its_own_chunk() {
        let dir = project(&[("main.lua", "local bint = require('.bint')(256)\r\nreturn require \"json\"")]);
        let bundle = LuaBundle::load(&dir.path().join("main.lua")).unwrap();
        assert_eq!(bundle.code(), "local bint = require('.bint')(256)\nreturn require \"json\"");
        assert_eq!(bundle.files().count(), 1);
    }

    #[test]
    fn a_module_required_twice_is_bundled_once_and_aliases_share_it() {
        let dir = project(&[
            ("main.lua", "local a = require('a')\nlocal b = require('b')\nlocal c = require('c')\n"),
            ("a.lua", "require('c')\nreturn 1"),
            ("b.lua", "local c = require(\n  \"c\"\n)\nreturn 2"),
            ("c.lua", "return 3"),
            ("lib/c.lua", "return 4"),
            ("main2.lua", "require 'lib.c'\nrequire 'lib/c'\n"),
        ]);
        let bundle = LuaBundle::load(&dir.path().join("main.lua")).unwrap();
        assert_eq!(bundle.code().matches("-- module: \"c\"").count(), 1, "{}", bundle.code());
        let names: Vec<_> = bundle.files().map(|(name, _)| name).collect();
        assert_eq!(names, [None, Some("a"), Some("c"), Some("b")]);
        assert!(bundle.code().find("-- module: \"c\"") < bundle.code().find("-- module: \"a\""));

        let bundle = LuaBundle::load(&dir.path().join("main2.lua")).unwrap();
        assert!(bundle.code().contains("_G.package.loaded[\"lib/c\"] = _G.package.loaded[\"lib.c\"]\n\n"));
        assert!(bundle.tree().ends_with("lib/c.lua (require \"lib.c\", \"lib/c\")\n"), "{}", bundle.tree());
    }

    #[test]
    fn commented_and_unusual_requires() {
        let text = "-- local x = require('gone')\nlocal y = 1 -- require \"gone\"\n--[[\nrequire('in_block')\n]]\n\
                    myrequire('gone') x.require('gone') require_x('gone') require(name)\n\
                    require\"a\" require [[gone]] require('b') .. require(\"c\")";
        assert_eq!(requires(text), ["in_block", "a", "b", "c"]);
    }

    #[test]
    fn names_with_an_empty_part_are_the_process_s() {
        let dir = project(&[("main.lua", "require('.utils')\nrequire('x..y')"), ("utils.lua", "BAD = 1")]);
        assert_eq!(LuaBundle::load(&dir.path().join("main.lua")).unwrap().files().count(), 1);
    }

    #[test]
    fn requires_resolve_from_the_main_file_s_directory() {
        let dir = project(&[
            ("main.lua", "require('lib.a')"),
            ("lib/a.lua", "require('lib.b') require('b')"),
            ("lib/b.lua", "return 'right'"),
            ("lib/lib/b.lua", "return 'wrong'"),
        ]);
        let bundle = LuaBundle::load(&dir.path().join("main.lua")).unwrap();
        let paths: Vec<_> = bundle.files().map(|(_, p)| p.strip_prefix(dir.path()).unwrap().to_owned()).collect();
        assert_eq!(paths, [Path::new("main.lua"), Path::new("lib/a.lua"), Path::new("lib/b.lua")]);
    }

    #[test]
    fn a_require_cycle_is_an_error_naming_it() {
        let dir = project(&[("main.lua", "require('a')"), ("a.lua", "require('b')"), ("b.lua", "require('a')")]);
        let error = LuaBundle::load(&dir.path().join("main.lua")).unwrap_err();
        let (a, b) = (dir.path().join("a.lua"), dir.path().join("b.lua"));
        assert_eq!(
            error.to_string(),
            format!(
                "require cycle: {} -> {} -> {}; a module cannot require a file that requires it",
                a.display(),
                b.display(),
                a.display()
            )
        );
        let dir = project(&[("main.lua", "require('main')")]);
        assert!(matches!(LuaBundle::load(&dir.path().join("main.lua")), Err(BundleError::Cycle(c)) if c.len() == 2));
    }

    #[test]
    fn a_required_file_that_does_not_compile_is_named_with_its_own_line() {
        let dir = project(&[("main.lua", "local u = require('lib.u')\nreturn u.x\n")]);
        std::fs::create_dir(dir.path().join("lib")).unwrap();
        let u = dir.path().join("lib/u.lua");
        for (text, expected) in [
            ("local M = {x = 1}\nif true then\nreturn M\n", "4: 'end' expected (to close 'if' at line 2) near <eof>"),
            ("local M = {}\nreturn M\nprint(1)\n", "3: <eof> expected near 'print'"),
        ] {
            std::fs::write(&u, text).unwrap();
            let error = LuaBundle::load(&dir.path().join("main.lua")).unwrap_err();
            assert_eq!(error.to_string(), format!("{}:{expected}", u.display()));
        }
        std::fs::write(&u, "local M = {x = 1}\nreturn M\n").unwrap();
        assert_eq!(LuaBundle::load(&dir.path().join("main.lua")).unwrap().files().count(), 2);
    }

    #[test]
    fn unreadable_and_non_utf8_files_are_errors() {
        let dir = project(&[("main.lua", "require('bad')")]);
        std::fs::write(dir.path().join("bad.lua"), b"return '\xff'").unwrap();
        let error = LuaBundle::load(&dir.path().join("main.lua")).unwrap_err();
        assert_eq!(error.to_string(), format!("{} is not UTF-8 text", dir.path().join("bad.lua").display()));
        let missing = dir.path().join("missing.lua");
        let error = LuaBundle::load(&missing).unwrap_err();
        assert!(matches!(&error, BundleError::Read { path, .. } if *path == missing), "{error}");
        assert!(error.to_string().starts_with(&format!("cannot read {}: ", missing.display())), "{error}");
    }

    #[test]
    fn origin_maps_chunk_lines_to_files() {
        let dir = nested();
        let bundle = LuaBundle::load(&dir.path().join("main.lua")).unwrap();
        let lines: Vec<&str> = bundle.code().split('\n').collect();
        let at = |text: &str| lines.iter().position(|l| *l == text).unwrap() as u32 + 1;
        let origin =
            |line| bundle.origin(line).map(|o| (o.path.strip_prefix(dir.path()).unwrap().to_owned(), o.line, o.text));

        let shout = "function M.shout(x) return s.upper(x) end";
        assert_eq!(origin(at(shout)), Some(("lib/util.lua".into(), 3, shout.into())));
        assert_eq!(
            origin(at("return { upper = string.upper }")),
            Some(("lib/strings.lua".into(), 1, "return { upper = string.upper }".into()))
        );
        assert_eq!(
            origin(at("print(util.shout('hi'))")),
            Some(("main.lua".into(), 3, "print(util.shout('hi'))".into()))
        );
        assert_eq!(origin(lines.len() as u32), Some(("main.lua".into(), 4, String::new())), "after the last newline");
        assert_eq!(origin(1), None, "the module header");
        assert_eq!(origin(at("_G.package.loaded[\"lib.util\"] = _loaded_mod_lib_util()")), None);
        assert_eq!(origin(lines.len() as u32 + 1), None);
        assert_eq!(origin(0), None);
    }

    #[test]
    fn error_origin_reads_syntax_and_runtime_errors() {
        let dir = nested();
        let bundle = LuaBundle::load(&dir.path().join("main.lua")).unwrap();
        let line = bundle.code().split('\n').position(|l| l == "local M = {}").unwrap() + 1;
        let in_util = Origin { path: dir.path().join("lib/util.lua"), line: 2, text: "local M = {}".into() };

        let syntax = format!("[string \"aos\"]:{line}: unexpected symbol near '*'");
        assert_eq!(bundle.error_origin(&syntax), Some(in_util.clone()));
        // As the process returns it.
        let runtime =
            format!("\n\n\u{1b}[31merror:\n\u{1b}[0m[string \".handlers\"]:123: [string \"aos\"]:{line}: boom");
        assert_eq!(bundle.error_origin(&runtime), Some(in_util));
        assert_eq!(bundle.error_origin("[string \".handlers\"]:123: boom"), None);
    }

    #[test]
    fn chunk_line_takes_the_last_aos_location() {
        assert_eq!(chunk_line("[string \"aos\"]:2: unexpected symbol near '*'"), Some(2));
        assert_eq!(chunk_line("[string \".handlers\"]:123: [string \"aos\"]:17: boom"), Some(17));
        assert_eq!(chunk_line("[string \"aos\"]:3: [string \"aos\"]:45: x"), Some(45));
        assert_eq!(chunk_line("\u{1b}[1m[string \"aos\"]:\u{1b}[0m9: x"), Some(9));
        assert_eq!(chunk_line("[string \"aos\"]:x: [string \"aos\"]:: y"), None);
        assert_eq!(chunk_line("[string \".process\"]:9: no"), None);
    }
}
