/// The bytes that ring the bell and, where the terminal is known to show it, raise a desktop
/// notification (OSC 9, as iTerm2 introduced it).
///
/// Other terminals give OSC 9 other meanings or print it, and inside tmux or screen the
/// sequence would reach tmux, not the terminal around it: there the bell alone is sent, which
/// every terminal and multiplexer turns into its own kind of attention (a badge, a bounce, a
/// window flag).
struct DesktopNotification {
  /// `TERM_PROGRAM` values of terminals that show `ESC ] 9 ; text BEL` as a notification.
  static let oscNineTerminals: Set<String> = ["iTerm.app", "WezTerm", "ghostty"]
  /// The longest message sent, in characters: notification banners show a line or two.
  static let maximumLength = 200

  /// Whether this terminal gets the OSC 9 sequence.
  let sendsDesktopNotification: Bool

  /// Decides from the environment the program runs in.
  init(environment: [String: String]) {
    let program = environment["TERM_PROGRAM"] ?? ""
    let multiplexed = environment["TMUX"] != nil || (environment["TERM"] ?? "").hasPrefix("screen")
    sendsDesktopNotification = !multiplexed && Self.oscNineTerminals.contains(program)
  }

  /// The bytes to write: a BEL, then the notification if the terminal takes one.
  ///
  /// `message` was sanitized by the caller; any control character left (C0, DEL, C1) would end
  /// or corrupt the sequence, so each becomes `?` here as well.
  func bytes(for message: String) -> [UInt8] {
    var bytes: [UInt8] = [0x07]
    guard sendsDesktopNotification else { return bytes }
    var text = ""
    for scalar in message.unicodeScalars.prefix(Self.maximumLength) {
      let value = scalar.value
      let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
      text.unicodeScalars.append(isControl ? "?" : scalar)
    }
    bytes += [0x1B, 0x5D, 0x39, 0x3B] + Array(text.utf8) + [0x07]
    return bytes
  }
}
