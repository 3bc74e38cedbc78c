import Foundation
import TaskDashModel
import TaskDashTestSupport
import TaskDashViewModel

/// Data written to trick a terminal: escape sequences, cursor movement, C1 controls, bidi
/// overrides, wide and combining characters, in every field the dashboard shows.
enum HostileScenes {
  /// An OSC that retitles the window, then a CSI that clears the screen.
  static let escapes = "evil\u{1b}]0;owned\u{07}\u{1b}[2Jname"
  /// Carriage returns and backspaces that would overwrite what was drawn before.
  static let overwrite = "ok\r\rdone\u{8}\u{8}XX"
  /// U+009B, the one-scalar CSI of C1.
  static let c1 = "csi\u{9b}31mred"
  /// A right-to-left override that would show "exe.txt" as "txt.exe".
  static let bidi = "bidi\u{202e}exe.txt\u{202c}"
  /// Wide CJK ideographs.
  static let cjk = "日本語のタスク名"
  /// Emoji: a wide one, a family joined with ZWJ, and a flag.
  static let emoji = "ship🚀👨‍👩‍👧🇯🇵"
  /// Eight combining marks on one letter, and a mark with no base.
  static let combining = "ze\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}lgo \u{301}x"
  /// Line breaks and a tab inside one field.
  static let lines = "one\ntwo\tthree"

  /// Every hostile string, in the order the fields below use them.
  static let all = [escapes, overwrite, c1, bidi, cjk, emoji, combining, lines]

  /// The sample dashboard with every name, error, unit and target replaced by hostile text
  /// (or by `replace`'s text, for a clean twin of the same frame).
  static func everything(_ width: Int, _ height: Int, replace: (String) -> String = { $0 }) -> DashboardDriver {
    func text(_ index: Int) -> String { replace(all[index % all.count]) }
    var dashboard = DashboardDriver(width: width, height: height)
    dashboard.loadHealth()
    dashboard.loadTasks(
      sampleTasks.indices.map { index in
        var row = sampleTasks[index]
        row.task.name = text(index)
        return row
      } + [taskRow(5, text(4)), taskRow(6, text(5)), taskRow(7, text(6))])
    dashboard.loadRuns(
      sampleRuns.indices.map { index in
        var row = sampleRuns[index]
        row.taskName = text(index + 4)
        row.errorMessage = text(index)
        return row
      })
    dashboard.loadMetrics(
      sampleMetrics.indices.map { index in
        var row = sampleMetrics[index]
        row.name = text(index + 2)
        row.unit = text(index + 5)
        return row
      })
    dashboard.loadArtifacts(
      sampleArtifacts.indices.map { index in
        var row = sampleArtifacts[index]
        row.name = text(index + 1)
        return row
      })
    dashboard.send(.tick(at(5)))
    return dashboard
  }

  /// A plain-text artifact holding every hostile string, one per line, then a long line
  /// with a wide character across the right edge of an 80-column screen.
  static let content = Array((all.joined(separator: "\n") + "\n" + String(repeating: "x", count: 79) + "界\nend\n").utf8)

  /// The viewer open on `content`.
  static func viewer(_ width: Int, _ height: Int) -> DashboardDriver {
    var dashboard = Scenes.main(width, height)
    let row = artifactRow(9, name: bidi, type: .other, length: Int64(content.count), contentType: "text/plain")
    dashboard.loadArtifacts([row], at: at(5))
    dashboard.open(artifact: 0, content: content)
    return dashboard
  }
}
