import Foundation
import TaskDashModel

/// How the UI should present an artifact's content.
public enum ContentKind: String, CaseIterable, Hashable, Sendable {
  case markdown, json, log, csv, yaml, plain
  /// Not text (a NUL byte near the start): shown as a hex dump, 16 bytes per line.
  case binary

  /// Guesses the kind from the metadata and the first bytes of the content.
  ///
  /// A NUL byte in the first `probe` bytes means binary, whatever the labels say; then the
  /// content type, then the file extension, then the artifact type and the first byte.
  public static func guess(for artifact: ArtifactRow, prefix: some Collection<UInt8>, probe: Int = 1024)
    -> ContentKind
  {
    if prefix.prefix(probe).contains(0) { return .binary }
    if let kind = fromContentType(artifact.contentType) { return kind }
    for name in [artifact.name, artifact.filePath].compactMap({ $0 }) {
      if let kind = fromExtension(name) { return kind }
    }
    let first = prefix.first { ![0x20, 0x09, 0x0a, 0x0d].contains($0) }
    switch artifact.artifactType.known {
    case .log: return .log
    case .report where first == UInt8(ascii: "#"): return .markdown
    default: break
    }
    if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
    return .plain
  }

  private static func fromContentType(_ contentType: String?) -> ContentKind? {
    guard let contentType else { return nil }
    let essence = contentType.lowercased().split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    switch essence {
    case "application/json", "text/json": return .json
    case let type? where type.hasSuffix("+json"): return .json
    case "text/markdown", "text/x-markdown": return .markdown
    case "text/csv", "text/tab-separated-values": return .csv
    case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml": return .yaml
    case "text/x-log": return .log
    case "application/octet-stream": return .binary
    default: return nil
    }
  }

  private static func fromExtension(_ name: String) -> ContentKind? {
    guard let dot = name.lastIndex(of: ".") else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "json": return .json
    case "md", "markdown": return .markdown
    case "log": return .log
    case "csv", "tsv": return .csv
    case "yaml", "yml": return .yaml
    case "txt", "text", "jsonl", "ndjson": return .plain
    default: return nil
    }
  }
}
