/// What a piece of artifact text is, so the theme can style it (and drop colour for NO_COLOR).
public enum TextRole: Hashable, Sendable {
  case plain, heading, emphasis, code, listMarker, quote, rule
  case jsonKey, jsonString, jsonNumber, jsonLiteral, punctuation
  case logError, logWarning, logInfo, logDebug, timestamp
  case hexOffset, hexBytes, hexText
  case searchMatch
}
