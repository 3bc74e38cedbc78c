import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// `e`: the config file's environments, and the request to switch that the loop carries out.
@Suite struct EnvironmentSwitchTests {
  static let choices = [
    EnvironmentChoice(name: "development", target: "sqlite:dev.sqlite"),
    EnvironmentChoice(name: "staging", target: "postgres://ops:****@staging/agents"),
    EnvironmentChoice(name: "production", target: "host=${DB_HOST} dbname=agents"),
  ]

  static func driver(current: String? = "development") -> DashboardDriver {
    DashboardDriver(settings: AppSettings(environments: choices, environmentName: current))
  }

  @Test func eListsTheEnvironmentsWithTheCursorOnTheOneInUse() {
    var driver = Self.driver(current: "staging")
    driver.press(.openEnvironments)
    #expect(driver.state.inputMode == .environments)
    #expect(driver.state.environmentPicker?.choices == Self.choices)
    #expect(driver.state.environmentPicker?.selection?.name == "staging")
    // The list takes the keys: motion moves its cursor, not the panes'.
    let tasksSelection = driver.state.tasks.selectedID
    driver.press(.moveDown, .moveDown, .moveDown)
    #expect(driver.state.environmentPicker?.selection?.name == "production")
    driver.press(.home)
    #expect(driver.state.environmentPicker?.selection?.name == "development")
    #expect(driver.state.tasks.selectedID == tasksSelection)
  }

  @Test func enterOnAnotherEnvironmentRequestsTheSwitchAndEscOnlyCloses() {
    var driver = Self.driver()
    driver.press(.openEnvironments, .moveDown, .back)
    #expect(driver.state.environmentPicker == nil)
    #expect(driver.state.requestedEnvironment == nil)
    #expect(driver.state.inputMode == .panes)

    driver.press(.openEnvironments, .moveDown, .drillIn)
    #expect(driver.state.environmentPicker == nil)
    #expect(driver.state.requestedEnvironment == "staging")
    #expect(driver.state.hint == "opening staging…")
  }

  @Test func enterOnTheEnvironmentInUseChangesNothing() {
    var driver = Self.driver()
    driver.press(.openEnvironments, .drillIn)
    #expect(driver.state.requestedEnvironment == nil)
    #expect(driver.state.environmentPicker == nil)
  }

  @Test func aFailedSwitchKeepsTheDashboardAndSaysWhy() {
    var driver = Self.driver()
    driver.press(.openEnvironments, .end, .drillIn)
    #expect(driver.state.requestedEnvironment == "production")
    driver.send(.environmentFailed(name: "production", reason: "${DB_HOST} is not set in the environment"))
    #expect(driver.state.requestedEnvironment == nil)
    #expect(driver.state.hint == "cannot switch to production: ${DB_HOST} is not set in the environment")
  }

  @Test func withoutAConfigFileEOnlyHints() {
    var driver = DashboardDriver()
    driver.press(.openEnvironments)
    #expect(driver.state.environmentPicker == nil)
    #expect(driver.state.inputMode == .panes)
    #expect(driver.state.hint?.contains("taskdash config init") == true)
  }

  @Test func qQuitsFromTheList() {
    var driver = Self.driver()
    driver.press(.openEnvironments)
    #expect(driver.press(.quit) == [.quit])
    #expect(driver.state.isQuitting)
  }

  @Test func theConfiguredSortsAreThePanesFirstOrders() {
    let sorts = PaneSorts(tasks: .name, runs: .duration, metrics: .recent, artifacts: .size)
    let state = AppState(settings: AppSettings(initialSorts: sorts), now: t0)
    #expect(state.tasks.sort == .name)
    #expect(state.runs.sort == .duration)
    #expect(state.metrics.sort == .recent)
    #expect(state.artifacts.sort == .size)
  }
}
