//! A process's state between messages: its module's linear memory, held as the pages of it that
//! are not all zero. Snapshots of one process share the pages they have in common, so taking one
//! costs a read of the memory and a copy of the pages that changed, and a mostly empty memory (a
//! module that starts with 1.2 GB) costs what it uses.
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use sha2::{Digest, Sha256};

use super::module::ModuleId;

/// Bytes per page of a snapshot (and of a stored checkpoint): a quarter of a wasm page.
pub const PAGE: usize = 16 * 1024;

static ZERO_PAGE: [u8; PAGE] = [0; PAGE];

/// One page's bytes (`PAGE` of them; the last page of a memory whose length is not a multiple of
/// `PAGE` has fewer), never all zero, and their sha256 once asked for.
pub struct Page {
    bytes: Box<[u8]>,
    sha256: OnceLock<[u8; 32]>,
}

impl Page {
    fn new(bytes: &[u8]) -> Arc<Page> {
        Arc::new(Page { bytes: bytes.into(), sha256: OnceLock::new() })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn sha256(&self) -> [u8; 32] {
        *self.sha256.get_or_init(|| Sha256::digest(&self.bytes).into())
    }
}

/// The linear memory of a process between two messages, and the module it belongs to.
/// Cheap to clone; restoring it into a fresh instance continues the process exactly.
#[derive(Clone)]
pub struct Snapshot {
    module: ModuleId,
    len: usize,
    /// The pages that are not all zero, by index (page `i` is bytes `i * PAGE ..`).
    pages: Arc<BTreeMap<u32, Arc<Page>>>,
}

fn is_zero(bytes: &[u8]) -> bool {
    bytes == &ZERO_PAGE[..bytes.len()]
}

impl Snapshot {
    /// A snapshot of `memory`'s bytes (for example, a whole checkpoint read back from disk).
    pub fn from_memory(module: ModuleId, memory: impl AsRef<[u8]>) -> Self {
        Self::empty(module).updated(memory.as_ref(), None)
    }

    /// A snapshot of a memory of no bytes.
    pub(crate) fn empty(module: ModuleId) -> Self {
        Snapshot { module, len: 0, pages: Arc::default() }
    }

    /// A snapshot of a memory of `len` bytes whose non-zero pages are `pages` (index, bytes, and
    /// their sha256 if it was checked already); the other pages are zero. Refused if a page lies
    /// outside `len`, has the wrong length, comes twice or is all zero.
    pub fn from_pages(
        module: ModuleId,
        len: usize,
        pages: impl IntoIterator<Item = (u32, Vec<u8>, Option<[u8; 32]>)>,
    ) -> Result<Self, String> {
        let mut map = BTreeMap::new();
        for (index, bytes, sha256) in pages {
            let start = index as usize * PAGE;
            let expected = len.saturating_sub(start).min(PAGE);
            if expected == 0 || bytes.len() != expected {
                return Err(format!("page {index} ({} bytes) does not fit a memory of {len} bytes", bytes.len()));
            }
            if is_zero(&bytes) {
                return Err(format!("page {index} is all zero (such pages are not stored)"));
            }
            let page = Page { bytes: bytes.into(), sha256: OnceLock::new() };
            if let Some(sha256) = sha256 {
                let _ = page.sha256.set(sha256);
            }
            if map.insert(index, Arc::new(page)).is_some() {
                return Err(format!("page {index} comes twice"));
            }
        }
        Ok(Snapshot { module, len, pages: Arc::new(map) })
    }

    pub fn module(&self) -> ModuleId {
        self.module
    }

    /// Bytes of memory.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The pages that are not all zero, in order, with their index.
    pub fn pages(&self) -> impl Iterator<Item = (u32, &Arc<Page>)> {
        self.pages.iter().map(|(index, page)| (*index, page))
    }

    /// Whether page `index` is in use (not all zero).
    pub fn has(&self, index: u32) -> bool {
        self.pages.contains_key(&index)
    }

    /// Whether page `index` is `page` itself (not a copy): what a later snapshot kept unchanged.
    pub fn shares(&self, index: u32, page: &Arc<Page>) -> bool {
        self.pages.get(&index).is_some_and(|mine| Arc::ptr_eq(mine, page))
    }

    /// The whole memory as one run of bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = vec![0; self.len];
        for (index, page) in self.pages() {
            let start = index as usize * PAGE;
            bytes[start..start + page.bytes.len()].copy_from_slice(&page.bytes);
        }
        bytes
    }

    /// The indexes of `memory`'s pages that are not all zero, reading only those `candidate`
    /// says may not be.
    pub(crate) fn pages_in_use(memory: &[u8], candidate: impl Fn(u32) -> bool) -> Vec<u32> {
        let chunks = memory.chunks(PAGE).enumerate().map(|(index, bytes)| (index as u32, bytes));
        chunks.filter(|(index, bytes)| candidate(*index) && !is_zero(bytes)).map(|(index, _)| index).collect()
    }

    /// A snapshot of `memory` that shares with this one every page `memory` has unchanged. Costs
    /// a read of `memory` and a copy of the pages that differ. With `touched` (a flag per page:
    /// see `pagemap`), a page this snapshot does not have and that was never touched is known to
    /// be zero still, and is not read: the caller vouches that every page of `memory` that was
    /// not zero when its instance started is in this snapshot or touched.
    pub(crate) fn updated(&self, memory: &[u8], touched: Option<&[bool]>) -> Snapshot {
        let untouched = |index: usize| touched.is_some_and(|flags| !flags.get(index).copied().unwrap_or(true));
        let mut pages = BTreeMap::new();
        for (index, bytes) in memory.chunks(PAGE).enumerate() {
            let old = self.pages.get(&(index as u32));
            match old {
                Some(old) if old.bytes[..] == *bytes => {
                    pages.insert(index as u32, old.clone());
                    continue;
                }
                None if untouched(index) => continue,
                _ => {}
            }
            if !is_zero(bytes) {
                pages.insert(index as u32, Page::new(bytes));
            }
        }
        Snapshot { module: self.module, len: memory.len(), pages: Arc::new(pages) }
    }

    /// sha256 of the whole memory, zero pages included: equal hashes mean byte-identical state.
    pub fn memory_hash(&self) -> [u8; 32] {
        let mut hasher = Sha256::new();
        let mut at = 0;
        for (index, page) in self.pages() {
            let start = index as usize * PAGE;
            feed_zeros(&mut hasher, start - at);
            hasher.update(&page.bytes);
            at = start + page.bytes.len();
        }
        feed_zeros(&mut hasher, self.len - at);
        hasher.finalize().into()
    }

    /// The hash a paged checkpoint is stored under: sha256 of the memory's length and, for each
    /// page that is not all zero, its index and its sha256. Equal roots mean byte-identical
    /// state, like [`Snapshot::memory_hash`], at the cost of hashing only the pages in use.
    pub fn page_root(&self) -> [u8; 32] {
        page_root(self.len as u64, self.pages().map(|(index, page)| (index, page.sha256())))
    }
}

/// [`Snapshot::page_root`] of a memory of `len` bytes whose non-zero pages have these sha256s.
pub fn page_root(len: u64, pages: impl IntoIterator<Item = (u32, [u8; 32])>) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(b"ao paged memory 1");
    hasher.update(len.to_le_bytes());
    for (index, sha256) in pages {
        hasher.update(index.to_le_bytes());
        hasher.update(sha256);
    }
    hasher.finalize().into()
}

fn feed_zeros(hasher: &mut Sha256, mut n: usize) {
    while n > 0 {
        let part = n.min(PAGE);
        hasher.update(&ZERO_PAGE[..part]);
        n -= part;
    }
}

impl PartialEq for Snapshot {
    fn eq(&self, other: &Self) -> bool {
        self.module == other.module
            && self.len == other.len
            && self.pages.len() == other.pages.len()
            && self.pages.iter().zip(other.pages.iter()).all(|((i, a), (j, b))| i == j && a.bytes == b.bytes)
    }
}

impl Eq for Snapshot {}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("module", &self.module)
            .field("memory_bytes", &self.len)
            .field("pages_in_use", &self.pages.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module() -> ModuleId {
        crate::protocol::Id([1; 32])
    }

    #[test]
    fn pages_in_common_are_shared_and_only_changed_pages_are_copied() {
        let mut memory = vec![0u8; 8 * PAGE];
        memory[3] = 1;
        memory[5 * PAGE + 7] = 2;
        let first = Snapshot::from_memory(module(), &memory);
        assert_eq!(first.pages().map(|(i, _)| i).collect::<Vec<_>>(), [0, 5]);
        memory[5 * PAGE + 8] = 3;
        memory[3] = 0;
        memory[7 * PAGE] = 4;
        let second = first.updated(&memory, None);
        assert_eq!(second.pages().map(|(i, _)| i).collect::<Vec<_>>(), [5, 7]);
        assert!(!first.shares(5, second.pages().next().unwrap().1), "page 5 changed: a copy");
        let third = second.updated(&memory, None);
        assert!(third.pages().all(|(i, page)| second.shares(i, page)), "nothing changed: all shared");
        assert_eq!(third.to_bytes(), memory);
        assert_eq!(third.memory_hash(), <[u8; 32]>::from(Sha256::digest(&memory)));
    }

    #[test]
    fn pages_never_touched_are_not_read() {
        let mut memory = vec![0u8; 4 * PAGE];
        memory[PAGE] = 1;
        let base = Snapshot::from_memory(module(), &memory);
        memory[PAGE] = 2; // in the base: always compared
        memory[2 * PAGE] = 3; // touched: read
        memory[3 * PAGE] = 4; // untouched and not in the base: taken as zero, as the caller vouched
        let touched = [false, false, true, false];
        let next = base.updated(&memory, Some(&touched));
        assert_eq!(next.pages().map(|(i, page)| (i, page.bytes()[0])).collect::<Vec<_>>(), [(1, 2), (2, 3)]);
    }

    #[test]
    fn the_root_and_hash_cover_length_and_a_partial_last_page() {
        let mut memory = vec![0u8; 2 * PAGE + 100];
        memory[2 * PAGE + 99] = 9;
        let snapshot = Snapshot::from_memory(module(), &memory);
        assert_eq!(snapshot.to_bytes(), memory);
        assert_eq!(snapshot.memory_hash(), <[u8; 32]>::from(Sha256::digest(&memory)));
        let longer = Snapshot::from_memory(module(), [memory.clone(), vec![0; 10]].concat());
        assert_ne!(snapshot.page_root(), longer.page_root(), "the length is part of the root");
        let again = Snapshot::from_pages(module(), memory.len(), [(2, memory[2 * PAGE..].to_vec(), None)]).unwrap();
        assert_eq!(again, snapshot);
        assert_eq!(again.page_root(), snapshot.page_root());
        let refused =
            |pages: Vec<(u32, Vec<u8>, Option<[u8; 32]>)>| Snapshot::from_pages(module(), memory.len(), pages);
        assert!(refused(vec![(3, vec![1], None)]).is_err(), "outside the memory");
        assert!(refused(vec![(0, vec![1; 10], None)]).is_err(), "a short page");
        assert!(refused(vec![(0, vec![0; PAGE], None)]).is_err(), "a zero page");
        assert!(refused(vec![(0, vec![1; PAGE], None), (0, vec![1; PAGE], None)]).is_err(), "twice");
    }
}
