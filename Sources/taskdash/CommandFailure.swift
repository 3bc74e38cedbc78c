import ArgumentParser

/// Runs a command body so that any failure is one line on stderr and a non-zero exit, `status`
/// (1 unless a command gives 1 a meaning of its own).
///
/// Store and migration errors describe themselves without passwords; printing them here keeps
/// stack traces and Swift's error dumps off the operator's screen. A store error with a remedy
/// (a refused login) says on the same line what to check. A config file that cannot be used
/// ends the command with its own status (78, or 64 for an environment that is not there).
func reportingFailures<T>(status: Int32 = 1, _ body: () async throws -> T) async throws -> T {
  do {
    return try await body()
  } catch let error as ExitCode {
    throw error
  } catch let error as CleanExit {
    throw error
  } catch let error as ConfigError {
    ErrorLine.write(error.description)
    throw ExitCode(error.status)
  } catch {
    ErrorLine.write(ErrorLine.message(for: error))
    throw ExitCode(status)
  }
}
