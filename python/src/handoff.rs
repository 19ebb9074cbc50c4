//! The results of numbered inputs, put by the workers in any order and taken by one consumer
//! in input order: the queue between the parsing threads and the Python thread.
//!
//! Waking a sleeping thread costs microseconds of both threads' time, so there is no thread in
//! between: a worker puts its result in place and, when it completes a batch that a waiting
//! consumer wants, wakes it; the consumer takes everything ready under one lock. Inputs are
//! admitted within a window ahead of the consumer, so memory holds at most a window of results
//! however slowly they are taken.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// Results of `total` numbered inputs on their way to one consumer.
pub struct Handoff<T> {
    state: Mutex<State<T>>,
    /// The consumer waits here for a batch.
    ready: Condvar,
    window: usize,
    batch: usize,
    total: usize,
}

struct State<T> {
    /// The admitted inputs not yet in order, from input `first_pending` on: `None` until done.
    pending: VecDeque<Option<T>>,
    first_pending: usize,
    /// Results in input order, waiting for the consumer.
    ready: VecDeque<T>,
    /// How many results the consumer has taken.
    taken: usize,
    /// How many inputs have been admitted.
    admitted: usize,
    /// The consumer is gone: nothing more is wanted.
    abandoned: bool,
    consumer_waiting: bool,
}

/// What a wait for results found.
pub enum Taken<T> {
    /// Every result ready, in input order (never empty).
    Items(VecDeque<T>),
    /// Every result has been taken.
    Finished,
    /// Nothing yet: the wait timed out.
    Waiting,
}

impl<T> Handoff<T> {
    /// A hand-off for `total` inputs, at most `window` of them admitted and not yet taken, whose
    /// consumer, once asleep, is woken when `batch` results are ready in order (or the last).
    pub fn new(total: usize, window: usize, batch: usize) -> Self {
        let window = window.max(1);
        Self {
            state: Mutex::new(State {
                pending: VecDeque::with_capacity(window),
                first_pending: 0,
                ready: VecDeque::with_capacity(window),
                taken: 0,
                admitted: 0,
                abandoned: false,
                consumer_waiting: false,
            }),
            ready: Condvar::new(),
            window,
            batch: batch.clamp(1, window),
            total,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // The state is whole between statements: a panic elsewhere leaves it usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The inputs that may start now: those the window allows that have not started yet.
    /// Whoever gets a range must start every input in it.
    pub fn admit(&self) -> Range<usize> {
        let mut state = self.lock();
        if state.abandoned {
            return 0..0;
        }
        let start = state.admitted;
        let end = (state.taken + self.window).min(self.total).max(start);
        state.pending.extend((start..end).map(|_| None));
        state.admitted = end;
        start..end
    }

    /// Puts the result of input `index` (admitted, not yet put); `false` when the consumer is
    /// gone and the result was dropped.
    pub fn put(&self, index: usize, item: T) -> bool {
        let mut state = self.lock();
        if state.abandoned {
            return false;
        }
        let slot = index.checked_sub(state.first_pending);
        if let Some(pending) = slot.and_then(|slot| state.pending.get_mut(slot)) {
            *pending = Some(item);
        }
        while let Some(Some(_)) = state.pending.front() {
            if let Some(Some(item)) = state.pending.pop_front() {
                state.ready.push_back(item);
            }
            state.first_pending += 1;
        }
        let all_done = state.first_pending == self.total;
        if state.consumer_waiting && (state.ready.len() >= self.batch || all_done) {
            state.consumer_waiting = false;
            self.ready.notify_one();
        }
        true
    }

    /// The consumer is gone: results are dropped and no input is admitted any more.
    pub fn abandon(&self) {
        let mut state = self.lock();
        state.abandoned = true;
        state.pending.clear();
        state.ready.clear();
    }

    /// Takes every ready result without waiting; `Waiting` when there is none yet.
    pub fn take(&self) -> Taken<T> {
        let mut state = self.lock();
        self.take_ready(&mut state)
    }

    /// Takes every ready result, waiting at most `timeout` for a batch when there is none.
    pub fn take_waiting(&self, timeout: Duration) -> Taken<T> {
        let mut state = self.lock();
        if state.ready.is_empty() && state.taken < self.total {
            state.consumer_waiting = true;
            let (woken, _) = self
                .ready
                .wait_timeout_while(state, timeout, |state| {
                    state.ready.len() < self.batch && state.first_pending < self.total
                })
                .unwrap_or_else(PoisonError::into_inner);
            state = woken;
            state.consumer_waiting = false;
        }
        self.take_ready(&mut state)
    }

    fn take_ready(&self, state: &mut State<T>) -> Taken<T> {
        if !state.ready.is_empty() {
            let items = std::mem::replace(&mut state.ready, VecDeque::with_capacity(self.window));
            state.taken += items.len();
            Taken::Items(items)
        } else if state.taken >= self.total {
            Taken::Finished
        } else {
            Taken::Waiting
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Runs `total` inputs on `workers` threads (each taking admitted inputs from a shared
    /// queue, finishing them in a scrambled order) and returns what the consumer took.
    fn run(total: usize, window: usize, batch: usize, workers: usize) -> Vec<usize> {
        let handoff = Arc::new(Handoff::new(total, window, batch));
        let (sender, receiver) = std::sync::mpsc::channel::<usize>();
        let receiver = Arc::new(Mutex::new(receiver));
        let admit = |handoff: &Handoff<usize>, sender: &std::sync::mpsc::Sender<usize>| {
            for index in handoff.admit() {
                sender.send(index).unwrap();
            }
        };
        admit(&handoff, &sender);
        let threads: Vec<_> = (0..workers)
            .map(|n| {
                let (handoff, sender, receiver) =
                    (Arc::clone(&handoff), sender.clone(), Arc::clone(&receiver));
                std::thread::spawn(move || loop {
                    let index = receiver.lock().unwrap().recv().unwrap();
                    if index == usize::MAX {
                        return;
                    }
                    if (index + n) % 3 == 0 {
                        std::thread::yield_now();
                    }
                    assert!(handoff.put(index, index * 10));
                    admit(&handoff, &sender);
                })
            })
            .collect();
        let mut got = Vec::new();
        loop {
            match handoff.take_waiting(Duration::from_secs(5)) {
                Taken::Items(items) => {
                    assert!(items.len() <= window, "never more than a window");
                    got.extend(items);
                    admit(&handoff, &sender);
                }
                Taken::Finished => break,
                Taken::Waiting => panic!("no batch within 5 s"),
            }
        }
        for _ in 0..workers {
            sender.send(usize::MAX).unwrap();
        }
        for thread in threads {
            thread.join().unwrap();
        }
        got
    }

    #[test]
    fn every_result_arrives_in_input_order() {
        let expected: Vec<_> = (0..1000).map(|n| n * 10).collect();
        assert_eq!(run(1000, 8, 4, 3), expected);
        assert_eq!(run(1000, 1, 1, 2), expected);
        assert_eq!(run(7, 16, 8, 2), expected[..7]);
    }

    #[test]
    fn nothing_to_do_is_finished_at_once() {
        let handoff = Handoff::<u32>::new(0, 4, 2);
        assert_eq!(handoff.admit(), 0..0);
        assert!(matches!(
            handoff.take_waiting(Duration::from_secs(5)),
            Taken::Finished
        ));
    }

    #[test]
    fn inputs_are_admitted_a_window_ahead_of_the_consumer() {
        let handoff = Handoff::new(10, 4, 2);
        assert_eq!(handoff.admit(), 0..4);
        assert_eq!(handoff.admit(), 4..4, "the window is full");
        assert!(handoff.put(1, 1));
        assert!(
            matches!(handoff.take(), Taken::Waiting),
            "input 0 comes first"
        );
        assert!(handoff.put(0, 0));
        let Taken::Items(items) = handoff.take() else {
            panic!("0 and 1 are ready")
        };
        assert_eq!(items, [0, 1]);
        assert_eq!(handoff.admit(), 4..6);
    }

    #[test]
    fn an_abandoned_handoff_drops_results_and_admits_nothing() {
        let handoff = Handoff::new(10, 4, 2);
        assert_eq!(handoff.admit(), 0..4);
        handoff.abandon();
        assert!(!handoff.put(0, 0));
        assert_eq!(handoff.admit(), 0..0);
    }

    #[test]
    fn an_empty_wait_times_out() {
        let handoff = Handoff::<u32>::new(3, 4, 2);
        assert!(matches!(
            handoff.take_waiting(Duration::from_millis(1)),
            Taken::Waiting
        ));
    }
}
