// MARK: - Environments (`e`)

extension AppState {
  /// `e`: the list of environments, or a hint when there is no config file to list.
  mutating func openEnvironments() {
    guard !settings.environments.isEmpty else {
      hint = "no environments to switch to: taskdash config init writes a config file"
      return
    }
    environmentPicker = EnvironmentPicker(choices: settings.environments, current: settings.environmentName)
  }

  /// Keys while the list is open: move, Enter to switch, Esc to close.
  mutating func performInEnvironments(_ action: Action) -> [Effect] {
    switch action {
    case .moveUp: environmentPicker?.move(by: -1)
    case .moveDown: environmentPicker?.move(by: 1)
    case .home: environmentPicker?.move(toEnd: false)
    case .end: environmentPicker?.move(toEnd: true)
    case .drillIn:
      if let choice = environmentPicker?.selection, choice.name != settings.environmentName {
        requestedEnvironment = choice.name
        hint = "opening \(choice.name)…"
      }
      environmentPicker = nil
    case .back, .openEnvironments: environmentPicker = nil
    case .quit: return performGlobal(.quit)
    default: break
    }
    return []
  }

  /// The switch to `name` failed; this dashboard goes on as it was, and says why.
  mutating func failEnvironmentSwitch(to name: String, reason: String) {
    if requestedEnvironment == name { requestedEnvironment = nil }
    hint = "cannot switch to \(name): \(reason)"
  }
}
