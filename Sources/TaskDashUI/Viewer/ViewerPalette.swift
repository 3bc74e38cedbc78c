import TerminalUI

/// The style of each text role under a theme; without colour, roles fall back to attributes.
enum ViewerPalette {
  static func style(_ role: TextRole, theme: Theme) -> Style {
    let color = theme.usesColor
    switch role {
    case .plain: return theme.text
    case .heading: return Style(foreground: color ? .cyan : .default, bold: true)
    case .emphasis: return Style(bold: true)
    case .code: return color ? Style(foreground: .green) : Style(dim: true)
    case .listMarker: return Style(foreground: color ? .yellow : .default, bold: true)
    case .quote, .rule: return Style(dim: true)
    case .jsonKey: return Style(foreground: color ? .cyan : .default, bold: !color)
    case .jsonString: return color ? Style(foreground: .green) : theme.text
    case .jsonNumber: return color ? Style(foreground: .magenta) : theme.text
    case .jsonLiteral: return Style(foreground: color ? .yellow : .default)
    case .punctuation: return Style(dim: true)
    case .logError: return Style(foreground: color ? .red : .default, bold: true)
    case .logWarning: return Style(foreground: color ? .yellow : .default, bold: true)
    case .logInfo: return Style(foreground: color ? .green : .default)
    case .logDebug: return Style(dim: true)
    case .timestamp: return Style(dim: true)
    case .hexOffset: return Style(dim: true)
    case .hexBytes: return theme.text
    case .hexText: return color ? Style(foreground: .cyan) : theme.text
    case .searchMatch: return theme.searchMatch
    }
  }
}
