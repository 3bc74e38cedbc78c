/// One of the four texts a run stores beside its row: what a run's page shows as documents
/// and the viewer reads in windows.
public enum RunDocument: String, CaseIterable, Hashable, Sendable {
  case errorMessage = "error_message"
  case errorDetails = "error_details"
  case plan
  case results

  /// The column that holds it (the raw value), for the stores' SQL.
  public var column: String { rawValue }

  /// Its heading on a page ("Error details").
  public var title: String {
    switch self {
    case .errorMessage: "Error message"
    case .errorDetails: "Error details"
    case .plan: "Plan"
    case .results: "Results"
    }
  }

  /// Whether the column holds JSON (all but the error message).
  public var isJSON: Bool { self != .errorMessage }
}
