/// A keyset page of artifacts, newest first.
public struct ArtifactQuery: Hashable, Sendable {
  public var scope: Scope
  /// Continue after this row; nil starts at the newest artifact.
  public var after: PageCursor?
  public var limit: Int

  /// Creates a query.
  public init(scope: Scope = .all, after: PageCursor? = nil, limit: Int = 100) {
    self.scope = scope
    self.after = after
    self.limit = limit
  }
}
