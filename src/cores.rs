//! Independent work spread over the machine's cores: signatures, page hashes, compression.

/// `work` applied to each of `items`, in order, on every core when there are at least `enough`
/// of them (below that, starting threads costs more than it saves): the list is cut into one
/// contiguous part per core, the first done on the calling thread.
pub fn map_on_cores<T: Send, R: Send>(items: Vec<T>, enough: usize, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    if items.len() < enough.max(2) || cores() == 1 {
        return items.into_iter().map(work).collect();
    }
    let part_len = items.len().div_ceil(cores());
    let mut parts = Vec::with_capacity(cores());
    let mut rest = items;
    while rest.len() > part_len {
        let tail = rest.split_off(part_len);
        parts.push(rest);
        rest = tail;
    }
    parts.push(rest);
    let work = &work;
    std::thread::scope(|scope| {
        let mut parts = parts.into_iter();
        let first = parts.next().expect("at least one part");
        let others: Vec<_> =
            parts.map(|part| scope.spawn(move || part.into_iter().map(work).collect::<Vec<R>>())).collect();
        let mut done: Vec<R> = first.into_iter().map(work).collect();
        for other in others {
            done.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        done
    })
}

/// The cores this process may use, asked once (the answer reads the cgroup's files).
pub fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

#[cfg(test)]
mod tests {
    use super::map_on_cores;

    #[test]
    fn keeps_the_order_whether_split_or_not() {
        for len in [0, 1, 5, 63, 64, 65, 1001] {
            let items: Vec<u64> = (0..len).collect();
            let expected: Vec<u64> = items.iter().map(|n| n * 3 + 1).collect();
            assert_eq!(map_on_cores(items.clone(), 64, |n| n * 3 + 1), expected, "{len} items, split");
            assert_eq!(map_on_cores(items, usize::MAX, |n| n * 3 + 1), expected, "{len} items, not split");
        }
    }
}
