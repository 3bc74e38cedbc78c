/// The differences between two JSON documents read in lockstep, token by token, without
/// holding either whole: memory is a window and a token per side, the open path, the report's
/// kept differences and the set-aside members described below.
///
/// - Arrays match by index, as `JSONTreeDiff` does.
/// - Object members are merged by name in PostgreSQL's jsonb order (shorter names first, then
///   by bytes), which is the order PostgreSQL writes them in: there the merge is exact and
///   recurses into every member both sides have. A member whose name does not line up (a
///   document written in another order, or a member only one side has) is read to its end and
///   set aside as a one-line summary and a digest of its tokens; when the other side later
///   shows the same name, the two digests decide whether it changed, and the change is
///   reported at the member's path (not inside it). Members still set aside when the object
///   closes are removals or additions. At most `pendingLimit` members per object are set
///   aside; beyond that each is reported at once as removed or added (a member that merely
///   moved may then show twice).
/// - Type changes, `null` and numbers as in `JSONTreeDiff`.
///
/// On two documents whose members are in jsonb order it reports what `JSONTreeDiff` reports,
/// perhaps in another order (a test holds them to it).
struct JSONStreamDiff {
  /// The most members of one object set aside at once.
  static let pendingLimit = 10_000

  private enum Side { case old, new }

  /// A value read to its end: what it looks like and what it was.
  private struct Skipped {
    var summary: String
    var digest: Int
  }

  /// Members of one object whose names did not line up, by side, in the order met.
  private struct Pending {
    var old: [JSONText: Skipped] = [:]
    var new: [JSONText: Skipped] = [:]
    var order: [(Side, JSONText)] = []
  }

  private var old: JSONTokenizer
  private var new: JSONTokenizer
  private var report: JSONDiffReport

  /// The differences from the document `old` reads to the one `new` reads, keeping the first
  /// `limit` and counting the rest.
  static func differences(old: JSONTokenizer, new: JSONTokenizer, limit: Int) async throws -> JSONDiffReport {
    var diff = JSONStreamDiff(old: old, new: new, report: JSONDiffReport(limit: limit))
    let (first, second) = (try await diff.required(.old), try await diff.required(.new))
    try await diff.compare(first, second, at: .root)
    // Each must end here: trailing text is refused.
    _ = try await diff.old.next()
    _ = try await diff.new.next()
    return diff.report
  }

  private mutating func compare(_ a: JSONToken, _ b: JSONToken, at path: JSONPath) async throws {
    switch (a, b) {
    case (.beginObject, .beginObject):
      try await compareObjects(at: path)
    case (.beginArray, .beginArray):
      try await compareArrays(at: path)
    case (.beginObject, _), (.beginArray, _), (_, .beginObject), (_, .beginArray):
      let (before, after) = (try await skip(.old, from: a), try await skip(.new, from: b))
      report.add(.changed, path, old: before.summary, new: after.summary)
    default:
      if a != b { report.add(.changed, path, old: Self.summary(of: a), new: Self.summary(of: b)) }
    }
  }

  private mutating func compareObjects(at path: JSONPath) async throws {
    var pending = Pending()
    var (a, b) = (try await required(.old), try await required(.new))
    while true {
      switch (a, b) {
      case (.endObject, .endObject):
        for (side, name) in pending.order {
          if side == .old, let value = pending.old[name] {
            report.add(.removed, path.member(name), old: value.summary, new: nil)
          } else if side == .new, let value = pending.new[name] {
            report.add(.added, path.member(name), old: nil, new: value.summary)
          }
        }
        return
      case (.key(let first), .key(let second)) where first == second:
        let (valueA, valueB) = (try await required(.old), try await required(.new))
        try await compare(valueA, valueB, at: path.member(first))
        (a, b) = (try await required(.old), try await required(.new))
      case (.key(let first), .key(let second)):
        if first < second {
          try await setAside(.old, first, at: path, in: &pending)
          a = try await required(.old)
        } else {
          try await setAside(.new, second, at: path, in: &pending)
          b = try await required(.new)
        }
      case (.key(let name), _):
        try await setAside(.old, name, at: path, in: &pending)
        a = try await required(.old)
      case (_, .key(let name)):
        try await setAside(.new, name, at: path, in: &pending)
        b = try await required(.new)
      default:
        throw JSONDiffError.invalid("a misplaced token", at: old.offset)
      }
    }
  }

  /// Reads the value of member `name` on `side` and matches it with the other side's
  /// set-aside member of that name, or sets it aside.
  private mutating func setAside(_ side: Side, _ name: JSONText, at path: JSONPath, in pending: inout Pending)
    async throws
  {
    let value = try await skip(side, from: try await required(side))
    let other = side == .old ? pending.new.removeValue(forKey: name) : pending.old.removeValue(forKey: name)
    if let other {
      if other.digest != value.digest {
        let (before, after) = side == .old ? (value, other) : (other, value)
        report.add(.changed, path.member(name), old: before.summary, new: after.summary)
      }
    } else if pending.old.count + pending.new.count < Self.pendingLimit {
      if side == .old { pending.old[name] = value } else { pending.new[name] = value }
      pending.order.append((side, name))
    } else if side == .old {
      report.add(.removed, path.member(name), old: value.summary, new: nil)
    } else {
      report.add(.added, path.member(name), old: nil, new: value.summary)
    }
  }

  private mutating func compareArrays(at path: JSONPath) async throws {
    var index = 0
    var (a, b) = (try await required(.old), try await required(.new))
    while a != .endArray, b != .endArray {
      try await compare(a, b, at: path.element(index))
      index += 1
      (a, b) = (try await required(.old), try await required(.new))
    }
    while a != .endArray {
      report.add(.removed, path.element(index), old: try await skip(.old, from: a).summary, new: nil)
      index += 1
      a = try await required(.old)
    }
    while b != .endArray {
      report.add(.added, path.element(index), old: nil, new: try await skip(.new, from: b).summary)
      index += 1
      b = try await required(.new)
    }
  }

  /// Reads the rest of the value that starts with `first`, keeping its summary and digest.
  private mutating func skip(_ side: Side, from first: JSONToken) async throws -> Skipped {
    var summary = JSONSummary()
    var hasher = Hasher()
    var token = first
    var depth = 0
    while true {
      summary.add(token)
      hasher.combine(token)
      switch token {
      case .beginObject, .beginArray: depth += 1
      case .endObject, .endArray: depth -= 1
      default: break
      }
      if depth == 0 { return Skipped(summary: summary.text, digest: hasher.finalize()) }
      token = try await required(side)
    }
  }

  private mutating func required(_ side: Side) async throws -> JSONToken {
    let token = side == .old ? try await old.next() : try await new.next()
    guard let token else {
      throw JSONDiffError.invalid("the text ends early", at: side == .old ? old.offset : new.offset)
    }
    return token
  }

  private static func summary(of token: JSONToken) -> String {
    var summary = JSONSummary()
    summary.add(token)
    return summary.text
  }
}
