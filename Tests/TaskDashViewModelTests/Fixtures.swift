import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport

@testable import TaskDashViewModel

/// The layout a 2×2 UI sends for a `width` × `height` terminal: two rows of chrome above the
/// panes and a key bar below them; each pane loses a border and a column header to its rows,
/// the viewer a title row.
func gridLayout(_ width: Int, _ height: Int) -> PaneLayout {
  let body = max(0, height - 3)
  let (upper, lower) = (max(0, body / 2 - 3), max(0, body - body / 2 - 3))
  return PaneLayout(
    width: width, height: height, paneRows: [.tasks: upper, .runs: upper, .metrics: lower, .artifacts: lower],
    viewerRows: max(0, body - 1), viewerColumns: max(0, width))
}

/// The content reads among `effects`.
func contentRequests(_ effects: [Effect]) -> [ContentRequest] {
  effects.compactMap {
    if case .fetchContent(let request) = $0 { request } else { nil }
  }
}

/// A viewer with its own content, answering its reads like the runtime would.
struct ViewerHarness {
  var viewer: ViewerState
  let content: [UInt8]
  var rows: Int
  var columns = 80
  /// Every window read so far.
  var served: [ContentRequest] = []

  init(_ content: [UInt8], config: ViewerConfig, rows: Int = 5, artifact: ArtifactRow? = nil) {
    self.content = content
    self.rows = rows
    let row = artifact ?? artifactRow(1, name: "notes.txt", type: .other, length: Int64(content.count))
    viewer = ViewerState(artifact: row, config: config)
    settle()
  }

  /// Plans and answers reads until the viewer asks for nothing more.
  mutating func settle() {
    var requests = viewer.plan(rows: rows, columns: columns)
    while !requests.isEmpty {
      for request in requests {
        served.append(request)
        viewer.receive(request, bytes: slice(content, request))
      }
      requests = viewer.plan(rows: rows, columns: columns)
    }
  }

  /// The visible lines' text.
  var screen: [String] {
    viewer.lines(rows: rows, columns: columns).map(\.text)
  }
}
