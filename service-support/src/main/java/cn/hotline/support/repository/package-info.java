/**
 * The data-access rule every service follows (the long form, with each service's users, is docs/architecture.md §3):
 * <ul>
 * <li>A transaction starts in a service method, a Kafka consumer ({@code IdempotentConsumer.handleBatch}: one per
 * poll, the session flushed and cleared after each record), a worker or sla's firing path; never in a resource or a
 * repository. Code that runs inside another transaction says so in its Javadoc.</li>
 * <li>SQL lives only in {@code *Repository} classes: Panache by default; set-based SQL (arrays and {@code unnest},
 * multi-row inserts, {@code FOR UPDATE SKIP LOCKED} leases) as named repository methods taking the caller's session
 * or connection; native statements on hot paths through {@link cn.hotline.support.repository.SessionSql}
 * ({@code select}; {@code write} for a table no entity maps, or new rows the session will not hold). Writes of one
 * transaction that need none of each other's results are issued together ({@code Uni.combine()}): the connection
 * pipelines them in order, one round trip instead of one each.</li>
 * <li>{@code OutboxWriter} is the only writer of the outbox ({@code append} on the session, {@code appendAll} on a
 * pool connection), and wakes the relay after the commit.</li>
 * <li>Back to the caller's Vert.x context only through {@code CallerContext}; a lost optimistic race only through
 * {@code ConcurrentChanges} (409 at the edge, {@code ProblemMappers}).</li>
 * </ul>
 */
package cn.hotline.support.repository;
