import SeededRandom

/// An error a failed or timed-out run may end with: its message and its details object.
public struct ErrorTemplate: Hashable, Sendable {
  let message: Template
  let details: JSONTemplate

  init(message: String, details: JSONValue, name: String) throws {
    self.message = try Template(message, name: name)
    self.details = try JSONTemplate(details, name: name)
  }

  /// The rendered message and details (as JSON text).
  func render(_ context: TemplateContext, _ random: inout SplitMix64) -> (message: String, details: String) {
    let message = message.render(context, &random)
    var withMessage = context
    withMessage.values["error_message"] = message
    return (message, details.render(withMessage, &random).text)
  }
}
