//! The queue between the thread that reports documents in order and the Python thread that
//! takes them: bounded (the producer waits when it is full), and woken by batches. Waking a
//! sleeping thread costs microseconds of both threads' time; when the Python thread is ahead
//! it sleeps until a batch is ready (or the run is over) rather than once per document, and
//! takes everything queued under one lock.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// A bounded queue of `T` with one producer and one consumer.
pub struct Handoff<T> {
    state: Mutex<State<T>>,
    /// The consumer waits here for a batch.
    ready: Condvar,
    /// The producer waits here for room.
    room: Condvar,
    capacity: usize,
    batch: usize,
}

struct State<T> {
    items: VecDeque<T>,
    /// The producer has sent its last item.
    finished: bool,
    /// The consumer is gone: nothing more is wanted.
    abandoned: bool,
    consumer_waiting: bool,
    producer_waiting: bool,
}

/// What a wait for items found.
pub enum Taken<T> {
    /// Every item queued, in order (never empty).
    Items(VecDeque<T>),
    /// Nothing queued and nothing more will come.
    Finished,
    /// Nothing yet: the wait timed out.
    Waiting,
}

impl<T> Handoff<T> {
    /// A queue of at most `capacity` items whose consumer, once asleep, is woken when `batch`
    /// items are queued (both at least 1, `batch` at most `capacity`).
    pub fn new(capacity: usize, batch: usize) -> Self {
        let capacity = capacity.max(1);
        Self {
            state: Mutex::new(State {
                items: VecDeque::with_capacity(capacity),
                finished: false,
                abandoned: false,
                consumer_waiting: false,
                producer_waiting: false,
            }),
            ready: Condvar::new(),
            room: Condvar::new(),
            capacity,
            batch: batch.clamp(1, capacity),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // The state is whole between statements: a panic elsewhere leaves it usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Queues `item`, waiting while the queue is full; `false` when the consumer is gone.
    pub fn send(&self, item: T) -> bool {
        let mut state = self.lock();
        while state.items.len() >= self.capacity && !state.abandoned {
            state.producer_waiting = true;
            state = self.room.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        state.producer_waiting = false;
        if state.abandoned {
            return false;
        }
        state.items.push_back(item);
        if state.consumer_waiting && state.items.len() >= self.batch {
            state.consumer_waiting = false;
            self.ready.notify_one();
        }
        true
    }

    /// No more items will be sent.
    pub fn finish(&self) {
        let mut state = self.lock();
        state.finished = true;
        state.consumer_waiting = false;
        self.ready.notify_one();
    }

    /// The consumer is gone: a producer waiting for room gives up.
    pub fn abandon(&self) {
        let mut state = self.lock();
        state.abandoned = true;
        state.items.clear();
        self.room.notify_one();
    }

    /// Takes every queued item without waiting; `Waiting` when there is none yet.
    pub fn take(&self) -> Taken<T> {
        let mut state = self.lock();
        self.take_queued(&mut state)
    }

    /// Takes every queued item, waiting at most `timeout` for a batch when there is none.
    pub fn take_waiting(&self, timeout: Duration) -> Taken<T> {
        let mut state = self.lock();
        if state.items.is_empty() && !state.finished {
            state.consumer_waiting = true;
            let (woken, _) = self
                .ready
                .wait_timeout_while(state, timeout, |state| {
                    state.items.len() < self.batch && !state.finished
                })
                .unwrap_or_else(PoisonError::into_inner);
            state = woken;
            state.consumer_waiting = false;
        }
        self.take_queued(&mut state)
    }

    fn take_queued(&self, state: &mut State<T>) -> Taken<T> {
        if !state.items.is_empty() {
            let items = std::mem::replace(&mut state.items, VecDeque::with_capacity(self.capacity));
            if state.producer_waiting {
                self.room.notify_one();
            }
            Taken::Items(items)
        } else if state.finished {
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

    fn drain(handoff: &Handoff<u32>) -> Vec<u32> {
        let mut got = Vec::new();
        loop {
            match handoff.take_waiting(Duration::from_secs(5)) {
                Taken::Items(items) => got.extend(items),
                Taken::Finished => return got,
                Taken::Waiting => panic!("no batch within 5 s"),
            }
        }
    }

    #[test]
    fn every_item_arrives_in_order_through_a_small_queue() {
        let handoff = Arc::new(Handoff::new(3, 2));
        let producer = {
            let handoff = Arc::clone(&handoff);
            std::thread::spawn(move || {
                for n in 0..1000 {
                    assert!(handoff.send(n));
                }
                handoff.finish();
            })
        };
        assert_eq!(drain(&handoff), (0..1000).collect::<Vec<_>>());
        producer.join().unwrap();
    }

    #[test]
    fn a_short_last_batch_is_handed_over_at_the_finish() {
        let handoff = Handoff::new(8, 8);
        assert!(handoff.send(1));
        assert!(handoff.send(2));
        handoff.finish();
        assert_eq!(drain(&handoff), vec![1, 2]);
    }

    #[test]
    fn a_full_queue_stops_waiting_once_abandoned() {
        let handoff = Arc::new(Handoff::new(1, 1));
        assert!(handoff.send(0));
        let producer = {
            let handoff = Arc::clone(&handoff);
            std::thread::spawn(move || handoff.send(1))
        };
        std::thread::sleep(Duration::from_millis(20));
        handoff.abandon();
        assert!(!producer.join().unwrap(), "the blocked send gives up");
        assert!(matches!(handoff.take(), Taken::Waiting));
    }

    #[test]
    fn an_empty_queue_times_out() {
        let handoff = Handoff::<u32>::new(4, 2);
        assert!(matches!(
            handoff.take_waiting(Duration::from_millis(1)),
            Taken::Waiting
        ));
    }
}
