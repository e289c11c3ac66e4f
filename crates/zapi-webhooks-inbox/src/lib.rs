#![doc = include_str!("../README.md")]

mod delivery;
mod facts;
mod forward;
mod gateway;
mod metrics;
mod migrate;
mod postgres;
mod signing;
mod sql;
mod sqlite;
mod store;
mod worker;

pub use delivery::{
    Delivery, Filter, Inserted, NewDelivery, Outcome, Replay, State, Stats, now_millis,
};
pub use facts::Facts;
pub use forward::{Forwarder, HEADER_ATTEMPT, HEADER_CALLBACK, HEADER_KIND, TargetError};
pub use gateway::{Gateway, PATH_TOKEN_PREFIX, shutdown_signal};
pub use metrics::{Histogram, Metrics};
pub use postgres::PostgresStore;
pub use signing::{
    HEADER_ID, HEADER_SIGNATURE, HEADER_TIMESTAMP, MIN_SECRET_BYTES, SecretError, SigningSecret,
};
pub use sqlite::SqliteStore;
pub use store::{BoxFuture, Store, StoreError, StoreFuture, open};
pub use worker::{
    CircuitBreaker, Failure, Handler, HandlerFn, Handoff, RetryPolicy, ServiceHandler, Worker,
    handler_fn,
};
