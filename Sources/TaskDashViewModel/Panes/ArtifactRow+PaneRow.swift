import TaskDashModel

extension ArtifactRow: PaneRow {
  /// Newest first, as the store returns them.
  public static var defaultSort: ArtifactSort { .newest }

  /// Matches on the name, the artifact type and the content type.
  public func matches(filter: String) -> Bool {
    name.containsLowercased(filter) || artifactType.rawValue.containsLowercased(filter)
      || (contentType?.containsLowercased(filter) ?? false)
  }

  /// `rows` in `sort` order; ties keep the store's order.
  public static func sorted(_ rows: [ArtifactRow], by sort: ArtifactSort) -> [ArtifactRow] {
    let indexed = Array(rows.enumerated())
    switch sort {
    case .newest:
      return rows
    case .name:
      return indexed.sorted {
        let left = $0.element.name.lowercased()
        let right = $1.element.name.lowercased()
        return left != right ? left < right : $0.offset < $1.offset
      }.map(\.element)
    case .size:
      return indexed.sorted {
        let left = $0.element.contentLength ?? -1
        let right = $1.element.contentLength ?? -1
        return left != right ? left > right : $0.offset < $1.offset
      }.map(\.element)
    }
  }
}
