import TaskDashStore

extension StoreError {
  /// `error` as a store error; any other error becomes a non-retryable query failure.
  init(describing error: any Error) {
    if let storeError = error as? StoreError {
      self = storeError
    } else {
      self = .query(sqlState: nil, message: String(describing: error))
    }
  }

  /// Whether the error says the connection itself is gone or unusable (not one bad query).
  var concernsConnection: Bool {
    switch self {
    case .connection, .timedOut, .closed, .authentication, .invalidTarget, .schema, .readOnlyStandby: true
    case .query: isRetryable
    }
  }
}
