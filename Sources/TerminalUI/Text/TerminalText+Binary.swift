extension TerminalText {
  /// Whether `bytes` look binary rather than text: a NUL among the first `probe` bytes.
  ///
  /// Binary content is shown as a hex dump instead of as text full of marks.
  public static func isBinary(_ bytes: some Sequence<UInt8>, probe: Int = 1024) -> Bool {
    bytes.prefix(probe).contains(0)
  }

  /// A hex dump of `bytes`, one line per `bytesPerLine` bytes: offset, hex bytes, and the
  /// printable ASCII with a dot for anything else.
  ///
  /// `00000010  48 65 6c 6c 6f 0a 00 ff                          |Hello...|`. Only printable
  /// ASCII ever appears, so the lines need no further sanitizing.
  public static func hexDump(_ bytes: some Sequence<UInt8>, bytesPerLine: Int = 16) -> [String] {
    let perLine = max(1, bytesPerLine)
    var lines: [String] = []
    var chunk: [UInt8] = []
    var offset = 0
    func emit() {
      var hex = chunk.map { byte in (byte < 0x10 ? "0" : "") + String(byte, radix: 16) }.joined(separator: " ")
      hex += String(repeating: " ", count: (perLine - chunk.count) * 3)
      let text = String(decoding: chunk.map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
      let position = String(offset, radix: 16)
      lines.append(
        String(repeating: "0", count: max(0, 8 - position.count)) + position + "  " + hex + "  |" + text + "|")
      offset += chunk.count
      chunk.removeAll(keepingCapacity: true)
    }
    for byte in bytes {
      chunk.append(byte)
      if chunk.count == perLine { emit() }
    }
    if !chunk.isEmpty { emit() }
    return lines
  }
}
