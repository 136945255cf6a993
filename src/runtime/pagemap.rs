//! Which pages of a linear memory were ever touched, from Linux's `/proc/self/pagemap`: an OS
//! page with no page-table entry (neither present nor swapped out) was never written or read in
//! this instance, so it still holds what the instance started with. Scans for what changed in a
//! memory of a gigabyte then read the megabytes in use instead of faulting in every page. On
//! other systems, or where the file cannot be read, nothing is known and scans read everything.
use super::snapshot::PAGE;

/// Whether [`touched`] knows anything here: checked once, on a fresh mapping of which one page
/// is written (the flags must say exactly that page; some sandboxes give a readable pagemap whose
/// flags mean nothing).
pub fn touched_pages_known() -> bool {
    static KNOWN: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *KNOWN.get_or_init(|| {
        #[cfg(target_os = "linux")]
        {
            linux::probe()
        }
        #[cfg(not(target_os = "linux"))]
        {
            false
        }
    })
}

/// The OS's page size, asked once (`None` if the system does not say).
pub(crate) fn os_page() -> Option<usize> {
    static OS_PAGE: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();
    // SAFETY: sysconf has no preconditions.
    *OS_PAGE.get_or_init(|| usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).ok())
}

/// For each page of `PAGE` bytes of `memory`, whether any of its OS pages has a page-table
/// entry (present or swapped); `None` when that cannot be known here.
pub(crate) fn touched(memory: &[u8]) -> Option<Vec<bool>> {
    if !touched_pages_known() {
        return None;
    }
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

    /// Maps 4 pages, writes the third, and checks that exactly it is reported touched.
    pub(super) fn probe() -> bool {
        let len = 4 * PAGE;
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
        if ptr == libc::MAP_FAILED {
            return false;
        }
        // SAFETY: the mapping is `len` bytes, readable and writable, and outlives the slice.
        let memory = unsafe { std::slice::from_raw_parts_mut(ptr as *mut u8, len) };
        memory[2 * PAGE + 1] = 1;
        let right = touched(memory).is_some_and(|flags| flags == [false, false, true, false]);
        // SAFETY: unmapping the mapping made above; `memory` is not used after.
        unsafe { libc::munmap(ptr, len) };
        right
    }

    pub(super) fn touched(memory: &[u8]) -> Option<Vec<bool>> {
        let os_page = super::os_page()?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touched_pages_are_known_on_linux_with_small_os_pages() {
        // The probe itself writes one page of a fresh mapping and checks the flags say so.
        let os_page = os_page().expect("the OS page size");
        let expected = cfg!(target_os = "linux") && PAGE.is_multiple_of(os_page);
        assert_eq!(touched_pages_known(), expected);
    }
}
