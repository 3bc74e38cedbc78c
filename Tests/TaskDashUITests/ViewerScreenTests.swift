import TaskDashViewModel
import Testing

@testable import TaskDashUI

@Suite struct ViewerScreenTests {
  private func line(_ text: String) -> ContentLine {
    ContentLine(offset: 0, bytes: Array(text.utf8), segments: [ContentSegment(text)], isContinuation: false)
  }

  @Test func theMarksOnScreenAreCountedByKind() {
    let lines = [
      line("admin\u{202E}txt.exe"), line("zero\u{200B}width \u{1B}[2J"), line("plain"), line("\u{202E}\u{2066}"),
    ]

    let report = ViewerScreen.marksReport(lines)

    #expect(report.bidi == 3)
    #expect(report.invisible == 1)
    #expect(report.controls == 1)
    #expect(report.summary == "1 control, 3 bidi, 1 invisible marks shown")
  }

  @Test func arabicAndHebrewWithoutControlsReportNothing() {
    let report = ViewerScreen.marksReport([line("مرحبا بالعالم"), line("שלום עולם"), line("漢字 🚀")])

    #expect(report.isClean)
    #expect(report.summary.isEmpty)
  }
}
