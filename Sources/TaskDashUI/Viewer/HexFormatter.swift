/// Shows bytes as a hex dump: offset, sixteen bytes in hex, and their printable ASCII.
public struct HexFormatter: Sendable {
  /// Bytes per dump line.
  public static let bytesPerLine = 16

  /// Creates a formatter.
  public init() {}

  /// The dump lines of `bytes`, whose first byte is at `offset` in the artifact.
  public func format(_ bytes: some Collection<UInt8>, offset: Int64) -> [ViewerLine] {
    var lines: [ViewerLine] = []
    var position = offset
    var chunk: [UInt8] = []
    chunk.reserveCapacity(Self.bytesPerLine)
    func flush() {
      guard !chunk.isEmpty else { return }
      var hex = ""
      for (index, byte) in chunk.enumerated() {
        hex += Self.hexByte(byte) + (index == 7 ? "  " : " ")
      }
      hex += String(repeating: "   ", count: Self.bytesPerLine - chunk.count)
      if chunk.count <= 8 { hex += " " }
      let text = String(chunk.map { (0x20..<0x7f).contains($0) ? Character(UnicodeScalar($0)) : "." })
      lines.append(
        ViewerLine([
          .init(Self.hexOffset(position) + "  ", .hexOffset), .init(hex + " ", .hexBytes),
          .init("|" + text + "|", .hexText),
        ]))
      position += Int64(chunk.count)
      chunk.removeAll(keepingCapacity: true)
    }
    for byte in bytes {
      chunk.append(byte)
      if chunk.count == Self.bytesPerLine { flush() }
    }
    flush()
    return lines
  }

  private static let digits = Array("0123456789abcdef")

  private static func hexByte(_ byte: UInt8) -> String {
    String([digits[Int(byte >> 4)], digits[Int(byte & 0xf)]])
  }

  private static func hexOffset(_ offset: Int64) -> String {
    let hex = String(offset, radix: 16)
    return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
  }
}
