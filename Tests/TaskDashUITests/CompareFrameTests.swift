import Foundation
import TaskDashModel
import Testing

@testable import TaskDashUI

/// A run comparison, at the smallest supported terminal and a roomy one.
@Suite struct CompareFrameTests {
  @Test func aComparisonShowsTheRunsSideBySideAt80By24() async {
    let dashboard = await Scenes.compare(80, 24)
    #expect(
      dashboard.rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis #11 ↔ #12                                              ",
        " Compare: market-analysis #11 ↔ #12 older ← → newer                         58% ",
        " Runs                                                                           ",
        " Run                 market-analysis #11   market-analysis #12                  ",
        " Status              failed                running               changed        ",
        " Started             2026-11-25T09:50:00Z  2026-11-25T09:59:18Z  +9m18s         ",
        " Completed           2026-11-25T09:52:05Z  -                                    ",
        " Duration            2m05s                 -                                    ",
        " Error               rate limited by prov… -                     changed        ",
        " Metrics                                                                        ",
        " cost (usd) last     0.07                  0.13                  +0.07 (+100%)  ",
        "   min               0.01                  0.01                  +0.01 (+100%)  ",
        "   max               0.07                  0.13                  +0.07 (+100%)  ",
        " latency_p95 (ms) l… 425                   850                   +425 (+100%)   ",
        "   min               320                   640                   +320 (+100%)   ",
        "   max               600                   1200                  +600 (+100%)   ",
        " tokens_in (tok) la… 12.5k                 25.1k                 +12.5k (+100%) ",
        "   min               600                   1200                  +600 (+100%)   ",
        "   max               12.5k                 25.1k                 +12.5k (+100%) ",
        " tool_calls          -                     last 6 min 0 max 6    only newer     ",
        " Artifacts                                                                      ",
        " agent.log           -                     252 B                 added          ",
        " j/↓ scroll  PgDn page  Esc back  r refresh  ? help  q quit                     ",
      ]
    )
  }

  /// Keys and values from the database pass the sanitizer: an escape sequence that would set
  /// the terminal's title and a bidi override show as marks.
  @Test func hostileKeysInTheDifferencesShowAsMarksAt80By24() async {
    let old = #"{"\u001b]0;pwned\u0007": 1, "\u202eevil": "a", "same": true}"#
    let new = #"{"\u001b]0;pwned\u0007": 2, "\u202eevil": "b", "same": true}"#
    var dashboard = await Scenes.compare(80, 24, results: (old, new))
    dashboard.press(.end)
    // The rows above are the sample comparison's, as the frames below show them whole.
    #expect(
      Array(dashboard.rows[15...19]) == [
        " Results                                                                        ",
        "   ~ $[\"\\x1b]0;pwned\\x07\"]                                                      ",
        "                     1                     2                                    ",
        "   ~ $[\"<U+202E>evil\"]                                                          ",
        "                     \"a\"                   \"b\"                                  ",
      ]
    )
    #expect(FrameCheck.problems(in: dashboard.buffer()) == [])
  }

  @Test func aComparisonShowsTheRunsSideBySideAt120By40() async {
    let dashboard = await Scenes.compare(120, 40)
    #expect(
      dashboard.rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 1s ago  live every 1s ",
        " Tasks › market-analysis #11 ↔ #12                                                                                      ",
        " Compare: market-analysis #11 ↔ #12 older ← → newer                                                                100% ",
        " Runs                                                                                                                   ",
        " Run                          market-analysis #11                  market-analysis #12                                  ",
        " Status                       failed                               running                              changed         ",
        " Started                      2026-11-25T09:50:00Z                 2026-11-25T09:59:18Z                 +9m18s          ",
        " Completed                    2026-11-25T09:52:05Z                 -                                                    ",
        " Duration                     2m05s                                -                                                    ",
        " Error                        rate limited by provider (429)       -                                    changed         ",
        " Metrics                                                                                                                ",
        " cost (usd) last              0.07                                 0.13                                 +0.07 (+100%)   ",
        "   min                        0.01                                 0.01                                 +0.01 (+100%)   ",
        "   max                        0.07                                 0.13                                 +0.07 (+100%)   ",
        " latency_p95 (ms) last        425                                  850                                  +425 (+100%)    ",
        "   min                        320                                  640                                  +320 (+100%)    ",
        "   max                        600                                  1200                                 +600 (+100%)    ",
        " tokens_in (tok) last         12.5k                                25.1k                                +12.5k (+100%)  ",
        "   min                        600                                  1200                                 +600 (+100%)    ",
        "   max                        12.5k                                25.1k                                +12.5k (+100%)  ",
        " tool_calls                   -                                    last 6 min 0 max 6                   only newer      ",
        " Artifacts                                                                                                              ",
        " agent.log                    -                                    252 B                                added           ",
        " result.json                  49 B                                 99 B                                 +50 B           ",
        " retry.log                    2.0 KB                               -                                    removed         ",
        " snapshot.bin                 -                                    40 B                                 added           ",
        " summary.md                   69 B                                 139 B                                +70 B           ",
        " Plan                                                                                                                   ",
        "   + $.steps[1]                                                                                                         ",
        "                              -                                    \"compare\"                                            ",
        "   + $.budget_usd                                                                                                       ",
        "                              -                                    2                                                    ",
        " Results                                                                                                                ",
        "   neither run has one                                                                                                  ",
        " Error details                                                                                                          ",
        "   - $                                                                                                                  ",
        "                              {\"provider\":\"openai\",\"http_status\":… -                                                    ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        " j/↓ scroll  PgDn page  Esc back  r refresh  ? help  q quit                                                             ",
      ]
    )
  }

  @Test func aMarkedRunShowsAStarAndCWithOneMarkedShowsAHintInTheKeyBar() {
    var dashboard = Scenes.main(80, 24)
    dashboard.press(.focusNext, .toggleMark)
    let runRows = dashboard.rows.filter { $0.contains("#11") || $0.contains("#12") }
    #expect(runRows.contains { $0.contains("*#12") })
    #expect(!runRows.contains { $0.contains("*#11") })
    dashboard.press(.compare)
    #expect(dashboard.rows.last?.hasPrefix(" 1 marked: mark exactly two runs (space)") == true)
    dashboard.press(.moveDown)
    #expect(dashboard.rows.last?.contains("1 marked") == false)
  }
}
