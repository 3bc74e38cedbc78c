import CNCurses

/// The process-wide guard that gives the terminal back on signals, crashes and `exit()`.
///
/// The state lives in one C struct that is allocated once and never freed, because signal
/// handlers and an `atexit` hook keep pointing at it. The handlers only set flags or write
/// precomputed bytes; the run loop acts on the flags from the main thread.
enum TerminalGuard {
  nonisolated(unsafe) private static let state: UnsafeMutablePointer<taskdash_guard> = {
    let pointer = UnsafeMutablePointer<taskdash_guard>.allocate(capacity: 1)
    pointer.initialize(to: taskdash_guard())
    return pointer
  }()

  /// Saves the terminal modes of `descriptor` and the bytes that leave curses mode, and
  /// clears the flags of any earlier session; true when the modes could be read.
  static func prepare(descriptor: Int32, leaveBytes: [UInt8]) -> Bool {
    state.pointee.termination_signal = 0
    state.pointee.suspend_requested = 0
    state.pointee.stopped_in_place = 0
    state.pointee.screen_active = 0
    _ = leaveBytes.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        taskdash_guard_set_leave_bytes(state, $0.baseAddress, $0.count)
      }
    }
    return taskdash_guard_save_termios(state, descriptor) == 0
  }

  /// Installs the signal handlers; call before `newterm`, so ncurses installs none of its own.
  static func install() -> Bool { taskdash_guard_install(state) == 0 }

  /// Puts back the signal dispositions found by `install`.
  static func uninstall() { taskdash_guard_uninstall(state) }

  /// Whether a crash or `exit()` must write the leave bytes and restore the modes.
  static var screenActive: Bool {
    get { taskdash_guard_screen_active(state) != 0 }
    set { taskdash_guard_set_screen_active(state, newValue ? 1 : 0) }
  }

  /// Sets the terminal modes back to the ones `prepare` saved.
  static func restoreModes() { _ = taskdash_guard_restore_termios(state) }

  /// The termination signal received since `prepare`, if any.
  static var terminationSignal: TerminationSignal? {
    TerminationSignal(rawValue: taskdash_guard_termination_signal(state))
  }

  /// Whether Ctrl-Z asked the run loop to suspend.
  static var suspendRequested: Bool { taskdash_guard_suspend_requested(state) != 0 }

  /// Whether the process was stopped by a handler, behind ncurses' back (reads and clears).
  static func takeStoppedInPlace() -> Bool { taskdash_guard_take_stopped_in_place(state) != 0 }

  /// Marks the suspend request as handled.
  static func clearSuspendRequest() { taskdash_guard_clear_suspend(state) }

  /// Stops the process as Ctrl-Z would; returns once it is continued.
  static func stopProcess() { taskdash_guard_stop_process() }
}
