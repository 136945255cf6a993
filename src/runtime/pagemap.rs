//! Which pages of a linear memory were ever touched, from Linux's `/proc/self/pagemap`: an OS
//! page with no page-table entry (neither present nor swapped out) was never written or read in
//! this instance, so it still holds what the instance started with. Scans for what changed in a
//! memory of a gigabyte then read the megabytes in use instead of faulting in every page. On
//! other systems, or where the file cannot be read, nothing is known and scans read everything.
use super::snapshot::PAGE;

/// Whether [`touched`] knows anything here (checked once).
pub fn touched_pages_known() -> bool {
    #[repr(align(16384))]
    struct Aligned([u8; PAGE]);
    static PROBE: Aligned = Aligned([0; PAGE]);
    static KNOWN: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *KNOWN.get_or_init(|| touched(&PROBE.0).is_some())
}

/// For each page of `PAGE` bytes of `memory`, whether any of its OS pages has a page-table
/// entry (present or swapped); `None` when that cannot be known here.
pub(crate) fn touched(memory: &[u8]) -> Option<Vec<bool>> {
    #[cfg(target_os = "linux")]
    {
        linux::touched(memory)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = memory;
        None
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::os::unix::fs::FileExt;

    use super::PAGE;

    const PRESENT: u64 = 1 << 63;
    const SWAPPED: u64 = 1 << 62;

    pub(super) fn touched(memory: &[u8]) -> Option<Vec<bool>> {
        // SAFETY: sysconf has no preconditions.
        let os_page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).ok()?;
        let start = memory.as_ptr() as usize;
        if os_page == 0 || !PAGE.is_multiple_of(os_page) || !start.is_multiple_of(os_page) {
            return None;
        }
        let entries = memory.len().div_ceil(os_page);
        let mut raw = vec![0u8; entries * 8];
        let file = std::fs::File::open("/proc/self/pagemap").ok()?;
        file.read_exact_at(&mut raw, (start / os_page * 8) as u64).ok()?;
        let per_page = PAGE / os_page;
        let touched = raw
            .chunks(8 * per_page)
            .map(|entries| {
                entries.chunks_exact(8).any(|entry| {
                    let entry = u64::from_le_bytes(entry.try_into().expect("8 bytes"));
                    entry & (PRESENT | SWAPPED) != 0
                })
            })
            .collect();
        Some(touched)
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_mapping_is_untouched_until_written() {
        let len = 64 * PAGE;
        // SAFETY: a private anonymous mapping of `len` bytes, unmapped below.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert_ne!(ptr, libc::MAP_FAILED);
        // SAFETY: the mapping is `len` bytes, readable and writable, and outlives the slice.
        let memory = unsafe { std::slice::from_raw_parts_mut(ptr as *mut u8, len) };
        memory[3 * PAGE + 5] = 1;
        memory[40 * PAGE] = 2;
        let touched = touched(memory).expect("pagemap is readable here");
        let indexes: Vec<usize> = touched.iter().enumerate().filter(|(_, t)| **t).map(|(i, _)| i).collect();
        assert_eq!(indexes, [3, 40]);
        // SAFETY: unmapping the mapping made above.
        unsafe { libc::munmap(ptr, len) };
    }
}
