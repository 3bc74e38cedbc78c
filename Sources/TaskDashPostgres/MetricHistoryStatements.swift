import Foundation
import TaskDashStore

/// The SQL of a metric's bucketed history: a head of index probes, then one aggregate per bucket.
enum MetricHistoryStatements {
  /// The scope's column, or a refusal for `.all`.
  static func column(_ scope: Scope) throws -> (column: String, id: UUID) {
    switch scope {
    case .run(let id): return ("task_run_id", id)
    case .task(let id): return ("task_id", id)
    case .all:
      throw StoreError.query(
        sqlState: nil, message: "a metric's history is read per run or per task, not for everything")
    }
  }

  /// The newest point's type, unit and time, the oldest point's time (NULLs for an empty
  /// series) and, for a run, the run before it: four probes on the (scope, name, timestamp) and
  /// (task_id, run_number) indexes.
  static func head(_ query: MetricHistoryQuery) throws -> PostgresStatement {
    let (column, id) = try column(query.scope)
    let previous =
      if case .run = query.scope {
        """
        (SELECT (SELECT p.id FROM task_runs p WHERE p.task_id = r.task_id AND p.run_number < r.run_number
                          ORDER BY p.run_number DESC LIMIT 1)
                   FROM task_runs r WHERE r.id = $1)
        """
      } else {
        "NULL::uuid"
      }
    return PostgresStatement(
      """
      SELECT h.metric_type, h.unit, h."timestamp",
             (SELECT o."timestamp" FROM metric_snapshots o
               WHERE o.\(column) = $1 AND o.name = $2 AND \(MetricSpan.conditions(column, id: "$1", alias: "o"))
               ORDER BY o."timestamp", o.id LIMIT 1),
             \(previous)
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (
             SELECT m.metric_type, m.unit, m."timestamp" FROM metric_snapshots m
              WHERE m.\(column) = $1 AND m.name = $2 AND \(MetricSpan.conditions(column, id: "$1", alias: "m"))
              ORDER BY m."timestamp" DESC, m.id DESC LIMIT 1) h ON true
      """, [id.uuidString, query.name])
  }

  /// One row per bucket of `grid` that holds points: its index, count, finite min and max,
  /// first and last times and the newest point's value.
  ///
  /// Each bucket is an aggregate over one index range, so the rows that cross the wire are at
  /// most the grid's buckets however many points the window holds. Buckets of whole minutes are
  /// summed from `metric_rollups` (0006), which holds each series' minutes already reduced: a
  /// million points at ten a second are 1,667 minutes. Narrower buckets read the points. NaN
  /// sorts above +infinity in PostgreSQL, so the range test `> -Infinity AND < Infinity` leaves
  /// out all three non-finite values from min and max; count keeps them, and the newest value is
  /// as stored, one index probe per bucket either way.
  ///
  /// `minutes: false` reads the points even for whole minutes: for a role that may read the four
  /// tables but was never granted `metric_rollups`.
  static func buckets(_ query: MetricHistoryQuery, grid: BucketGrid, minutes: Bool = true) throws
    -> PostgresStatement
  {
    let (column, id) = try column(query.scope)
    let edges = (0...grid.bucketCount).map { "\"" + PostgresText.timestamp(grid.date($0)) + "\"" }
    let bucket =
      if grid.wholeMinutes && minutes {
        """
        SELECT sum(m.points) AS n, min(m.low) AS low, max(m.high) AS high,
                        min(m.first_at) AS first_at, max(m.last_at) AS last_at
                   FROM metric_rollups m
                  WHERE m.\(column) = $1 AND m.name = $2
                    AND m.minute >= ($3::timestamptz[])[b.i] AND m.minute < ($3::timestamptz[])[b.i + 1]
        """
      } else {
        """
        SELECT count(*) AS n,
                        min(m.value) FILTER (WHERE m.value > '-Infinity' AND m.value < 'Infinity') AS low,
                        max(m.value) FILTER (WHERE m.value > '-Infinity' AND m.value < 'Infinity') AS high,
                        min(m."timestamp") AS first_at, max(m."timestamp") AS last_at
                   FROM metric_snapshots m
                  WHERE m.\(column) = $1 AND m.name = $2
                    AND m."timestamp" >= ($3::timestamptz[])[1] AND m."timestamp" < ($3::timestamptz[])[$4::integer + 1]
                    AND m."timestamp" >= ($3::timestamptz[])[b.i] AND m."timestamp" < ($3::timestamptz[])[b.i + 1]
        """
      }
    return PostgresStatement(
      """
      SELECT b.i - 1, s.n, s.low, s.high, s.first_at, s.last_at,
             (SELECT l.value FROM metric_snapshots l
               WHERE l.\(column) = $1 AND l.name = $2 AND l."timestamp" = s.last_at
               ORDER BY l."timestamp" DESC, l.id DESC LIMIT 1)
        FROM generate_series(1, $4::integer) b(i)
       CROSS JOIN LATERAL (
             \(bucket)) s
       WHERE s.n > 0
       LIMIT $4
      """, [id.uuidString, query.name, "{" + edges.joined(separator: ",") + "}", String(grid.bucketCount)])
  }
}
