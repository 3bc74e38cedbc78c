import TaskDashModel
import TaskDashStore

/// Compares two runs' copies of a JSON document (plan, results or error details), reading
/// them through `runDocument(id:_:offset:length:)` in windows.
///
/// - Both at most `streamingThreshold` bytes (4 MiB): each is read and held whole as a
///   `JSONValue`, and `JSONTreeDiff` compares them (members matched by name in any order).
/// - Either above it: neither is held whole. First the two are compared window by window,
///   byte for byte; documents with the same length and no differing window are equal, and
///   that is the answer (the common case of a rerun with the same output costs two windows of
///   memory). Otherwise `JSONStreamDiff` walks both from the start with one `JSONTokenizer`
///   each, every tokenizer holding one window and the token it is reading, and reports
///   path-level differences, keeping the first `differenceLimit` and counting the rest.
/// - A run without the document: one difference at `$`, with the other's value summarised
///   from its first tokens.
public struct DocumentComparer: Sendable {
  /// Documents above this many bytes are compared streaming.
  public var streamingThreshold: Int64 = 4 << 20
  /// The bytes one read asks for. PostgreSQL makes the text form of the whole jsonb value for
  /// every window (about 0.3 s for 10 MB here), so fewer, larger windows than the viewer's
  /// cost much less; two of them are what the comparison holds.
  public var windowSize = 1 << 20
  /// The differences a report keeps.
  public var differenceLimit = 200

  /// A comparer with the dashboard's bounds.
  public init() {}

  /// Compares the two copies `comparison` names, reading them from `reader`.
  public func compare(_ comparison: DocumentComparison, reader: any DashboardReading) async -> DocumentDiff {
    let window = windowSize
    func fetch(_ version: DocumentVersion) -> JSONTokenizer.Fetch {
      { offset in try await reader.runDocument(id: version.runID, comparison.document, offset: offset, length: window) }
    }
    return await compare(
      old: comparison.old.map { (fetch($0), $0.byteCount) }, new: comparison.new.map { (fetch($0), $0.byteCount) })
  }

  /// Compares two documents given as window readers and lengths (nil: the run has none).
  func compare(
    old: (fetch: JSONTokenizer.Fetch, length: Int64)?, new: (fetch: JSONTokenizer.Fetch, length: Int64)?
  ) async -> DocumentDiff {
    // A stopped comparison (its screen left) ends before its next read, not after its last.
    func stoppable(_ fetch: @escaping JSONTokenizer.Fetch) -> JSONTokenizer.Fetch {
      { offset in
        try _Concurrency.Task.checkCancellation()
        return try await fetch(offset)
      }
    }
    let old = old.map { (fetch: stoppable($0.fetch), length: $0.length) }
    let new = new.map { (fetch: stoppable($0.fetch), length: $0.length) }
    do {
      switch (old, new) {
      case (nil, nil):
        return .compared(JSONDiffReport(limit: differenceLimit), streamed: false)
      case (let old?, nil):
        var report = JSONDiffReport(limit: differenceLimit)
        report.add(.removed, .root, old: try await Self.summary(old.fetch), new: nil)
        return .compared(report, streamed: false)
      case (nil, let new?):
        var report = JSONDiffReport(limit: differenceLimit)
        report.add(.added, .root, old: nil, new: try await Self.summary(new.fetch))
        return .compared(report, streamed: false)
      case (let old?, let new?):
        if max(old.length, new.length) <= streamingThreshold {
          var (first, second) = (JSONTokenizer(fetch: old.fetch), JSONTokenizer(fetch: new.fetch))
          let (before, after) = (try await JSONValue.read(&first), try await JSONValue.read(&second))
          return .compared(JSONTreeDiff.differences(from: before, to: after, limit: differenceLimit), streamed: false)
        }
        if old.length == new.length, try await Self.sameBytes(old.fetch, new.fetch) {
          return .compared(JSONDiffReport(limit: differenceLimit), streamed: true)
        }
        let report = try await JSONStreamDiff.differences(
          old: JSONTokenizer(fetch: old.fetch), new: JSONTokenizer(fetch: new.fetch), limit: differenceLimit)
        return .compared(report, streamed: true)
      }
    } catch let error as JSONDiffError {
      return .invalid(error.summary)
    } catch {
      return .unreadable(StoreError(describing: error))
    }
  }

  /// Whether two documents of the same length hold the same bytes, window by window; stops at
  /// the first window that differs.
  private static func sameBytes(_ old: JSONTokenizer.Fetch, _ new: JSONTokenizer.Fetch) async throws -> Bool {
    var offset: Int64 = 0
    while true {
      let (first, second) = (try await old(offset), try await new(offset))
      // Windows of equal offsets may differ in length (a window ends inside a character on one
      // side only); the shorter length is compared and the rest read again from there.
      let count = min(first.count, second.count)
      guard count > 0 else { return first.isEmpty && second.isEmpty }
      guard first[..<count] == second[..<count] else { return false }
      offset += Int64(count)
    }
  }

  /// The document's value on one line, from as many tokens as the line holds.
  private static func summary(_ fetch: @escaping JSONTokenizer.Fetch) async throws -> String {
    var tokens = JSONTokenizer(fetch: fetch)
    var line = JSONSummary()
    while !line.isFull, let token = try await tokens.next() { line.add(token) }
    return line.text
  }
}
