/// The differences between two whole JSON documents: a pure function of the two values.
///
/// - Objects match members by name, in any order; the older document's members come first in
///   its order, then the members only the newer one has.
/// - Arrays match elements by index: an element inserted at the front shows as every later
///   index changed and one element added at the end (no alignment is attempted, so a
///   difference always names the index it is at).
/// - A value whose type changed (number to string, object to array) is one change at its path
///   with both values; `null` is a value, so `null` against a missing member is an addition
///   or a removal, and `null` against `0` a change.
/// - Numbers compare as written: `1.0` and `1` differ.
enum JSONTreeDiff {
  /// The differences from `old` to `new`, keeping the first `limit`.
  static func differences(from old: JSONValue, to new: JSONValue, limit: Int) -> JSONDiffReport {
    var report = JSONDiffReport(limit: limit)
    compare(old, new, at: .root, into: &report)
    return report
  }

  private static func compare(_ old: JSONValue, _ new: JSONValue, at path: JSONPath, into report: inout JSONDiffReport)
  {
    switch (old, new) {
    case (.object(let oldMembers), .object(let newMembers)):
      var newByName: [JSONText: JSONValue] = [:]
      for member in newMembers where newByName[member.name] == nil { newByName[member.name] = member.value }
      var seen: Set<JSONText> = []
      for member in oldMembers where seen.insert(member.name).inserted {
        if let other = newByName[member.name] {
          compare(member.value, other, at: path.member(member.name), into: &report)
        } else {
          report.add(.removed, path.member(member.name), old: member.value.summary, new: nil)
        }
      }
      for member in newMembers where seen.insert(member.name).inserted {
        report.add(.added, path.member(member.name), old: nil, new: member.value.summary)
      }
    case (.array(let oldElements), .array(let newElements)):
      for index in 0..<max(oldElements.count, newElements.count) {
        switch (index < oldElements.count, index < newElements.count) {
        case (true, true): compare(oldElements[index], newElements[index], at: path.element(index), into: &report)
        case (true, false): report.add(.removed, path.element(index), old: oldElements[index].summary, new: nil)
        default: report.add(.added, path.element(index), old: nil, new: newElements[index].summary)
        }
      }
    default:
      if old != new { report.add(.changed, path, old: old.summary, new: new.summary) }
    }
  }
}
