// MARK: - The screen stack

extension AppState {
  /// Puts `screen` on top; it takes the keys until it is popped.
  mutating func push(_ screen: Screen) {
    stack.append(screen)
  }

  /// Puts `subject`'s page on top, as `d` does on its row (and `snapshot --run` to start on it).
  public mutating func showPage(_ subject: PageSubject) {
    push(.page(PageState(subject: subject)))
  }

  /// Takes the top screen off (Esc); the panes are never popped.
  mutating func pop() {
    _ = stack.popLast()
  }

  /// Changes the viewer in view, if there is one.
  mutating func updateViewer(_ change: (inout ViewerState) -> Void) {
    guard let index = stack.lastIndex(where: { $0 != .help }), case .viewer(var viewer) = stack[index] else { return }
    change(&viewer)
    stack[index] = .viewer(viewer)
  }

  /// Changes the page in view, if there is one.
  mutating func updatePage(_ change: (inout PageState) -> Void) {
    guard let index = stack.lastIndex(where: { $0 != .help }), case .page(var page) = stack[index] else { return }
    change(&page)
    stack[index] = .page(page)
  }

  /// Changes the comparison in view, if there is one.
  mutating func updateCompare(_ change: (inout CompareState) -> Void) {
    guard let index = stack.lastIndex(where: { $0 != .help }), case .compare(var compare) = stack[index] else {
      return
    }
    change(&compare)
    stack[index] = .compare(compare)
  }

  /// The comparison in view (under help, if that is open).
  public var comparison: CompareState? {
    if case .compare(let compare) = screenInView { return compare }
    return nil
  }

  /// The slots the screen in view shows: the panes' four, a page's one, or none for the viewer
  /// (it reads its content in windows); the header's health probe and the alerts' watch always.
  var slotsInView: Set<PollSlot> {
    // Alerts watch whatever screen is in view.
    let always: Set<PollSlot> = alerts.isOn ? [.health, .watch] : [.health]
    let screen: Set<PollSlot> =
      switch screenInView {
      case nil: [.tasks, .runs, .metrics, .artifacts]
      case .page: [.page]
      case .viewer, .help: []
      case .chart: [.chart, .chartOverlay]
      case .triage: [.triage]
      case .failureRuns: [.failureRuns]
      case .compare: [.compare]
      }
    return always.union(screen)
  }

  /// The request of the page in view, if any.
  var desiredPageRequest: PollRequest? {
    switch page?.subject {
    case .run(let id): .runPage(id: id, documentLimit: settings.pageDocumentLimit)
    case .task(let id): .taskPage(id: id, durationRuns: settings.pageDurationRuns)
    case nil: nil
    }
  }
}
