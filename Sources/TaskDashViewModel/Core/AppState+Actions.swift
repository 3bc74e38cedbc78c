import Foundation
import TaskDashModel

// MARK: - Dispatch by input mode

extension AppState {
  /// Applies an operator action in the current input mode.
  mutating func perform(_ action: Action) -> [Effect] {
    switch inputMode {
    case .help: return performInHelp(action)
    case .prompt: return performInPrompt(action)
    case .viewer: return performInViewer(action)
    case .panes: return performInPanes(action)
    }
  }

  private mutating func performInHelp(_ action: Action) -> [Effect] {
    switch action {
    case .toggleHelp, .back: showsHelp = false
    case .quit: return quit()
    default: break
    }
    return []
  }

  private mutating func performInPrompt(_ action: Action) -> [Effect] {
    guard var prompt else { return [] }
    switch action {
    case .insertText(let text):
      prompt.insert(text)
      self.prompt = prompt
      applyFilterPreview(prompt)
    case .deleteBackward:
      prompt.deleteBackward()
      self.prompt = prompt
      applyFilterPreview(prompt)
    case .commitPrompt:
      self.prompt = nil
      if case .search = prompt.purpose { viewer?.startSearch(prompt.text) }
    case .cancelPrompt, .back:
      self.prompt = nil
      if case .filter(let pane) = prompt.purpose { setFilter(prompt.original, on: pane) }
    default:
      break
    }
    return []
  }

  private mutating func performInViewer(_ action: Action) -> [Effect] {
    guard var viewer else { return [] }
    var effects: [Effect] = []
    switch action {
    case .moveUp: viewer.scroll(lines: -1)
    case .moveDown: viewer.scroll(lines: 1)
    case .pageUp: viewer.scrollPage(down: false, rows: layout.viewerRows)
    case .pageDown: viewer.scrollPage(down: true, rows: layout.viewerRows)
    case .home: viewer.goToStart()
    case .end: viewer.goToEnd()
    case .toggleWrap: viewer.toggleWrap()
    case .nextMatch: viewer.findAgain(forward: true)
    case .previousMatch: viewer.findAgain(forward: false)
    case .beginSearch:
      prompt = Prompt(purpose: .search, text: "", original: viewer.search?.query ?? "")
    case .back:
      self.viewer = nil
      return []
    case .refreshNow:
      viewer.retry()
      effects.append(.fetchArtifact(viewer.artifact.id))
      effects += refreshPanes()
    default:
      self.viewer = viewer
      return performGlobal(action)
    }
    self.viewer = viewer
    return effects
  }

  private mutating func performInPanes(_ action: Action) -> [Effect] {
    switch action {
    case .moveUp: movePane(.by(-1))
    case .moveDown: movePane(.by(1))
    case .pageUp: movePane(.by(-max(1, layout.rows(for: focus))))
    case .pageDown: movePane(.by(max(1, layout.rows(for: focus))))
    case .home: movePane(.start)
    case .end: movePane(.end)
    case .focusNext: focus = focus.next
    case .focusPrevious: focus = focus.previous
    case .drillIn: return drillIn()
    case .back: goBack()
    case .beginFilter:
      let current = filter(of: focus)
      prompt = Prompt(purpose: .filter(focus), text: current, original: current)
    case .cycleSort: cycleSort()
    case .refreshNow: return refreshPanes()
    default: return performGlobal(action)
    }
    return []
  }

  /// Actions that mean the same everywhere but in prompts and help.
  private mutating func performGlobal(_ action: Action) -> [Effect] {
    switch action {
    case .togglePause:
      isPaused.toggle()
      return isPaused ? stopPolls() : startPolls()
    case .faster: return changeInterval(faster: true)
    case .slower: return changeInterval(faster: false)
    case .toggleHelp: showsHelp = true
    case .quit: return quit()
    default: break
    }
    return []
  }

  private mutating func quit() -> [Effect] {
    isQuitting = true
    return [.quit]
  }
}

// MARK: - Panes

extension AppState {
  private enum PaneMotion {
    case by(Int)
    case start
    case end
  }

  private mutating func movePane(_ motion: PaneMotion) {
    let rows = layout.rows(for: focus)
    func apply<Row>(_ pane: inout PaneState<Row>) {
      switch motion {
      case .by(let delta): pane.move(by: delta, height: rows)
      case .start: pane.moveToStart(height: rows)
      case .end: pane.moveToEnd(height: rows)
      }
    }
    switch focus {
    case .tasks: apply(&tasks)
    case .runs: apply(&runs)
    case .metrics: apply(&metrics)
    case .artifacts: apply(&artifacts)
    }
  }

  private mutating func cycleSort() {
    let rows = layout.rows(for: focus)
    switch focus {
    case .tasks: tasks.cycleSort(height: rows)
    case .runs: runs.cycleSort(height: rows)
    case .metrics: metrics.cycleSort(height: rows)
    case .artifacts: artifacts.cycleSort(height: rows)
    }
  }

  private func filter(of pane: PaneID) -> String {
    switch pane {
    case .tasks: tasks.filter
    case .runs: runs.filter
    case .metrics: metrics.filter
    case .artifacts: artifacts.filter
    }
  }

  private mutating func setFilter(_ text: String, on pane: PaneID) {
    let rows = layout.rows(for: pane)
    switch pane {
    case .tasks: tasks.setFilter(text, height: rows)
    case .runs: runs.setFilter(text, height: rows)
    case .metrics: metrics.setFilter(text, height: rows)
    case .artifacts: artifacts.setFilter(text, height: rows)
    }
  }

  /// Filters as the operator types: rows on screen at once, the store's query right after.
  private mutating func applyFilterPreview(_ prompt: Prompt) {
    if case .filter(let pane) = prompt.purpose { setFilter(prompt.text, on: pane) }
  }

  private mutating func drillIn() -> [Effect] {
    switch focus {
    case .tasks:
      guard let row = tasks.selectedRow else { return [] }
      levels = [.task(id: row.id, name: row.task.name)]
      focus = .runs
    case .runs:
      guard let row = runs.selectedRow else { return [] }
      levels = [
        .task(id: row.taskID, name: row.taskName), .run(id: row.id, taskID: row.taskID, number: row.runNumber),
      ]
      focus = .artifacts
    case .metrics:
      break
    case .artifacts:
      guard let row = artifacts.selectedRow else { return [] }
      viewer = ViewerState(artifact: row, config: settings.viewer)
      return [.fetchArtifact(row.id)]
    }
    return []
  }

  /// Esc: up one drill level; at the top level, clears the focused pane's filter.
  private mutating func goBack() {
    guard let popped = levels.popLast() else {
      if !filter(of: focus).isEmpty { setFilter("", on: focus) }
      return
    }
    switch popped {
    case .run: focus = .runs
    case .task: focus = .tasks
    }
  }

  private func refreshPanes() -> [Effect] {
    // After a refused login the reader answers from memory until its retry time; `r` means now.
    let reconnect: [Effect] = isRefused ? [.reconnectNow] : []
    return reconnect + (isPaused ? fetchAllOnce() : [.refreshPolls])
  }

  private mutating func changeInterval(faster: Bool) -> [Effect] {
    let steps = settings.intervalSteps
    let next = faster ? steps.last { $0 < interval } : steps.first { $0 > interval }
    guard let next else { return [] }
    interval = next
    return [.setInterval(next)]
  }
}
