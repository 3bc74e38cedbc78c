import Foundation
import TaskDashModel
import TaskDashStore

// MARK: - Dispatch by input mode

extension AppState {
  /// Applies an operator action in the current input mode.
  mutating func perform(_ action: Action) -> [Effect] {
    hint = nil
    switch inputMode {
    case .help: return performInHelp(action)
    case .prompt: return performInPrompt(action)
    case .viewer: return performInViewer(action)
    case .page: return performInPage(action)
    case .panes: return performInPanes(action)
    case .chart: return performInChart(action) ?? performGlobal(action)
    case .triage: return performInTriage(action)
    case .failureRuns: return performInFailureRuns(action)
    case .compare: return performInCompare(action)
    case .environments: return performInEnvironments(action)
    }
  }

  private mutating func performInHelp(_ action: Action) -> [Effect] {
    switch action {
    case .toggleHelp, .back: pop()
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
      // A filter that cannot be read stays open with its explanation, the old one in force.
      guard prompt.problem == nil else { return [] }
      self.prompt = nil
      if case .search = prompt.purpose { startSearch(prompt.text) }
    case .cancelPrompt, .back:
      self.prompt = nil
      if case .filter(let pane) = prompt.purpose { change(pane, .setFilter(prompt.original)) }
    default:
      break
    }
    return []
  }

  private mutating func startSearch(_ query: String) {
    if viewer != nil {
      updateViewer { $0.startSearch(query) }
    } else if let lines = page?.lines(at: now) {
      let rows = layout.viewerRows
      updatePage { $0.find(query, in: lines, rows: rows) }
    }
  }

  private mutating func performInViewer(_ action: Action) -> [Effect] {
    guard let viewer else { return [] }
    let rows = layout.viewerRows
    switch action {
    case .moveUp: updateViewer { $0.scroll(lines: -1) }
    case .moveDown: updateViewer { $0.scroll(lines: 1) }
    case .pageUp: updateViewer { $0.scrollPage(down: false, rows: rows) }
    case .pageDown: updateViewer { $0.scrollPage(down: true, rows: rows) }
    case .home: updateViewer { $0.goToStart() }
    case .end: updateViewer { $0.goToEnd() }
    case .toggleWrap: updateViewer { $0.toggleWrap() }
    case .nextMatch: updateViewer { $0.findAgain(forward: true) }
    case .previousMatch: updateViewer { $0.findAgain(forward: false) }
    case .beginSearch:
      prompt = Prompt(purpose: .search, text: "", original: viewer.search?.query ?? "")
    case .back:
      pop()
    case .refreshNow:
      updateViewer { $0.retry() }
      return (viewer.artifact.map { [.fetchArtifact($0.id)] } ?? []) + refreshPolls()
    default:
      return performGlobal(action)
    }
    return []
  }

  private mutating func performInPage(_ action: Action) -> [Effect] {
    let lines = page?.lines(at: now) ?? []
    let rows = layout.viewerRows
    switch action {
    case .moveUp: updatePage { $0.scroll(by: -1, count: lines.count, rows: rows) }
    case .moveDown: updatePage { $0.scroll(by: 1, count: lines.count, rows: rows) }
    case .pageUp: updatePage { $0.scroll(by: -max(1, rows - 1), count: lines.count, rows: rows) }
    case .pageDown: updatePage { $0.scroll(by: max(1, rows - 1), count: lines.count, rows: rows) }
    case .home: updatePage { $0.scroll(by: -lines.count, count: lines.count, rows: rows) }
    case .end: updatePage { $0.scrollToEnd(count: lines.count, rows: rows) }
    case .toggleWrap: updatePage { $0.toggleWrap() }
    case .nextMatch: updatePage { $0.findAgain(forward: true, in: lines, rows: rows) }
    case .previousMatch: updatePage { $0.findAgain(forward: false, in: lines, rows: rows) }
    case .beginSearch:
      prompt = Prompt(purpose: .search, text: "", original: page?.search?.query ?? "")
    case .previousItem, .nextItem:
      if let next = page?.neighbour(forward: action == .nextItem) { updatePage { $0.show(next) } }
    case .drillIn:
      openDocument(rows: rows)
    case .compare:
      if case .run(let id)? = page?.subject { push(.compare(CompareState(subject: .previous(of: id)))) }
    case .back:
      pop()
    case .refreshNow:
      return refreshPolls()
    case .openTriage:
      openTriage()
    default:
      return performGlobal(action)
    }
    return []
  }

  private mutating func performInPanes(_ action: Action) -> [Effect] {
    switch action {
    case .moveUp: change(focus, .move(by: -1))
    case .moveDown: change(focus, .move(by: 1))
    case .pageUp: change(focus, .move(by: -max(1, layout.rows(for: focus))))
    case .pageDown: change(focus, .move(by: max(1, layout.rows(for: focus))))
    case .home: change(focus, .moveToStart)
    case .end: change(focus, .moveToEnd)
    case .focusNext: focus = focus.next
    case .focusPrevious: focus = focus.previous
    case .drillIn: return drillIn()
    case .back: goBack()
    case .beginFilter:
      let current = filter(of: focus)
      prompt = Prompt(purpose: .filter(focus), text: current, original: current)
    case .cycleSort: change(focus, .cycleSort)
    case .openPage: openPage()
    case .compare: compareFromPanes()
    case .toggleMark:
      if focus == .runs { toggleMark() } else { return perform(.pageDown) }
    case .refreshNow: return refreshPolls()
    case .openTriage: openTriage()
    case .focusPane(let pane): focus = pane
    case .clickRow(let pane, let position):
      focus = pane
      change(pane, .selectVisible(position))
    default: return performGlobal(action)
    }
    return []
  }

  /// Actions that mean the same everywhere but in prompts and help.
  mutating func performGlobal(_ action: Action) -> [Effect] {
    switch action {
    case .togglePause:
      isPaused.toggle()
      return isPaused ? stopPolls() : startPolls()
    case .toggleAlerts:
      if alerts.isOn { alerts = AlertWatch() } else { alerts.switchOn(at: now) }
    case .faster: return changeInterval(faster: true)
    case .slower: return changeInterval(faster: false)
    case .toggleHelp: push(.help)
    case .openEnvironments: openEnvironments()
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
  /// Applies `change` to the pane `id`: the one switch over the four panes.
  mutating func change(_ id: PaneID, _ change: PaneChange) {
    let rows = layout.rows(for: id)
    func apply<Row>(_ pane: inout PaneState<Row>) {
      switch change {
      case .move(let delta): pane.move(by: delta, height: rows)
      case .selectVisible(let position): pane.selectVisible(position, height: rows)
      case .moveToStart: pane.moveToStart(height: rows)
      case .moveToEnd: pane.moveToEnd(height: rows)
      case .cycleSort: pane.cycleSort(height: rows)
      case .setFilter(let text): pane.setFilter(text, height: rows)
      case .confirm(let date): pane.setData(pane.data.confirming(at: date), height: rows)
      case .fail(let failure): pane.setData(pane.data.failing(failure), height: rows)
      case .fit: pane.fit(height: rows)
      }
    }
    switch id {
    case .tasks: apply(&tasks)
    case .runs: apply(&runs)
    case .metrics: apply(&metrics)
    case .artifacts: apply(&artifacts)
    }
  }

  /// The filter of the pane `id`.
  private func filter(of id: PaneID) -> String {
    switch id {
    case .tasks: tasks.filter
    case .runs: runs.filter
    case .metrics: metrics.filter
    case .artifacts: artifacts.filter
    }
  }

  /// Filters as the operator types: rows on screen at once, the store's query right after.
  ///
  /// On the tasks and runs panes the text is a query: one that cannot be read is explained in
  /// the prompt and leaves the pane on the last one that could.
  private mutating func applyFilterPreview(_ prompt: Prompt) {
    guard case .filter(let pane) = prompt.purpose else { return }
    if let scope = pane.filterScope {
      do {
        _ = try FilterParser.parse(prompt.text, for: scope)
        self.prompt?.problem = nil
      } catch {
        self.prompt?.problem = error
        return
      }
    }
    change(pane, .setFilter(prompt.text))
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
      openChart()
    case .artifacts:
      guard let row = artifacts.selectedRow else { return [] }
      push(.viewer(ViewerState(artifact: row, config: settings.viewer)))
      return [.fetchArtifact(row.id)]
    }
    return []
  }

  /// Esc: up one drill level; at the top level, clears the focused pane's filter.
  private mutating func goBack() {
    guard let popped = levels.popLast() else {
      if !filter(of: focus).isEmpty { change(focus, .setFilter("")) }
      return
    }
    switch popped {
    case .run: focus = .runs
    case .task: focus = .tasks
    }
  }

  func refreshPolls() -> [Effect] {
    // After a refused login the reader answers from memory until its retry time; `r` means now.
    let reconnect: [Effect] = isRefused ? [.reconnectNow] : []
    return reconnect + (isPaused ? fetchAllOnce() : [.refreshPolls])
  }

  /// `d`: the focused task's page on the tasks pane; anywhere else the run the detail panes
  /// show (the selected or drilled run).
  private mutating func openPage() {
    if focus == .tasks {
      if let row = tasks.selectedRow { showPage(.task(row.id)) }
      return
    }
    let run = focus == .runs ? runs.selectedRow?.id : nil
    if let id = run ?? drilledRunID ?? runs.selectedRow?.id { showPage(.run(id)) }
  }

  /// Opens the run document in view in the viewer, which reads it in windows to its end
  /// (the page holds only its head).
  private mutating func openDocument(rows: Int) {
    guard let page, case .run(let runID) = page.subject, let (document, length) = page.documentInView(rows: rows)
    else { return }
    let subject = ViewerSubject.document(document, runID: runID, title: page.title, length: length)
    push(.viewer(ViewerState(subject: subject, config: settings.viewer)))
  }

  private mutating func changeInterval(faster: Bool) -> [Effect] {
    let steps = settings.intervalSteps
    let next = faster ? steps.last { $0 < interval } : steps.first { $0 > interval }
    guard let next else { return [] }
    interval = next
    return scheduleEffects
  }
}
