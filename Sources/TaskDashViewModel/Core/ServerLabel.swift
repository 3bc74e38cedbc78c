import TaskDashModel
import TaskDashStore

/// How the header and `snapshot` name the PostgreSQL server a session reads.
public enum ServerLabel {
  /// `primary`; `standby · 0.4 s behind` (one decimal under a minute, `3m07s` beyond); or
  /// `standby` alone before it has replayed a transaction.
  public static func role(_ role: ServerRole) -> String {
    switch role {
    case .primary: "primary"
    case .standby(nil): "standby"
    case .standby(let lag?): "standby · " + lagText(lag.seconds) + " behind"
    }
  }

  /// `host:port`, short enough for the header: a socket directory is cut to its last component
  /// (`…/postgresql:5432`), since the port and the role say the rest. Not sanitized.
  public static func shortAddress(_ server: DatabaseServer) -> String {
    let components = server.host.split(separator: "/")
    guard server.host.hasPrefix("/"), components.count > 1, let last = components.last else { return server.address }
    return "…/" + last + ":" + server.port
  }

  private static func lagText(_ seconds: Double) -> String {
    seconds < 60 ? DisplayFormat.decimal(seconds, 1) + " s" : DisplayFormat.duration(seconds: seconds)
  }
}
