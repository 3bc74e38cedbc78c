import Foundation
import TaskDashModel
import TaskDashViewModel
import TerminalUI
import Testing

@testable import TaskDashUI

/// Failure triage and a group's runs at the smallest supported terminal and a roomy one. The
/// selected group's newest message carries escape sequences, a bidi override and a line break:
/// they show as marks, and the line break starts a new line of the example.
@Suite struct TriageFrameTests {
  @Test func triageListsTheGroupsAndTheSelectedOnesTasksAndNewestMessageAt80By24() {
    #expect(
      TriageScenes.triage(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › Failures                                                               ",
        " Failures · last 24 hours  1,223 failures · 3 patterns                 t window ",
        " COUNT PATTERN                                               TASKS  FIRST   LAST",
        " 1,204 rate limited by provider (#): retry after #s              4 22h13m    48s",
        "    17 tool '…' wrote \"…\" at <hex>                               1  2h05m 10m06s",
        "     2 (no error message)                                        1  1h00m 50m06s",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "┌ newest example · first 69 of 5,000 characters ───────────────────────────────┐",
        "│ tasks  evil\\x1b]0;owned\\x07\\x1b[2Jname                                       │",
        "│ seen   17 times, first 2h05m ago, last 10m06s ago                            │",
        "│ tool 'shell' wrote \"\\x1b]0;owned\\x07\\x1b[2J\" at 0xdeadbeef                   │",
        "│ next: bidi<U+202E>exe.txt<U+202C>                                            │",
        "│                                                                              │",
        "│                                                                              │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " Enter open  Esc back  t window  r refresh  ? help  q quit                      ",
      ]
    )
  }

  @Test func triageListsTheGroupsAndTheSelectedOnesTasksAndNewestMessageAt120By40() {
    #expect(
      TriageScenes.triage(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › Failures                                                                                                       ",
        " Failures · last 24 hours  1,223 failures · 3 patterns                                                         t window ",
        " COUNT PATTERN                                                                                       TASKS  FIRST   LAST",
        " 1,204 rate limited by provider (#): retry after #s                                                      4 22h13m    48s",
        "    17 tool '…' wrote \"…\" at <hex>                                                                       1  2h05m 10m06s",
        "     2 (no error message)                                                                                1  1h00m 50m06s",
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
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "┌ newest example · first 69 of 5,000 characters ───────────────────────────────────────────────────────────────────────┐",
        "│ tasks  evil\\x1b]0;owned\\x07\\x1b[2Jname                                                                               │",
        "│ seen   17 times, first 2h05m ago, last 10m06s ago                                                                    │",
        "│ tool 'shell' wrote \"\\x1b]0;owned\\x07\\x1b[2J\" at 0xdeadbeef                                                           │",
        "│ next: bidi<U+202E>exe.txt<U+202C>                                                                                    │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
        " Enter open  Esc back  t window  r refresh  ? help  q quit                                                              ",
      ]
    )
  }

  @Test func aGroupsRunsListNewestFirstWithTheSelectedRunsMessageAt80By24() {
    #expect(
      TriageScenes.runs(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › Failures › rate limited by provider (#): r…                            ",
        " Runs newest 2 of 1,204 · last 24 hours  rate limited by provider (#): retry af…",
        "  RUN TASK                   STATUS       STARTED    TIME ERROR                 ",
        "  #11 market-analysis        ✗ failed      10m06s   2m05s rate limited by provi…",
        "   #5 data-pipeline          ⧗ timeout      2h05m   1h00m rate limited by provi…",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "┌ error message · Enter opens the run's page ──────────────────────────────────┐",
        "│ run    market-analysis #11  failed  10m06s ago                               │",
        "│ rate limited by provider (429): retry after 30s                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " Enter open  Esc back  r refresh  ? help  q quit                                ",
      ]
    )
  }

  @Test func aGroupsRunsListNewestFirstWithTheSelectedRunsMessageAt120By40() {
    #expect(
      TriageScenes.runs(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › Failures › rate limited by provider (#): r…                                                                    ",
        " Runs newest 2 of 1,204 · last 24 hours  rate limited by provider (#): retry after #s                                   ",
        "  RUN TASK                               STATUS       STARTED    TIME ERROR                                             ",
        "  #11 market-analysis                    ✗ failed      10m06s   2m05s rate limited by provider (429): retry after 30s   ",
        "   #5 data-pipeline                      ⧗ timeout      2h05m   1h00m rate limited by provider (503): retry after 120s  ",
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
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "┌ error message · Enter opens the run's page ──────────────────────────────────────────────────────────────────────────┐",
        "│ run    market-analysis #11  failed  10m06s ago                                                                       │",
        "│ rate limited by provider (429): retry after 30s                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "│                                                                                                                      │",
        "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
        " Enter open  Esc back  r refresh  ? help  q quit                                                                        ",
      ]
    )
  }

  @Test func aCappedReadSaysItShowsTheNewestFailuresOnly() {
    let rows = TriageScenes.triage(80, 24, failures: 10_000).rows
    #expect(rows[2] == " Failures · last 24 hours  newest 10,000 failures · 3 patterns         t window ")
  }

  @Test(arguments: [(80, 24), (120, 40), (60, 16), (200, 50)])
  func everyTriageFrameIsSoundWhateverTheMessages(_ size: (Int, Int)) {
    for scene in [TriageScenes.triage(size.0, size.1), TriageScenes.runs(size.0, size.1)] {
      #expect(FrameCheck.problems(in: scene.buffer()).isEmpty)
    }
  }
}
