/// What kind of output an artifact is (the `artifacts.artifact_type` column).
public enum ArtifactType: String, CaseIterable, Hashable, Sendable, Codable {
  case report, data, log, config, code, image, other
}
