import Foundation

/// Reads an `EXPLAIN (FORMAT JSON)` plan and lists what the dashboard's rules forbid.
///
/// Rules for a statement that reads a big table: it has a Limit; the big tables are only read by
/// index scans (no Seq Scan, no bitmap scan); no Sort sits above a big table. A Sort over the
/// small tasks table is allowed (sub-plans and per-row aggregates hanging off it are judged on
/// their own), and a statement over small tables only (the migration history) is not judged.
struct PlanInspector {
  static let bigTables: Set<String> = ["task_runs", "metric_snapshots", "metric_rollups", "artifacts"]

  /// The table a plan node's relation belongs to: a partition of metric_snapshots (migration
  /// 0008) is judged as metric_snapshots.
  static func table(_ relation: String) -> String {
    relation.hasPrefix("metric_snapshots_p") || relation == "metric_snapshots_default" ? "metric_snapshots" : relation
  }

  /// Every node, with the big tables read in its own subtree (sub-plans excluded).
  private(set) var nodes: [[String: Any]] = []

  init(json: String) throws {
    guard let top = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]],
      let plan = top.first?["Plan"] as? [String: Any]
    else { throw TestSetupError("EXPLAIN did not return a JSON plan") }
    collect(plan)
  }

  private mutating func collect(_ node: [String: Any]) {
    nodes.append(node)
    for child in node["Plans"] as? [[String: Any]] ?? [] {
      collect(child)
    }
  }

  /// Node types in plan order, with the relation and index they touch, for the test log.
  var outline: String {
    nodes.map { node in
      var text = node["Node Type"] as? String ?? "?"
      if let index = node["Index Name"] as? String {
        text += "(\(index))"
      } else if let relation = node["Relation Name"] as? String {
        text += "(\(relation))"
      }
      return text
    }.joined(separator: " > ")
  }

  /// Index conditions of every index scan, to check keyset bounds are range bounds.
  var indexConditions: [String] {
    nodes.compactMap { $0["Index Cond"] as? String }
  }

  /// The partitions of metric_snapshots the plan reads: what pruning left.
  var snapshotPartitions: Set<String> {
    Set(
      nodes.compactMap { $0["Relation Name"] as? String }.filter {
        $0 != "metric_snapshots" && Self.table($0) == "metric_snapshots"
      })
  }

  /// The partitions of metric_snapshots an `EXPLAIN (ANALYZE)` plan read at least once: what
  /// pruning at plan time and at run time left.
  var executedSnapshotPartitions: Set<String> {
    Set(
      nodes.filter { ($0["Actual Loops"] as? Int ?? 0) > 0 }.compactMap { $0["Relation Name"] as? String }.filter {
        $0 != "metric_snapshots" && Self.table($0) == "metric_snapshots"
      })
  }

  /// What breaks the rules, in words; empty when the plan is fine.
  var violations: [String] {
    var found: [String] = []
    let readsBigTable = nodes.contains { Self.bigTables.contains(Self.table($0["Relation Name"] as? String ?? "")) }
    if readsBigTable && !nodes.contains(where: { $0["Node Type"] as? String == "Limit" }) {
      found.append("no Limit")
    }
    for node in nodes {
      let type = node["Node Type"] as? String ?? ""
      if let relation = node["Relation Name"] as? String, Self.bigTables.contains(Self.table(relation)),
        !["Index Scan", "Index Only Scan"].contains(type)
      {
        found.append("\(type) on \(relation)")
      }
      if type.hasSuffix("Sort") {
        let below = Self.tablesBelow(node)
        if !below.isDisjoint(with: Self.bigTables) {
          found.append("\(type) over \(below.sorted().joined(separator: ", "))")
        }
      }
    }
    return found
  }

  /// Tables read in a node's subtree, not counting what runs once per row of it: sub-plans,
  /// init-plans, and a plain aggregate on the inner side of a join (a LATERAL subquery that
  /// yields one row per outer row). Their rows are not what the node sorts.
  private static func tablesBelow(_ node: [String: Any]) -> Set<String> {
    var tables: Set<String> = []
    if let relation = node["Relation Name"] as? String {
      tables.insert(table(relation))
    }
    for child in node["Plans"] as? [[String: Any]] ?? [] {
      let relationship = child["Parent Relationship"] as? String ?? ""
      let perRow =
        relationship == "Inner" && child["Node Type"] as? String == "Aggregate"
        && child["Strategy"] as? String == "Plain"
      if relationship != "SubPlan" && relationship != "InitPlan" && !perRow {
        tables.formUnion(tablesBelow(child))
      }
    }
    return tables
  }
}
