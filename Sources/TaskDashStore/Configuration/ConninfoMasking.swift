import Foundation

/// Masks the password in a libpq connection string, URL or key=value, for display.
enum ConninfoMasking {
  static let mask = "****"

  /// The string with every password replaced by `****`.
  static func mask(_ conninfo: String) -> String {
    let lower = conninfo.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
      return maskURL(conninfo)
    }
    return maskKeyValue(conninfo)
  }

  private static func maskURL(_ url: String) -> String {
    guard var components = URLComponents(string: url) else {
      return "postgres://(unparsable URL, not shown)"
    }
    if components.password != nil {
      components.password = mask
    }
    if let items = components.queryItems {
      components.queryItems = items.map { item in
        item.name.lowercased() == "password" ? URLQueryItem(name: item.name, value: mask) : item
      }
    }
    return components.string ?? "postgres://(not shown)"
  }

  /// Walks `key = value` pairs the way libpq does (values may be single-quoted with `\` escapes).
  private static func maskKeyValue(_ conninfo: String) -> String {
    var output = ""
    var index = conninfo.startIndex
    func skipSpaces() {
      while index < conninfo.endIndex, conninfo[index].isWhitespace {
        output.append(conninfo[index])
        index = conninfo.index(after: index)
      }
    }
    while index < conninfo.endIndex {
      skipSpaces()
      var key = ""
      while index < conninfo.endIndex, conninfo[index] != "=", !conninfo[index].isWhitespace {
        key.append(conninfo[index])
        index = conninfo.index(after: index)
      }
      output += key
      skipSpaces()
      guard index < conninfo.endIndex, conninfo[index] == "=" else { continue }
      output.append("=")
      index = conninfo.index(after: index)
      skipSpaces()
      var value = ""
      if index < conninfo.endIndex, conninfo[index] == "'" {
        value.append("'")
        index = conninfo.index(after: index)
        while index < conninfo.endIndex, conninfo[index] != "'" {
          if conninfo[index] == "\\", conninfo.index(after: index) < conninfo.endIndex {
            value.append(conninfo[index])
            index = conninfo.index(after: index)
          }
          value.append(conninfo[index])
          index = conninfo.index(after: index)
        }
        if index < conninfo.endIndex {
          value.append("'")
          index = conninfo.index(after: index)
        }
      } else {
        while index < conninfo.endIndex, !conninfo[index].isWhitespace {
          value.append(conninfo[index])
          index = conninfo.index(after: index)
        }
      }
      output += key.lowercased() == "password" ? mask : value
    }
    return output
  }
}
