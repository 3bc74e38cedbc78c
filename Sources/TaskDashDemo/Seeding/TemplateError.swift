/// A seed template that does not parse; names the file so the data can be fixed.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The seed file (or manifest entry) holding the template.
  public var template: String
  /// What is wrong with it.
  public var message: String

  /// Creates an error.
  public init(template: String, message: String) {
    self.template = template
    self.message = message
  }

  public var description: String { "seed template \(template): \(message)" }
}
