/// Real-looking error messages of agent runs and the patterns they fold to: the specification
/// of `ErrorPattern.fold` by example, and what both stores must answer for each message.
enum ErrorPatternCorpus {
  /// A message and its pattern.
  struct Entry: Sendable, CustomStringConvertible {
    let message: String
    let pattern: String
    var description: String { message }
  }

  /// A message longer than the folded prefix: the stores fold its first
  /// `ErrorPattern.sourceLength` characters only.
  static let long =
    "RuntimeError: retry budget exhausted\n"
    + (1...120).map { "  frame \($0) at 0x7f00deadbe\($0 % 10)f in tool_\($0).py:\($0 * 7)" }.joined(separator: "\n")

  static let entries: [Entry] = [
    Entry(
      message: "Timeout after 300s waiting for tool call 'web_search'",
      pattern: "Timeout after #s waiting for tool call '…'"),
    Entry(message: "Task exceeded max duration of 1800.5 seconds", pattern: "Task exceeded max duration of # seconds"),
    Entry(
      message: "HTTP 503 Service Unavailable from https://api.example.com/v1/chat/completions",
      pattern: "HTTP # Service Unavailable from https://api.example.com/v#/chat/completions"),
    Entry(
      message: "HTTP 429 Too Many Requests: retry after 12 seconds (request id req_7f3a9c2b1d4e)",
      pattern: "HTTP # Too Many Requests: retry after # seconds (request id req_<hex>)"),
    Entry(
      message: "S3 upload failed for s3://agent-artifacts/runs/2026/12/04/run-000123/output.parquet: AccessDenied",
      pattern: "S# upload failed for s#://agent-artifacts/runs/#/#/#/run-#/output.parquet: AccessDenied"),
    Entry(
      message: "Request 123e4567-e89b-12d3-a456-426614174000 failed: upstream connect error",
      pattern: "Request <uuid> failed: upstream connect error"),
    Entry(
      message: "Request 123E4567-E89B-12D3-A456-426614174000x failed",
      pattern: "Request <hex>-E#B-#D#-A#-#x failed"),
    Entry(
      message:
        "Checksum mismatch: expected sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, "
        + "got 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      pattern: "Checksum mismatch: expected sha# <hex>, got <hex>"),
    Entry(
      message: "FileNotFoundError: [Errno 2] No such file or directory: '/srv/agent/workdir/plan_v3.json'",
      pattern: "FileNotFoundError: [Errno #] No such file or directory: '…'"),
    Entry(message: #"KeyError: "market_cap""#, pattern: #"KeyError: "…""#),
    Entry(
      message: """
        Traceback (most recent call last):
          File "/app/agent/tools.py", line 214, in run_tool
            result = tool(**args)
        ValueError: invalid literal for int() with base 10: 'abc'
        """,
      pattern: """
        Traceback (most recent call last):
          File "…", line #, in run_tool
            result = tool(**args)
        ValueError: invalid literal for int() with base #: '…'
        """),
    Entry(message: "Segmentation fault at address 0x7ffd5e8c3a10", pattern: "Segmentation fault at address <hex>"),
    Entry(message: "Bad flags 0X1F and 0xZZ", pattern: "Bad flags <hex> and #xZZ"),
    Entry(message: "Process exited with code -9 (SIGKILL)", pattern: "Process exited with code # (SIGKILL)"),
    Entry(
      message: "Out of memory: requested 2147483648 bytes, 512.0 MiB free",
      pattern: "Out of memory: requested # bytes, # MiB free"),
    Entry(
      message: "Rate limit exceeded for model gpt-4o-mini: 10000 tokens per min",
      pattern: "Rate limit exceeded for model gpt-#o-mini: # tokens per min"),
    Entry(message: "Temperature -0.25 is out of range [0, 2]", pattern: "Temperature # is out of range [#, #]"),
    Entry(
      message: "can't parse response: unexpected token '}' at position 1042",
      pattern: "can't parse response: unexpected token '…' at position #"),
    Entry(
      message: "Agent loop aborted after 25 rounds (max_rounds=25)",
      pattern: "Agent loop aborted after # rounds (max_rounds=#)"),
    Entry(message: "", pattern: ""),
    Entry(
      message: "Connection reset by peer\r\n\tat socket.recv (10.0.3.17:5432)",
      pattern: "Connection reset by peer\r\n\tat socket.recv (#.#:#)"),
    Entry(
      message: "tool output contained \u{1B}[31mANSI\u{1B}[0m escape at line 7\u{7}",
      pattern: "tool output contained \u{1B}[#mANSI\u{1B}[#m escape at line #\u{7}"),
    Entry(
      message: "Échec : le fichier « rapport_2026.pdf » est introuvable (code 404)",
      pattern: "Échec : le fichier « rapport_#.pdf » est introuvable (code #)"),
    Entry(
      message: "Deadline exceeded: elapsed=95.2s budget=90s", pattern: "Deadline exceeded: elapsed=#s budget=#s"),
    Entry(
      message: "json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 57 (char 56)",
      pattern: "json.decoder.JSONDecodeError: Expecting '…' delimiter: line # column # (char #)"),
    Entry(
      message: "Commit a1b2c3d is not an ancestor of deadbeefcafe1234",
      pattern: "Commit a#b#c#d is not an ancestor of <hex>"),
    Entry(
      message: "Worker worker-17 lost heartbeat after 3 missed pings",
      pattern: "Worker worker-# lost heartbeat after # missed pings"),
    Entry(message: #"Unbalanced "a 'b" c' quotes"#, pattern: #"Unbalanced "a '…' quotes"#),
    Entry(message: "Adjacent 'a''b' and it's 'ok'", pattern: "Adjacent '…''…' and it's '…'"),
    Entry(message: "Order 12345678901 rejected; facade deadbeef", pattern: "Order # rejected; facade <hex>"),
    Entry(message: "x=-3, y=a-3, z=--4 w=1.2.3 v=7.", pattern: "x=#, y=a-#, z=-# w=#.# v=#."),
    Entry(
      message: "🚀 deploy failed for build 2026.12.04-rc1 (工作流 7 失败)",
      pattern: "🚀 deploy failed for build #.#-rc# (工作流 # 失败)"),
    Entry(
      message: "Quote left open: 'never closed\nnext line 'x'", pattern: "Quote left open: 'never closed\nnext line '…'"
    ),
  ]
}
