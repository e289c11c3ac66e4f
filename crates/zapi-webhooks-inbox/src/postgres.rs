//! The Postgres backend, for several replicas on one database: inserts group-committed on one
//! connection, claims with `FOR UPDATE SKIP LOCKED` and a lease on another.

use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio_postgres::types::Type;
use tokio_postgres::{Client, NoTls, Row, Statement};

use crate::delivery::{
    Delivery, Filter, Inserted, NewDelivery, Outcome, Replay, State, Stats, now_millis,
};
use crate::migrate;
use crate::sql;
use crate::store::{Store, StoreError, StoreFuture};

/// The most inserts one transaction takes.
const MAX_BATCH: usize = 1024;

/// A key for `pg_advisory_xact_lock` while migrating, so that replicas starting together
/// migrate one after the other.
const MIGRATION_LOCK: i64 = 0x7a61_7069_6e62_6f78;

/// A store in a Postgres database, shared by any number of replicas.
///
/// Inserts go to one connection that commits every insert waiting in one transaction (group
/// commit; Postgres' own `synchronous_commit` decides durability, `on` by default). A delivery
/// sent to two replicas at once is stored once: the unique dedupe key makes the second insert
/// wait for the first and then do nothing. Claims, finishes and the rest run on a second
/// connection, each as one statement; a claim locks its rows with `FOR UPDATE SKIP LOCKED`, so
/// workers of several replicas never claim the same delivery, and leases it: a worker that
/// dies leaves it claimable when the lease ends. Connections are without TLS (a database on
/// the same host or network).
pub struct PostgresStore {
    inserts: mpsc::UnboundedSender<(NewDelivery, oneshot::Sender<Result<Inserted, StoreError>>)>,
    client: Client,
    claim: Statement,
    finish: Statement,
    list: Statement,
}

/// Connects, without printing the URL (it may hold a password) in any error.
async fn connect(url: &str) -> Result<Client, StoreError> {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .map_err(|e| StoreError::new(format!("postgres: cannot connect: {e}")))?;
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            eprintln!("inbox store: postgres connection ended: {error}");
        }
    });
    Ok(client)
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/db`) and brings
    /// its schema up to date.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        let mut client = connect(url).await?;
        migrate_postgres(&mut client).await?;
        let writer = connect(url).await?;
        let statements = Inserts {
            insert: writer.prepare(&sql::insert(false, " RETURNING id")).await?,
            insert_body: writer.prepare(sql::INSERT_BODY).await?,
            duplicates: writer.prepare(sql::COUNT_DUPLICATES).await?,
        };
        let (inserts, queue) = mpsc::unbounded_channel();
        tokio::spawn(write_loop(writer, statements, queue));
        Ok(PostgresStore {
            inserts,
            claim: client
                .prepare(&sql::claim("", " FOR UPDATE SKIP LOCKED"))
                .await?,
            finish: client.prepare(sql::FINISH).await?,
            list: client.prepare(&sql::list()).await?,
            client,
        })
    }
}

async fn migrate_postgres(client: &mut Client) -> Result<(), StoreError> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(migrate::TABLE).await?;
    let applied: Vec<i64> = tx
        .query("SELECT version FROM inbox_migrations", &[])
        .await?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()?;
    for migration in migrate::to_apply(&applied)? {
        tx.batch_execute(&migration.sql(migrate::Dialect::Postgres))
            .await?;
        tx.execute(
            "INSERT INTO inbox_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            &[&migration.version, &migration.name, &now_millis()],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

type Waiting = (NewDelivery, oneshot::Sender<Result<Inserted, StoreError>>);

/// The insert writer: every insert waiting, in one transaction, answered after the commit.
/// The writer's prepared statements.
struct Inserts {
    insert: Statement,
    insert_body: Statement,
    duplicates: Statement,
}

async fn write_loop(
    mut client: Client,
    statements: Inserts,
    mut queue: mpsc::UnboundedReceiver<Waiting>,
) {
    let mut batch: Vec<Waiting> = Vec::new();
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        // One order of keys for every replica: two transactions inserting the same keys
        // then wait for each other in that order, never in a cycle.
        batch.sort_by(|a, b| a.0.facts.dedupe_key.cmp(&b.0.facts.dedupe_key));
        let result = insert_batch(&mut client, &statements, &batch).await;
        match result {
            Ok(outcomes) => {
                for ((_, answer), outcome) in batch.drain(..).zip(outcomes) {
                    let _ = answer.send(Ok(outcome));
                }
            }
            Err(error) => {
                for (_, answer) in batch.drain(..) {
                    let _ = answer.send(Err(error.clone()));
                }
            }
        }
    }
}

async fn insert_batch(
    client: &mut Client,
    statements: &Inserts,
    batch: &[Waiting],
) -> Result<Vec<Inserted>, StoreError> {
    let Inserts {
        insert,
        insert_body,
        duplicates,
    } = statements;
    let tx = client.transaction().await?;
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut duplicate_count: i64 = 0;
    for (delivery, _) in batch {
        let facts = &delivery.facts;
        let row = tx
            .query_opt(
                insert,
                &[
                    &facts.dedupe_key,
                    &facts.callback,
                    &facts.kind,
                    &facts.chat,
                    &facts.instance,
                    &facts.order_key(),
                    &delivery.path,
                    &delivery.received_at,
                    &delivery.received_at,
                ],
            )
            .await?;
        match row {
            Some(row) => {
                let id: i64 = row.try_get(0)?;
                tx.execute(insert_body, &[&id, &&delivery.body[..]]).await?;
                outcomes.push(Inserted::New(id));
            }
            None => {
                duplicate_count += 1;
                outcomes.push(Inserted::Duplicate);
            }
        }
    }
    if duplicate_count > 0 {
        tx.execute(duplicates, &[&duplicate_count]).await?;
    }
    tx.commit().await?;
    Ok(outcomes)
}

impl sql::ColumnsRow for Row {
    type Error = StoreError;

    fn integer(&self, column: usize) -> Result<i64, StoreError> {
        // `attempts` is an INTEGER, the other integers BIGINTs.
        let is_int4 = self
            .columns()
            .get(column)
            .is_some_and(|c| *c.type_() == Type::INT4);
        if is_int4 {
            Ok(i64::from(self.try_get::<_, i32>(column)?))
        } else {
            Ok(self.try_get(column)?)
        }
    }

    fn text(&self, column: usize) -> Result<Option<String>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn bytes(&self, column: usize) -> Result<Vec<u8>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn invalid(&self, column: usize, problem: String) -> StoreError {
        StoreError::new(format!("postgres: column {column}: {problem}"))
    }
}

/// A delivery from a row of [`sql::COLUMNS`].
fn delivery(row: &Row) -> Result<Delivery, StoreError> {
    sql::delivery(row)
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

fn count(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    fn insert(&self, delivery: NewDelivery) -> StoreFuture<'_, Inserted> {
        Box::pin(async move {
            let (answer, answered) = oneshot::channel();
            self.inserts
                .send((delivery, answer))
                .map_err(|_| StoreError::new("postgres: the insert writer has stopped"))?;
            answered
                .await
                .map_err(|_| StoreError::new("postgres: the insert writer stopped"))?
        })
    }

    fn claim(&self, limit: usize, lease: Duration) -> StoreFuture<'_, Vec<Delivery>> {
        Box::pin(async move {
            let now = now_millis();
            let until = now.saturating_add(millis(lease));
            let rows = self
                .client
                .query(&self.claim, &[&now, &count(limit), &until])
                .await?;
            let claimed = rows.iter().map(delivery).collect::<Result<Vec<_>, _>>()?;
            Ok(sql::in_arrival_order(claimed))
        })
    }

    fn finish(&self, id: i64, attempt: u32, outcome: Outcome) -> StoreFuture<'_, bool> {
        Box::pin(async move {
            let (state, next, finished, error) = outcome.columns(now_millis());
            let attempt = i32::try_from(attempt).unwrap_or(i32::MAX);
            let changed = self
                .client
                .execute(
                    &self.finish,
                    &[&id, &attempt, &state.as_str(), &next, &finished, &error],
                )
                .await?;
            Ok(changed == 1)
        })
    }

    fn stats(&self) -> StoreFuture<'_, Stats> {
        Box::pin(async move {
            let mut stats = Stats::default();
            for row in self.client.query(sql::COUNT_BY_STATE, &[]).await? {
                let state: String = row.try_get(0)?;
                let count: i64 = row.try_get(1)?;
                stats.add(&state, u64::try_from(count).unwrap_or(0));
            }
            let duplicates: i64 = self
                .client
                .query_one(sql::DUPLICATES, &[])
                .await?
                .try_get(0)?;
            stats.duplicates = u64::try_from(duplicates).unwrap_or(0);
            stats.received += stats.duplicates;
            Ok(stats)
        })
    }

    fn list(&self, filter: Filter) -> StoreFuture<'_, Vec<Delivery>> {
        Box::pin(async move {
            let limit = filter
                .limit
                .map_or(i64::MAX, |n| i64::try_from(n).unwrap_or(i64::MAX));
            let rows = self
                .client
                .query(
                    &self.list,
                    &[
                        &filter.state.map(State::as_str),
                        &filter.chat,
                        &filter.kind,
                        &filter.after_id.unwrap_or(0),
                        &limit,
                    ],
                )
                .await?;
            rows.iter().map(delivery).collect()
        })
    }

    fn replay(&self, which: Replay) -> StoreFuture<'_, u64> {
        Box::pin(async move {
            let now = now_millis();
            let changed = match which {
                Replay::One(id) => self.client.execute(sql::REPLAY_ONE, &[&id, &now]).await?,
                Replay::AllDead => self.client.execute(sql::REPLAY_DEAD, &[&now]).await?,
            };
            Ok(changed)
        })
    }
}
