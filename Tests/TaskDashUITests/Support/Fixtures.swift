import Foundation
import TaskDashModel
import TaskDashTestSupport

// MARK: - The demo data on every frame

/// Four tasks in different states.
let sampleTasks = [
  taskRow(1, "market-analysis", status: .running, runs: (12, 9, 2), runningNow: 1, lastRun: at(-42)),
  taskRow(2, "code-review", status: .completed, runs: (30, 28, 2), lastRun: at(-187)),
  taskRow(3, "data-pipeline", status: .failed, runs: (5, 2, 3), lastRun: at(-7_500)),
  taskRow(4, "doc-writer", status: .pending),
]

/// Runs of those tasks, newest first: one running, one failed, one finished, one timed out.
let sampleRuns = [
  runRow(12, task: 1, taskName: "market-analysis", runNumber: 12, status: .running, started: at(-42)),
  runRow(
    11, task: 1, taskName: "market-analysis", runNumber: 11, status: .failed, started: at(-600), duration: 125.5,
    error: "rate limited by provider (429)"),
  runRow(30, task: 2, taskName: "code-review", runNumber: 30, status: .completed, started: at(-187), duration: 61),
  runRow(
    5, task: 3, taskName: "data-pipeline", runNumber: 5, status: .timeout, started: at(-7_500), duration: 3_600,
    error: "deadline exceeded"),
]

/// The runs of `market-analysis` alone (what the runs pane shows after drilling into it).
let marketRuns = Array(sampleRuns.prefix(2))

/// The metrics of run #12.
let sampleMetrics = [
  series("cost", unit: "usd", [0.01, 0.02, 0.04, 0.05, 0.08, 0.11, 0.13]),
  series("latency_p95", unit: "ms", [820, 640, 910, 1_200, 760, 700, 850]),
  series("tokens_in", unit: "tok", [1_200, 5_400, 9_800, 15_100, 18_000, 22_300, 25_050], type: .counter),
  series("tool_calls", unit: nil, [0, 1, 1, 3, 4, 4, 6], type: .counter),
]

/// The artifacts of run #12, one of each kind the viewer handles.
let sampleArtifacts = [
  artifactRow(1, name: "summary.md", type: .report, length: Int64(markdownText.utf8.count), created: at(-30)),
  artifactRow(2, name: "result.json", type: .data, length: Int64(jsonText.utf8.count), created: at(-35)),
  artifactRow(3, name: "agent.log", type: .log, length: Int64(logText.utf8.count), created: at(-40)),
  artifactRow(4, name: "snapshot.bin", type: .other, length: Int64(binaryContent.count), created: at(-41)),
]

// MARK: - Artifact contents

let markdownText = """
  # Market analysis

  Demand grew **12%** in the quarter.

  - tokens: 25k
  - cost: $0.13

  ```sh
  taskdash snapshot
  ```
  > checked by the reviewer

  """

let jsonText = #"{"status":"ok","score":0.93,"tags":["fast","cheap"],"detail":{"rounds":3,"final":true,"note":null}}"#

let logText = """
  2026-11-25 09:59:18.120 INFO  starting run #12
  2026-11-25 09:59:19.004 DEBUG loaded 3 tools
  2026-11-25 09:59:40.511 WARN  slow response from provider (2.1s)
  2026-11-25 09:59:58.002 ERROR tool call failed: timeout
  2026-11-25 10:00:00.000 INFO  retrying

  """

/// 40 bytes starting like a zip file, with a NUL near the start (so it opens as hex).
let binaryContent: [UInt8] =
  [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] + Array("hello, world".utf8)
  + (0..<20).map { UInt8($0 * 13 % 256) }
