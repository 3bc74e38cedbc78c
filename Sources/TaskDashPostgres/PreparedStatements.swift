/// The statements one session has prepared, by their text.
///
/// The dashboard sends the same few dozen texts every refresh with new parameters; prepared
/// once per session, each is parsed and analysed once instead of on every send. Names belong
/// to the session: a reconnect starts with none and prepares again. A filter typed term by term
/// makes new texts, so at most `capacity` are kept and the oldest gives way.
struct PreparedStatements {
  /// The most statements kept prepared at once.
  let capacity: Int
  private var names: [String: String] = [:]
  /// Texts in the order they were prepared, oldest first.
  private var order: [String] = []
  private var counter = 0

  init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// The name `sql` was prepared under, if it was.
  func name(of sql: String) -> String? {
    names[sql]
  }

  /// The name the next statement is to be prepared under, and the name of the statement to
  /// deallocate first when the session holds `capacity` already.
  mutating func nextName() -> (name: String, evicting: String?) {
    counter += 1
    let evicting = names.count >= capacity ? order.first.flatMap { names[$0] } : nil
    return ("td_\(counter)", evicting)
  }

  /// Records that `sql` is prepared as `name`, after the oldest was deallocated if one had to.
  mutating func record(_ sql: String, as name: String, evicted: String?) {
    if evicted != nil, let oldest = order.first {
      order.removeFirst()
      names[oldest] = nil
    }
    names[sql] = name
    order.append(sql)
  }

  /// Forgets `sql` and returns the name it had, to deallocate.
  mutating func remove(_ sql: String) -> String? {
    guard let name = names.removeValue(forKey: sql) else { return nil }
    order.removeAll { $0 == sql }
    return name
  }
}
