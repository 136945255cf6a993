//! The line editor's helper (rustyline): Lua-aware multi-line entry (Enter on an unfinished chunk
//! continues it, as Lua's parser decides), completion of dot-commands, blueprint names, file
//! names after `.load`, the process's global names and their fields (`Handlers.a` → `add(`),
//! and bracket matching.
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter, MatchingBracketHighlighter};
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};

use super::chunk::{ChunkChecker, Completeness};
use super::commands::{COMMANDS, EDITOR_COMMANDS, is_command};
use crate::cli::eval::BLUEPRINTS;

/// Reads the names in a table of the process (`""`: the globals).
pub type NameSource = Box<dyn Fn(&str) -> Vec<String>>;

pub struct ReplHelper {
    checker: Rc<ChunkChecker>,
    /// In `.editor`, Enter always ends the line.
    pub editor: Rc<Cell<bool>>,
    brackets: Option<MatchingBracketHighlighter>,
    files: FilenameCompleter,
    names: NameSource,
    /// Names read, per table path, and the evaluation count they were read at.
    cache: RefCell<HashMap<String, (u64, Vec<String>)>>,
    generation: Rc<Cell<u64>>,
}

impl ReplHelper {
    pub fn new(
        checker: Rc<ChunkChecker>,
        editor: Rc<Cell<bool>>,
        color: bool,
        names: NameSource,
        generation: Rc<Cell<u64>>,
    ) -> Self {
        ReplHelper {
            checker,
            editor,
            brackets: color.then(MatchingBracketHighlighter::new),
            files: FilenameCompleter::new(),
            names,
            cache: RefCell::new(HashMap::new()),
            generation,
        }
    }

    fn names(&self, path: &str) -> Vec<String> {
        let now = self.generation.get();
        if let Some((read_at, names)) = self.cache.borrow().get(path)
            && *read_at == now
        {
            return names.clone();
        }
        let names = (self.names)(path);
        self.cache.borrow_mut().insert(path.to_string(), (now, names.clone()));
        names
    }
}

/// The Lua code that lists the string keys of the table at `path` (dotted identifiers; `""` is
/// `_G`), functions marked with a trailing `(`, sorted, one per line.
pub fn names_code(path: &str) -> String {
    format!(
        "local t = _G
        for part in string.gmatch({path:?}, '[^.]+') do
          if type(t) ~= 'table' then break end
          t = t[part]
        end
        local names = {{}}
        if type(t) == 'table' then
          for k, v in pairs(t) do
            if type(k) == 'string' and k:match('^[%a_][%w_]*$') then
              names[#names + 1] = k .. (type(v) == 'function' and '(' or '')
            end
          end
        end
        table.sort(names)
        return table.concat(names, '\\n')"
    )
}

fn pairs_with_prefix<'a>(candidates: impl Iterator<Item = &'a str>, prefix: &str) -> Vec<Pair> {
    candidates
        .filter(|c| c.starts_with(prefix))
        .map(|c| Pair { display: c.to_string(), replacement: c.to_string() })
        .collect()
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        if is_command(line) || before.trim_start() == "." {
            let start = before.len() - before.trim_start().len();
            if let Some(rest) = before.trim_start().strip_prefix(".load-blueprint ") {
                let names = BLUEPRINTS.iter().map(|(name, _)| *name);
                return Ok((pos - rest.len(), pairs_with_prefix(names, rest)));
            }
            if before.trim_start().starts_with(".load ") {
                return self.files.complete(line, pos, ctx);
            }
            if before[start..].contains(char::is_whitespace) {
                return Ok((pos, Vec::new()));
            }
            let commands = match self.editor.get() {
                true => EDITOR_COMMANDS.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
                false => COMMANDS.iter().map(|(c, _)| c.split(' ').next().unwrap_or(c)).collect(),
            };
            return Ok((start, pairs_with_prefix(commands.into_iter(), &before[start..])));
        }
        // The dotted name before the cursor: `Handlers.ad` → table `Handlers`, prefix `ad`.
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.' || *c == ':')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[word_start..];
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return Ok((pos, Vec::new()));
        }
        let (path, prefix) = match word.rfind(['.', ':']) {
            Some(at) => (word[..at].replace(':', "."), &word[at + 1..]),
            None => (String::new(), word),
        };
        if path.split('.').any(|part| part.is_empty()) && !path.is_empty() {
            return Ok((pos, Vec::new()));
        }
        let names = self.names(&path);
        Ok((pos - prefix.len(), pairs_with_prefix(names.iter().map(String::as_str), prefix)))
    }
}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if self.editor.get() || is_command(input) {
            return Ok(ValidationResult::Valid(None));
        }
        Ok(match self.checker.check(input) {
            Completeness::Incomplete => ValidationResult::Incomplete,
            Completeness::Complete | Completeness::Invalid => ValidationResult::Valid(None),
        })
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        match &self.brackets {
            Some(brackets) => brackets.highlight(line, pos),
            None => Cow::Borrowed(line),
        }
    }

    fn highlight_char(&self, line: &str, pos: usize, kind: CmdKind) -> bool {
        self.brackets.as_ref().is_some_and(|brackets| brackets.highlight_char(line, pos, kind))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Helper for ReplHelper {}
