import TaskDashModel
import TaskDashTestSupport

@testable import TaskDashViewModel

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
