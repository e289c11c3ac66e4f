//! A durable inbox for the webhooks of Z-API.
#![doc = "tmp"]

mod delivery;
mod facts;
mod migrate;
mod postgres;
mod sql;
mod sqlite;
mod store;

pub use delivery::{
    Delivery, Filter, Inserted, NewDelivery, Outcome, Replay, State, Stats, now_millis,
};
pub use facts::Facts;
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;
pub use store::{BoxFuture, Store, StoreError, open};
