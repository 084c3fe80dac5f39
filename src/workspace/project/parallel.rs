//! Work over a project's documents on the machine's cores: reading every
//! annotation file, every text, every file being added.

use std::panic::AssertUnwindSafe;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Runs `work` for each index `0..n` on up to four threads (the machine's
/// cores), each thread taking the next index when it is done with one.
/// Item `i`'s outcome stands at `i`: `None` when it was not started because
/// `cancel` was set, `Some(Err)` when its work panicked (the others go on).
pub(super) fn each<T: Send>(
    n: usize,
    cancel: &AtomicBool,
    work: impl Fn(usize) -> T + Sync,
) -> Vec<Option<std::thread::Result<T>>> {
    let threads = std::thread::available_parallelism()
        .map_or(2, std::num::NonZero::get)
        .clamp(1, 4)
        .min(n.max(1));
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(n));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n || cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| work(i)));
                    if let Ok(mut done) = done.lock() {
                        done.push((i, outcome));
                    }
                }
            });
        }
    });
    let mut out: Vec<Option<std::thread::Result<T>>> = (0..n).map(|_| None).collect();
    for (i, outcome) in done.into_inner().unwrap_or_default() {
        out[i] = Some(outcome);
    }
    out
}

/// [`each`] for work that may fail, none cancelled: item `i`'s result at
/// `i`, a panic counted as a failure that says so.
pub(super) fn each_fallible<T: Send>(
    n: usize,
    work: impl Fn(usize) -> Result<T, String> + Sync,
) -> Vec<Result<T, String>> {
    let never = AtomicBool::new(false);
    each(n, &never, work)
        .into_iter()
        .map(|outcome| {
            outcome
                .and_then(Result::ok)
                .unwrap_or_else(|| Err(crate::i18n::tr_co().read_crashed.to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_in_its_place_a_panic_kept_to_its_item() {
        let never = AtomicBool::new(false);
        let out = each(100, &never, |i| {
            assert!(i != 7, "item 7 fails");
            i * 2
        });
        assert_eq!(out.len(), 100);
        assert!(matches!(out[7], Some(Err(_))));
        for (i, outcome) in out.iter().enumerate().filter(|(i, _)| *i != 7) {
            assert_eq!(*outcome.as_ref().unwrap().as_ref().unwrap(), i * 2);
        }
        let cancelled = AtomicBool::new(true);
        assert!(each(5, &cancelled, |i| i).iter().all(Option::is_none));
    }
}
