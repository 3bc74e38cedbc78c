import ArgumentParser

/// The run states `snapshot --fail-on` asks about, given as a comma-separated list
/// (`failed,timeout,silent`).
struct FailOnStates: ExpressibleByArgument, Hashable, Sendable {
  /// A state a run of the snapshot's list can be in that a script wants to hear about.
  enum State: String, CaseIterable, Hashable, Sendable {
    case failed, timeout, cancelled, silent
  }

  /// The states asked about.
  let states: Set<State>

  /// Nil (a usage error, exit 64) for an empty list or a word that is not a state.
  init?(argument: String) {
    var states: Set<State> = []
    for word in argument.split(separator: ",", omittingEmptySubsequences: false) {
      guard let state = State(rawValue: word.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
      states.insert(state)
    }
    guard !states.isEmpty else { return nil }
    self.states = states
  }

  static var allValueStrings: [String] { State.allCases.map(\.rawValue) }

  /// The states asked about that `run` is in: its status, and whether it is silent.
  func matches(_ run: RunFields) -> [State] {
    State.allCases.filter { state in
      guard states.contains(state) else { return false }
      return state == .silent ? run.silent : run.status == state.rawValue
    }
  }
}
