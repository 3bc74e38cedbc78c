import Foundation
import TaskDashModel
import TaskDashStore

// MARK: - Failure triage on the stack

extension AppState {
  /// `E`: failure triage over the last 24 hours.
  mutating func openTriage() {
    push(.triage(TriageState(cap: settings.triageCap)))
  }

  /// The triage in view, if it is the screen in view.
  public var triage: TriageState? {
    if case .triage(let triage) = screenInView { return triage }
    return nil
  }

  /// The runs of a failure group, if they are the screen in view.
  public var failureRuns: FailureRunsState? {
    if case .failureRuns(let runs) = screenInView { return runs }
    return nil
  }

  mutating func performInTriage(_ action: Action) -> [Effect] {
    let rows = layout.listRows
    var moved = false
    updateTriage { moved = $0.groups.performMotion(action, height: rows) }
    if moved { return [] }
    switch action {
    case .cycleWindow: updateTriage { $0.cycleWindow() }
    case .drillIn:
      guard let triage, let group = triage.groups.selectedRow else { return [] }
      push(
        .failureRuns(FailureRunsState(group: group, window: triage.window, cap: triage.cap, page: settings.runLimit)))
    case .back: pop()
    case .refreshNow: return refreshPolls()
    default: return performGlobal(action)
    }
    return []
  }

  mutating func performInFailureRuns(_ action: Action) -> [Effect] {
    let rows = layout.listRows
    let page = settings.runLimit
    var moved = false
    updateFailureRuns { list in
      moved = list.runs.performMotion(action, height: rows)
      if moved { list.extendIfAtEnd(page: page) }
    }
    if moved { return [] }
    switch action {
    case .drillIn:
      if let run = failureRuns?.runs.selectedRow { showPage(.run(run.id)) }
    case .back: pop()
    case .refreshNow: return refreshPolls()
    default: return performGlobal(action)
    }
    return []
  }

  /// Changes the topmost triage on the stack, if there is one.
  mutating func updateTriage(_ change: (inout TriageState) -> Void) {
    guard let index = stack.lastIndex(where: { if case .triage = $0 { true } else { false } }),
      case .triage(var triage) = stack[index]
    else { return }
    change(&triage)
    stack[index] = .triage(triage)
  }

  /// Changes the topmost list of a group's runs on the stack, if there is one.
  mutating func updateFailureRuns(_ change: (inout FailureRunsState) -> Void) {
    guard let index = stack.lastIndex(where: { if case .failureRuns = $0 { true } else { false } }),
      case .failureRuns(var runs) = stack[index]
    else { return }
    change(&runs)
    stack[index] = .failureRuns(runs)
  }

  // MARK: - Polls

  /// The groups query of the topmost triage on the stack (polled only while it is in view).
  var desiredTriageRequest: PollRequest? {
    for screen in stack.reversed() {
      if case .triage(let triage) = screen { return .failureGroups(triage.query(limit: settings.triageGroupLimit)) }
    }
    return nil
  }

  /// The runs query of the topmost group's runs on the stack.
  var desiredFailureRunsRequest: PollRequest? {
    for screen in stack.reversed() {
      if case .failureRuns(let runs) = screen { return .failureRuns(runs.query) }
    }
    return nil
  }

  /// Takes in a triage read: the groups, or a group's runs.
  mutating func receiveTriage(_ value: PollValue, at date: Date) {
    let rows = layout.listRows
    switch value {
    case .failureGroups(_, let read): updateTriage { $0.receive(read, at: date, height: rows) }
    case .failureRuns(_, let runs):
      updateFailureRuns { $0.runs.setData($0.runs.data.receiving(runs, at: date), height: rows) }
    default: break
    }
  }

  /// A triage poll found its value unchanged (`failure` nil) or failed.
  mutating func settleTriage(_ slot: PollSlot, at date: Date, failure: LoadFailure?) {
    let rows = layout.listRows
    switch slot {
    case .triage:
      updateTriage { triage in
        let data = failure.map(triage.groups.data.failing) ?? triage.groups.data.confirming(at: date)
        triage.groups.setData(data, height: rows)
      }
    case .failureRuns:
      updateFailureRuns { list in
        let data = failure.map(list.runs.data.failing) ?? list.runs.data.confirming(at: date)
        list.runs.setData(data, height: rows)
      }
    default: break
    }
  }
}
