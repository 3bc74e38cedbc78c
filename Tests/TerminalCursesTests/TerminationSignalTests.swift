import Glibc
import Testing

@testable import TerminalCurses

@Suite struct TerminationSignalTests {
  @Test func exitStatusesAreWhatAShellReportsForTheSignal() {
    #expect(TerminationSignal.interrupt.exitStatus == 130)
    #expect(TerminationSignal.terminate.exitStatus == 143)
    #expect(TerminationSignal.hangup.exitStatus == 129)
    #expect(TerminationSignal.quit.exitStatus == 131)
  }

  @Test func rawValuesAreTheSignalNumbers() {
    #expect(TerminationSignal(rawValue: SIGINT) == .interrupt)
    #expect(TerminationSignal(rawValue: SIGTERM) == .terminate)
    #expect(TerminationSignal(rawValue: SIGHUP) == .hangup)
    #expect(TerminationSignal(rawValue: SIGQUIT) == .quit)
    #expect(TerminationSignal(rawValue: 0) == nil)
  }
}
