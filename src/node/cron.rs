//! Cron: the messages a process receives on its own because its spawn tags ask for them
//! (`Cron-Interval: <N>-<unit>`, then `Cron-Tag-<Name>: <value>` tags for that cron's messages;
//! `ao-protocol.md` §4.6). Ticks are a pure function of the spawn's time and height, so they are
//! not written to the log: the compute unit generates the ones due between two scheduled messages
//! (and up to "now" when a node catches up) and evaluates them in between.
use crate::protocol::{Id, Tag};

use super::NodeError;
use super::scheduler::{Chain, stored_messages};
use super::store::Tx;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CronError(String);

/// How often a cron fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Every {
    /// Every N blocks of the (simulated) chain, counted from the spawn's height.
    Blocks(u64),
    /// Every N seconds, counted from the spawn's second.
    Seconds(u64),
}

/// One `Cron-Interval` of a process and the tags of its messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    /// The interval as written (`5-minutes`).
    pub interval: String,
    every: Every,
    pub tags: Vec<Tag>,
}

/// A cron message due at `timestamp`: the `cron`-th cron of the process fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub timestamp: u64,
    pub block_height: u64,
    /// Index into the process's crons.
    pub cron: usize,
    /// Position among the ticks at the same timestamp (block crons first, then time crons by
    /// interval, shortest first): with `timestamp`, what identifies the tick.
    pub rank: u32,
}

/// The crons of a process, with the time and height they count from.
#[derive(Debug, Clone)]
pub struct Crons {
    pub crons: Vec<Cron>,
    origin_ms: u64,
    origin_height: u64,
    chain: Chain,
}

const SECONDS_PER: &[(&str, u64)] = &[
    ("second", 1),
    ("minute", 60),
    ("hour", 3_600),
    ("day", 86_400),
    ("week", 7 * 86_400),
    // As the `ms` package counts them (the reference CU parses intervals with it).
    ("month", 2_629_800),
    ("year", 31_557_600),
];

fn parse_interval(text: &str) -> Result<Every, CronError> {
    let invalid = |why: &str| {
        CronError(format!(
            "Cron-Interval {text:?}: {why} (write it as N-unit, e.g. 10-seconds, 5-minutes, 1-hour, 3-blocks)"
        ))
    };
    let (count, unit) = text.trim().split_once('-').ok_or_else(|| invalid("no unit"))?;
    let count: u64 = count.trim().parse().map_err(|_| invalid("the count is not a whole number"))?;
    if count == 0 {
        return Err(invalid("the count must be at least 1"));
    }
    let unit = unit.trim().to_ascii_lowercase();
    let unit = unit.strip_suffix('s').unwrap_or(&unit);
    if unit == "block" {
        return Ok(Every::Blocks(count));
    }
    let (_, seconds) = SECONDS_PER.iter().find(|(name, _)| *name == unit).ok_or_else(|| invalid("unknown unit"))?;
    count.checked_mul(*seconds).map(Every::Seconds).ok_or_else(|| invalid("too long"))
}

/// How long an interval (`10-seconds`, `5-minutes`, `3-blocks`) is on the node's clock, in ms (a
/// block lasts as long as the node's chain makes it).
pub fn interval_ms(text: &str) -> Result<u64, CronError> {
    let every = parse_interval(text)?;
    let ms = match every {
        Every::Seconds(seconds) => seconds.checked_mul(1000),
        Every::Blocks(blocks) => blocks.checked_mul(super::scheduler::BLOCK_MS),
    };
    ms.ok_or_else(|| CronError(format!("{text:?} is too long")))
}

/// The spawn tags that ask for an `Action=Cron` message every `interval`, as `aos --cron` writes
/// them.
pub fn cron_tags(interval: &str) -> [Tag; 2] {
    [Tag::new("Cron-Interval", interval), Tag::new("Cron-Tag-Action", "Cron")]
}

/// The crons that `tags` (a spawn's, in order) ask for; empty if none.
pub fn crons_of(tags: &[Tag]) -> Result<Vec<Cron>, CronError> {
    let mut crons: Vec<Cron> = Vec::new();
    for tag in tags {
        if tag.name == "Cron-Interval" {
            crons.push(Cron { interval: tag.value.clone(), every: parse_interval(&tag.value)?, tags: Vec::new() });
        } else if let Some(name) = tag.name.strip_prefix("Cron-Tag-") {
            let cron = crons
                .last_mut()
                .ok_or_else(|| CronError(format!("tag {} comes before any Cron-Interval", tag.name)))?;
            cron.tags.push(Tag::new(name, &tag.value));
        }
    }
    Ok(crons)
}

impl Crons {
    /// The crons of a process spawned at `origin_ms` (its slot 0), or `None` if it has none.
    pub fn new(crons: Vec<Cron>, origin_ms: u64, chain: Chain) -> Option<Self> {
        (!crons.is_empty()).then(|| Crons { crons, origin_ms, origin_height: chain.height_at(origin_ms), chain })
    }

    /// The time of the `k`-th firing (k ≥ 1) of a cron.
    fn firing(&self, every: Every, k: u64) -> u64 {
        match every {
            Every::Seconds(seconds) => {
                (self.origin_ms / 1000).saturating_add(k.saturating_mul(seconds)).saturating_mul(1000)
            }
            Every::Blocks(blocks) => {
                self.chain.block_start(self.origin_height.saturating_add(k.saturating_mul(blocks)))
            }
        }
    }

    /// The first k ≥ 1 whose firing is at or after `from`.
    fn first_firing_from(&self, every: Every, from: u64) -> u64 {
        let (mut low, mut high) = (1u64, 1u64);
        // Firings saturate at u64::MAX, so this doubling ends.
        while self.firing(every, high) < from {
            low = high + 1;
            high = high.saturating_mul(2);
        }
        // The smallest k in low..=high with firing(k) >= from.
        while low < high {
            let mid = low + (high - low) / 2;
            if self.firing(every, mid) < from { low = mid + 1 } else { high = mid }
        }
        low
    }

    /// Whether a tick is due at or after `from` and before `to`.
    pub fn any_due(&self, from: u64, to: u64) -> bool {
        !self.ticks(from, to, 1).0.is_empty()
    }

    /// The ticks due at or after `from` and before `to`, in the order they are evaluated, at most
    /// about `max` of them: returns the ticks and the time up to which (exclusive) they are
    /// complete, `to` when all fit. A timestamp's ticks are never split.
    pub fn ticks(&self, from: u64, to: u64, max: usize) -> (Vec<Tick>, u64) {
        let mut ticks = Vec::new();
        let mut complete_to = to;
        for (index, cron) in self.crons.iter().enumerate() {
            let mut k = self.first_firing_from(cron.every, from);
            let mut taken = 0;
            loop {
                let timestamp = self.firing(cron.every, k);
                if timestamp >= to {
                    break;
                }
                if taken == max {
                    complete_to = complete_to.min(timestamp);
                    break;
                }
                ticks.push((timestamp, cron.every, index));
                taken += 1;
                k += 1;
            }
        }
        ticks.retain(|&(timestamp, _, _)| timestamp < complete_to);
        let order = |every: Every| match every {
            Every::Blocks(blocks) => (0, blocks),
            Every::Seconds(seconds) => (1, seconds),
        };
        ticks.sort_by_key(|&(timestamp, every, index)| (timestamp, order(every), index));
        let mut ranked: Vec<Tick> = Vec::with_capacity(ticks.len());
        for (timestamp, _, cron) in ticks {
            let rank = match ranked.last() {
                Some(previous) if previous.timestamp == timestamp => previous.rank + 1,
                _ => 0,
            };
            ranked.push(Tick { timestamp, block_height: self.chain.height_at(timestamp), cron, rank });
        }
        (ranked, complete_to)
    }
}

/// Whether `process`, not in memory, has a cron tick due before `now`, by what the store holds:
/// its ticks are evaluated up to the newest of its last slot's time and its newest tick.
pub(crate) fn due_in_store(tx: &Tx, chain: Chain, process: Id, now: u64) -> Result<bool, NodeError> {
    let Some(spawn) = stored_messages(tx, process, 0, 0)?.pop() else { return Ok(false) };
    let crons = crons_of(spawn.item.tags()).map_err(|e| NodeError::Damaged(format!("spawn of {process}: {e}")))?;
    let Some(crons) = Crons::new(crons, spawn.assignment.timestamp, chain) else { return Ok(false) };
    let Some(tip) = tx.tip(process)? else { return Ok(false) };
    let evaluated = match tx.newest_tick(process, tip.slot)? {
        Some(newest) => tip.timestamp.max(newest + 1),
        None => tip.timestamp,
    };
    Ok(crons.any_due(evaluated, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_list(pairs: &[(&str, &str)]) -> Vec<Tag> {
        pairs.iter().map(|&(name, value)| Tag::new(name, value)).collect()
    }

    fn crons(tags: &[(&str, &str)], origin_ms: u64) -> Crons {
        Crons::new(crons_of(&tag_list(tags)).unwrap(), origin_ms, Chain { genesis_ms: 0 }).unwrap()
    }

    #[test]
    fn intervals_parse_like_the_reference() {
        for (text, every) in [
            ("1-second", Every::Seconds(1)),
            ("10-Seconds", Every::Seconds(10)),
            ("5-minutes", Every::Seconds(300)),
            ("1-hour", Every::Seconds(3600)),
            ("2-days", Every::Seconds(172_800)),
            ("1-month", Every::Seconds(2_629_800)),
            ("3-blocks", Every::Blocks(3)),
        ] {
            assert_eq!(parse_interval(text), Ok(every), "{text}");
        }
        for bad in ["minute", "0-seconds", "x-minutes", "5-fortnights", "-5-seconds"] {
            assert!(parse_interval(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cron_tags_belong_to_the_interval_before_them() {
        let tags = [
            ("Cron-Interval", "1-minute"),
            ("Cron-Tag-Action", "Cron"),
            ("Cron-Interval", "1-block"),
            ("Cron-Tag-X", "y"),
        ];
        let crons = crons_of(&tag_list(&tags)).unwrap();
        assert_eq!(crons[0].tags, vec![Tag::new("Action", "Cron")]);
        assert_eq!(crons[1].tags, vec![Tag::new("X", "y")]);
        assert!(crons_of(&[Tag::new("Cron-Tag-Action", "Cron")]).is_err());
    }

    #[test]
    fn time_crons_fire_on_whole_multiples_from_the_spawn_second() {
        let c = crons(&[("Cron-Interval", "10-seconds")], 5_500);
        let (ticks, complete) = c.ticks(0, 46_000, 100);
        let times: Vec<u64> = ticks.iter().map(|t| t.timestamp).collect();
        assert_eq!(times, vec![15_000, 25_000, 35_000, 45_000]);
        assert_eq!(complete, 46_000);
        // `from` is inclusive, `to` exclusive.
        let (ticks, _) = c.ticks(25_000, 45_000, 100);
        assert_eq!(ticks.iter().map(|t| t.timestamp).collect::<Vec<_>>(), vec![25_000, 35_000]);
    }

    #[test]
    fn batches_end_where_they_are_complete_and_never_split_a_timestamp() {
        let c = crons(&[("Cron-Interval", "1-second"), ("Cron-Interval", "2-seconds")], 0);
        let (ticks, complete) = c.ticks(0, 1_000_000, 3);
        // 1-second: 1,2,3 (capped at 4); 2-seconds: 2,4,6 → complete before 4s.
        assert_eq!(complete, 4_000);
        let keys: Vec<(u64, usize, u32)> = ticks.iter().map(|t| (t.timestamp, t.cron, t.rank)).collect();
        assert_eq!(keys, vec![(1_000, 0, 0), (2_000, 0, 0), (2_000, 1, 1), (3_000, 0, 0)]);
        // Walking batch by batch gives the same ticks as one big batch.
        let (all, _) = c.ticks(0, 60_000, usize::MAX);
        let mut walked = Vec::new();
        let mut from = 0;
        while from < 60_000 {
            let (batch, complete) = c.ticks(from, 60_000, 7);
            walked.extend(batch);
            from = complete;
        }
        assert_eq!(walked, all);
    }

    #[test]
    fn block_crons_fire_at_block_starts_before_time_crons() {
        let chain = Chain { genesis_ms: 0 };
        let tags = [("Cron-Interval", "2-minutes"), ("Cron-Interval", "1-block")];
        let c = Crons::new(crons_of(&tag_list(&tags)).unwrap(), 0, chain).unwrap();
        let (ticks, _) = c.ticks(0, chain.block_start(chain.height_at(0) + 2) + 1, 100);
        let keys: Vec<(usize, u32)> = ticks.iter().map(|t| (t.cron, t.rank)).collect();
        // Blocks are two minutes long here, so both fire together, the block cron first.
        assert_eq!(keys, vec![(1, 0), (0, 1), (1, 0), (0, 1)]);
        assert_eq!(ticks[0].block_height, chain.height_at(0) + 1);
    }
}
