import Foundation

// MARK: - Marks and comparisons

extension AppState {
  /// Space in the runs pane: marks the selected run, or unmarks it.
  mutating func toggleMark() {
    guard let id = runs.selectedRow?.id else { return }
    if let index = markedRuns.firstIndex(of: id) {
      markedRuns.remove(at: index)
    } else {
      markedRuns.append(id)
    }
  }

  /// `c` in the panes: the two marked runs; with none marked, the selected (or drilled) run
  /// and the previous run of its task; with one or more than two, a hint.
  ///
  /// The marks clear once a comparison of them opens: the next comparison is of another pair,
  /// and marks left on runs the pane may no longer show would make "exactly two" a guess.
  mutating func compareFromPanes() {
    switch markedRuns.count {
    case 2:
      push(.compare(CompareState(subject: .pair(markedRuns[0], markedRuns[1]))))
      markedRuns = []
    case 0:
      let run = focus == .runs ? runs.selectedRow?.id : nil
      guard let id = run ?? drilledRunID ?? runs.selectedRow?.id else {
        hint = "select a run to compare it with the previous one"
        return
      }
      push(.compare(CompareState(subject: .previous(of: id))))
    default:
      hint = "\(markedRuns.count) marked: mark exactly two runs (space) to compare them, or none for the previous"
    }
  }

  /// Keys on a comparison: scrolling, refresh, back.
  mutating func performInCompare(_ action: Action) -> [Effect] {
    let rows = layout.viewerRows
    let count = comparison?.lines.count ?? 0
    switch action {
    case .moveUp: updateCompare { $0.scroll(by: -1, rows: rows) }
    case .moveDown: updateCompare { $0.scroll(by: 1, rows: rows) }
    case .pageUp: updateCompare { $0.scroll(by: -max(1, rows - 1), rows: rows) }
    case .pageDown: updateCompare { $0.scroll(by: max(1, rows - 1), rows: rows) }
    case .home: updateCompare { $0.scroll(by: -count, rows: rows) }
    case .end: updateCompare { $0.scroll(by: count, rows: rows) }
    case .back:
      // A comparison of two 10 MB documents reads for seconds; nobody waits for it any more.
      let running = comparison?.running ?? []
      pop()
      return running.map(Effect.stopComparison)
    case .refreshNow:
      updateCompare { $0.retry() }
      return refreshPolls()
    default: return performGlobal(action)
    }
    return []
  }
}
