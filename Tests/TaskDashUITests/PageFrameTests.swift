import Foundation
import TaskDashModel
import Testing

@testable import TaskDashUI

/// A run's and a task's own page, at the smallest supported terminal and a roomy one.
@Suite struct PageFrameTests {
  @Test func aFailedRunShowsItsWholeErrorWrappedThenItsDetailsAt80By24() {
    #expect(
      Scenes.failedRunPage(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis #11                                                    ",
        " Run: market-analysis #11 wrap                                              55% ",
        " market-analysis · run #11 · failed                                             ",
        " Status        failed                                                           ",
        " Started       2026-11-25T09:50:00Z  (10m06s ago)                               ",
        " Completed     2026-11-25T09:52:05Z  (8m00s ago)                                ",
        " Duration      2m05s                                                            ",
        " Updated       2026-11-25T09:50:00Z  (10m06s ago)                               ",
        " Run id        00000000-0000-0000-0000-000000001011                             ",
        " Error message                                                                  ",
        "   rate limited by provider (429): the provider refused 3 requests in a row     ",
        "   while fetching prices for the quarter; the run gave up after its retry budget",
        "   of 120 seconds. Last response: {\"error\":\"too many                            ",
        "   requests\",\"retry_after_s\":30}                                                ",
        " Error details                                                                  ",
        "   {                                                                            ",
        "     \"provider\": \"openai\",                                                      ",
        "     \"http_status\": 429,                                                        ",
        "     \"retry_after_s\": 30,                                                       ",
        "     \"request\": {                                                               ",
        "       \"model\": \"large\"                                                         ",
        "     }                                                                          ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit         ",
      ]
    )
  }

  @Test func aFailedRunShowsItsWholeErrorWrappedThenItsDetailsAt120By40() {
    #expect(
      Scenes.failedRunPage(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis #11                                                                                            ",
        " Run: market-analysis #11 wrap                                                                                     100% ",
        " market-analysis · run #11 · failed                                                                                     ",
        " Status        failed                                                                                                   ",
        " Started       2026-11-25T09:50:00Z  (10m06s ago)                                                                       ",
        " Completed     2026-11-25T09:52:05Z  (8m00s ago)                                                                        ",
        " Duration      2m05s                                                                                                    ",
        " Updated       2026-11-25T09:50:00Z  (10m06s ago)                                                                       ",
        " Run id        00000000-0000-0000-0000-000000001011                                                                     ",
        " Error message                                                                                                          ",
        "   rate limited by provider (429): the provider refused 3 requests in a row while fetching prices for the quarter; the  ",
        "   run gave up after its retry budget of 120 seconds. Last response: {\"error\":\"too many requests\",\"retry_after_s\":30}   ",
        " Error details                                                                                                          ",
        "   {                                                                                                                    ",
        "     \"provider\": \"openai\",                                                                                              ",
        "     \"http_status\": 429,                                                                                                ",
        "     \"retry_after_s\": 30,                                                                                               ",
        "     \"request\": {                                                                                                       ",
        "       \"model\": \"large\"                                                                                                 ",
        "     }                                                                                                                  ",
        "   }                                                                                                                    ",
        " Plan                                                                                                                   ",
        "   {                                                                                                                    ",
        "     \"steps\": [                                                                                                         ",
        "       \"fetch prices\"                                                                                                   ",
        "     ]                                                                                                                  ",
        "   }                                                                                                                    ",
        " Results                                                                                                                ",
        "   none                                                                                                                 ",
        " Metrics (4)                                                                                                            ",
        "   cost         0.13 usd                                                                                                ",
        "   latency_p95  850 ms                                                                                                  ",
        "   tokens_in    25.1k tok                                                                                               ",
        "   tool_calls   6                                                                                                       ",
        " Artifacts (4)                                                                                                          ",
        "   summary.md    report  139 B                                                                                          ",
        "   result.json   data     99 B                                                                                          ",
        "   agent.log     log     252 B                                                                                          ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit                                                 ",
      ]
    )
  }

  @Test func aRunningRunShowsItsDurationGrowingAndItsPlanAt80By24() {
    #expect(
      Scenes.runPage(12, 80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis #12                                                    ",
        " Run: market-analysis #12 wrap                                              64% ",
        " market-analysis · run #12 · running                                            ",
        " Status        running                                                          ",
        " Started       2026-11-25T09:59:18Z  (48s ago)                                  ",
        " Completed     -                                                                ",
        " Duration      48s so far                                                       ",
        " Updated       2026-11-25T09:59:18Z  (48s ago)                                  ",
        " Run id        00000000-0000-0000-0000-000000001012                             ",
        " Error message                                                                  ",
        "   none                                                                         ",
        " Error details                                                                  ",
        "   none                                                                         ",
        " Plan                                                                           ",
        "   {                                                                            ",
        "     \"steps\": [                                                                 ",
        "       \"fetch prices\",                                                          ",
        "       \"compare\"                                                                ",
        "     ],                                                                         ",
        "     \"budget_usd\": 2                                                            ",
        "   }                                                                            ",
        " Results                                                                        ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit         ",
      ]
    )
  }

  @Test func aRunningRunShowsItsDurationGrowingAndItsPlanAt120By40() {
    #expect(
      Scenes.runPage(12, 120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis #12                                                                                            ",
        " Run: market-analysis #12 wrap                                                                                     100% ",
        " market-analysis · run #12 · running                                                                                    ",
        " Status        running                                                                                                  ",
        " Started       2026-11-25T09:59:18Z  (48s ago)                                                                          ",
        " Completed     -                                                                                                        ",
        " Duration      48s so far                                                                                               ",
        " Updated       2026-11-25T09:59:18Z  (48s ago)                                                                          ",
        " Run id        00000000-0000-0000-0000-000000001012                                                                     ",
        " Error message                                                                                                          ",
        "   none                                                                                                                 ",
        " Error details                                                                                                          ",
        "   none                                                                                                                 ",
        " Plan                                                                                                                   ",
        "   {                                                                                                                    ",
        "     \"steps\": [                                                                                                         ",
        "       \"fetch prices\",                                                                                                  ",
        "       \"compare\"                                                                                                        ",
        "     ],                                                                                                                 ",
        "     \"budget_usd\": 2                                                                                                    ",
        "   }                                                                                                                    ",
        " Results                                                                                                                ",
        "   none                                                                                                                 ",
        " Metrics (4)                                                                                                            ",
        "   cost         0.13 usd                                                                                                ",
        "   latency_p95  850 ms                                                                                                  ",
        "   tokens_in    25.1k tok                                                                                               ",
        "   tool_calls   6                                                                                                       ",
        " Artifacts (4)                                                                                                          ",
        "   summary.md    report  139 B                                                                                          ",
        "   result.json   data     99 B                                                                                          ",
        "   agent.log     log     252 B                                                                                          ",
        "   snapshot.bin  other    40 B                                                                                          ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit                                                 ",
      ]
    )
  }

  @Test func aRunWithNoDocumentsSaysSoAt80By24() {
    #expect(
      Scenes.runPage(5, 80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › data-pipeline #5                                                       ",
        " Run: data-pipeline #5 wrap                                                 80% ",
        " data-pipeline · run #5 · timeout                                               ",
        " Status        timeout                                                          ",
        " Started       2026-11-25T07:55:00Z  (2h05m ago)                                ",
        " Completed     2026-11-25T08:55:00Z  (1h05m ago)                                ",
        " Duration      1h00m                                                            ",
        " Updated       2026-11-25T07:55:00Z  (2h05m ago)                                ",
        " Run id        00000000-0000-0000-0000-000000001005                             ",
        " Error message                                                                  ",
        "   deadline exceeded                                                            ",
        " Error details                                                                  ",
        "   none                                                                         ",
        " Plan                                                                           ",
        "   none                                                                         ",
        " Results                                                                        ",
        "   none                                                                         ",
        " Metrics (4)                                                                    ",
        "   cost         0.13 usd                                                        ",
        "   latency_p95  850 ms                                                          ",
        "   tokens_in    25.1k tok                                                       ",
        "   tool_calls   6                                                               ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit         ",
      ]
    )
  }

  @Test func aRunWithNoDocumentsSaysSoAt120By40() {
    #expect(
      Scenes.runPage(5, 120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › data-pipeline #5                                                                                               ",
        " Run: data-pipeline #5 wrap                                                                                        100% ",
        " data-pipeline · run #5 · timeout                                                                                       ",
        " Status        timeout                                                                                                  ",
        " Started       2026-11-25T07:55:00Z  (2h05m ago)                                                                        ",
        " Completed     2026-11-25T08:55:00Z  (1h05m ago)                                                                        ",
        " Duration      1h00m                                                                                                    ",
        " Updated       2026-11-25T07:55:00Z  (2h05m ago)                                                                        ",
        " Run id        00000000-0000-0000-0000-000000001005                                                                     ",
        " Error message                                                                                                          ",
        "   deadline exceeded                                                                                                    ",
        " Error details                                                                                                          ",
        "   none                                                                                                                 ",
        " Plan                                                                                                                   ",
        "   none                                                                                                                 ",
        " Results                                                                                                                ",
        "   none                                                                                                                 ",
        " Metrics (4)                                                                                                            ",
        "   cost         0.13 usd                                                                                                ",
        "   latency_p95  850 ms                                                                                                  ",
        "   tokens_in    25.1k tok                                                                                               ",
        "   tool_calls   6                                                                                                       ",
        " Artifacts (4)                                                                                                          ",
        "   summary.md    report  139 B                                                                                          ",
        "   result.json   data     99 B                                                                                          ",
        "   agent.log     log     252 B                                                                                          ",
        "   snapshot.bin  other    40 B                                                                                          ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit                                                 ",
      ]
    )
  }

  @Test func aTaskWithCompletedRunsShowsItsDurationPercentilesAt80By24() {
    #expect(
      Scenes.taskPage(2, 80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › code-review                                                            ",
        " Task: code-review wrap                                                     86% ",
        " code-review · completed                                                        ",
        " Status        completed                                                        ",
        " Max rounds    -                                                                ",
        " Memory size   -                                                                ",
        " Created       2026-11-24T10:00:00Z  (1d00h ago)                                ",
        " Updated       2026-11-25T09:59:00Z  (1m06s ago)                                ",
        " Runs          1 total · 1 ok · 0 failed                                        ",
        " Success rate  100%                                                             ",
        " Running now   0                                                                ",
        " Task id       00000000-0000-0000-0000-000000000002                             ",
        " Description                                                                    ",
        "   none                                                                         ",
        " Config                                                                         ",
        "   {}                                                                           ",
        " Runs by status                                                                 ",
        "   completed   1                                                                ",
        " Duration of completed runs                                                     ",
        " p50           1m01s                                                            ",
        " p95           1m01s                                                            ",
        " max           1m01s                                                            ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit         ",
      ]
    )
  }

  @Test func aTaskWithCompletedRunsShowsItsDurationPercentilesAt120By40() {
    #expect(
      Scenes.taskPage(2, 120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › code-review                                                                                                    ",
        " Task: code-review wrap                                                                                            100% ",
        " code-review · completed                                                                                                ",
        " Status        completed                                                                                                ",
        " Max rounds    -                                                                                                        ",
        " Memory size   -                                                                                                        ",
        " Created       2026-11-24T10:00:00Z  (1d00h ago)                                                                        ",
        " Updated       2026-11-25T09:59:00Z  (1m06s ago)                                                                        ",
        " Runs          1 total · 1 ok · 0 failed                                                                                ",
        " Success rate  100%                                                                                                     ",
        " Running now   0                                                                                                        ",
        " Task id       00000000-0000-0000-0000-000000000002                                                                     ",
        " Description                                                                                                            ",
        "   none                                                                                                                 ",
        " Config                                                                                                                 ",
        "   {}                                                                                                                   ",
        " Runs by status                                                                                                         ",
        "   completed   1                                                                                                        ",
        " Duration of completed runs                                                                                             ",
        " p50           1m01s                                                                                                    ",
        " p95           1m01s                                                                                                    ",
        " max           1m01s                                                                                                    ",
        "   of the newest completed run                                                                                          ",
        " Latest failure                                                                                                         ",
        "   none                                                                                                                 ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit                                                 ",
      ]
    )
  }

  @Test func aTaskWithNoCompletedRunsShowsItsLatestFailureAt80By24() {
    #expect(
      Scenes.taskPage(1, 80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis                                                        ",
        " Task: market-analysis wrap                                                 86% ",
        " market-analysis · running                                                      ",
        " Status        running                                                          ",
        " Max rounds    -                                                                ",
        " Memory size   -                                                                ",
        " Created       2026-11-24T10:00:00Z  (1d00h ago)                                ",
        " Updated       2026-11-25T09:59:00Z  (1m06s ago)                                ",
        " Runs          2 total · 0 ok · 1 failed                                        ",
        " Success rate  0%                                                               ",
        " Running now   1                                                                ",
        " Task id       00000000-0000-0000-0000-000000000001                             ",
        " Description                                                                    ",
        "   none                                                                         ",
        " Config                                                                         ",
        "   {}                                                                           ",
        " Runs by status                                                                 ",
        "   failed      1                                                                ",
        "   running     1                                                                ",
        " Duration of completed runs                                                     ",
        "   no completed runs                                                            ",
        " Latest failure                                                                 ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit         ",
      ]
    )
  }

  @Test func aTaskWithNoCompletedRunsShowsItsLatestFailureAt120By40() {
    #expect(
      Scenes.taskPage(1, 120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis                                                                                                ",
        " Task: market-analysis wrap                                                                                        100% ",
        " market-analysis · running                                                                                              ",
        " Status        running                                                                                                  ",
        " Max rounds    -                                                                                                        ",
        " Memory size   -                                                                                                        ",
        " Created       2026-11-24T10:00:00Z  (1d00h ago)                                                                        ",
        " Updated       2026-11-25T09:59:00Z  (1m06s ago)                                                                        ",
        " Runs          2 total · 0 ok · 1 failed                                                                                ",
        " Success rate  0%                                                                                                       ",
        " Running now   1                                                                                                        ",
        " Task id       00000000-0000-0000-0000-000000000001                                                                     ",
        " Description                                                                                                            ",
        "   none                                                                                                                 ",
        " Config                                                                                                                 ",
        "   {}                                                                                                                   ",
        " Runs by status                                                                                                         ",
        "   failed      1                                                                                                        ",
        "   running     1                                                                                                        ",
        " Duration of completed runs                                                                                             ",
        "   no completed runs                                                                                                    ",
        " Latest failure                                                                                                         ",
        " Run           #11 · failed                                                                                             ",
        " Completed     2026-11-25T09:52:05Z  (8m00s ago)                                                                        ",
        "   rate limited by provider (429)                                                                                       ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        " Enter open  Esc back  / search  w wrap  [ prev  ] next  ? help  q quit                                                 ",
      ]
    )
  }

  @Test func afterGTheLastLineIsAtTheBottomThoughWrappedLinesAboveItTakeSeveralRows() {
    var dashboard = Scenes.failedRunPage(80, 24)
    dashboard.press(.end)
    #expect(dashboard.state.page?.atEnd == true)
    var rows = dashboard.rows
    #expect(rows[rows.count - 2].contains("snapshot.bin"), "the last line sits above the key bar")
    dashboard.press(.moveUp)
    #expect(dashboard.state.page?.atEnd == false)
    rows = dashboard.rows
    #expect(!rows[rows.count - 2].contains("snapshot.bin"))
  }

  @Test func afterGALineTallerThanTheRowsLeftShowsItsEndAtTheTopSoNoRowStaysBlank() {
    // Results of 10 MB whose head is one JSON line of zeros: pieces of 1,024 characters, 14
    // rows each at 80 columns, taller than what is left above the metrics and artifacts.
    let head = "{\"blob\": \"" + String(repeating: "0", count: 3_000)
    var dashboard = Scenes.runPage(11, 80, 24) { page in
      page.results = DocumentHead(text: head, byteCount: 10 << 20)
    }
    dashboard.press(.end)
    let rows = dashboard.rows
    let body = rows[3..<(rows.count - 1)]
    #expect(body.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "no blank row: \(body)")
    #expect(body.first?.contains("0000") == true, "the top row is the end of a piece of the results")
    #expect(rows[rows.count - 2].contains("snapshot.bin"), "the last line sits above the key bar")
    #expect(body.contains { $0.contains("Enter reads it all") })
  }
}
