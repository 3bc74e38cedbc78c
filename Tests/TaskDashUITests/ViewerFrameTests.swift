import Testing

/// Whole screens of the artifact viewer for each kind of content.
@Suite struct ViewerFrameTests {
  @Test func markdownIsShownAsWrittenAt80By24() {
    #expect(
      Scenes.viewer(0, 80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks › summary.md                                                             ",
        " summary.md report · 139 B · markdown                                      100% ",
        "# Market analysis                                                               ",
        "                                                                                ",
        "Demand grew **12%** in the quarter.                                             ",
        "                                                                                ",
        "- tokens: 25k                                                                   ",
        "- cost: $0.13                                                                   ",
        "                                                                                ",
        "```sh                                                                           ",
        "taskdash snapshot                                                               ",
        "```                                                                             ",
        "> checked by the reviewer                                                       ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }

  @Test func markdownIsShownAsWrittenAt120By40() {
    #expect(
      Scenes.viewer(0, 120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 5s ago  live every 1s ",
        " Tasks › summary.md                                                                                                     ",
        " summary.md report · 139 B · markdown                                                                              100% ",
        "# Market analysis                                                                                                       ",
        "                                                                                                                        ",
        "Demand grew **12%** in the quarter.                                                                                     ",
        "                                                                                                                        ",
        "- tokens: 25k                                                                                                           ",
        "- cost: $0.13                                                                                                           ",
        "                                                                                                                        ",
        "```sh                                                                                                                   ",
        "taskdash snapshot                                                                                                       ",
        "```                                                                                                                     ",
        "> checked by the reviewer                                                                                               ",
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
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit                                           ",
      ]
    )
  }

  @Test func jsonIsPrettyPrintedAt80By24() {
    #expect(
      Scenes.viewer(1, 80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks › result.json                                                            ",
        " result.json data · 99 B · json (pretty-printed)                           100% ",
        "{                                                                               ",
        #"  "status": "ok",                                                               "#,
        #"  "score": 0.93,                                                                "#,
        #"  "tags": [                                                                     "#,
        #"    "fast",                                                                     "#,
        #"    "cheap"                                                                     "#,
        "  ],                                                                            ",
        #"  "detail": {                                                                   "#,
        #"    "rounds": 3,                                                                "#,
        #"    "final": true,                                                              "#,
        #"    "note": null                                                                "#,
        "  }                                                                             ",
        "}                                                                               ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }

  @Test func jsonIsPrettyPrintedAt120By40() {
    #expect(
      Scenes.viewer(1, 120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 5s ago  live every 1s ",
        " Tasks › result.json                                                                                                    ",
        " result.json data · 99 B · json (pretty-printed)                                                                   100% ",
        "{                                                                                                                       ",
        #"  "status": "ok",                                                                                                       "#,
        #"  "score": 0.93,                                                                                                        "#,
        #"  "tags": [                                                                                                             "#,
        #"    "fast",                                                                                                             "#,
        #"    "cheap"                                                                                                             "#,
        "  ],                                                                                                                    ",
        #"  "detail": {                                                                                                           "#,
        #"    "rounds": 3,                                                                                                        "#,
        #"    "final": true,                                                                                                      "#,
        #"    "note": null                                                                                                        "#,
        "  }                                                                                                                     ",
        "}                                                                                                                       ",
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
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        "                                                                                                                        ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit                                           ",
      ]
    )
  }

  @Test func aLogIsShownLineByLineAt80By24() {
    #expect(
      Scenes.viewer(2, 80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks › agent.log                                                              ",
        " agent.log log · 252 B · log                                               100% ",
        "2026-11-25 09:59:18.120 INFO  starting run #12                                  ",
        "2026-11-25 09:59:19.004 DEBUG loaded 3 tools                                    ",
        "2026-11-25 09:59:40.511 WARN  slow response from provider (2.1s)                ",
        "2026-11-25 09:59:58.002 ERROR tool call failed: timeout                         ",
        "2026-11-25 10:00:00.000 INFO  retrying                                          ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }

  @Test func aLogIsShownLineByLineAt120By40() {
    #expect(
      Scenes.viewer(2, 120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 5s ago  live every 1s ",
        " Tasks › agent.log                                                                                                      ",
        " agent.log log · 252 B · log                                                                                       100% ",
        "2026-11-25 09:59:18.120 INFO  starting run #12                                                                          ",
        "2026-11-25 09:59:19.004 DEBUG loaded 3 tools                                                                            ",
        "2026-11-25 09:59:40.511 WARN  slow response from provider (2.1s)                                                        ",
        "2026-11-25 09:59:58.002 ERROR tool call failed: timeout                                                                 ",
        "2026-11-25 10:00:00.000 INFO  retrying                                                                                  ",
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
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit                                           ",
      ]
    )
  }

  @Test func binaryContentIsAHexDumpAt80By24() {
    #expect(
      Scenes.viewer(3, 80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks › snapshot.bin                                                           ",
        " snapshot.bin other · 40 B · binary                                        100% ",
        "00000000  50 4b 03 04 14 00 00 00  68 65 6c 6c 6f 2c 20 77  |PK......hello, w|  ",
        "00000010  6f 72 6c 64 00 0d 1a 27  34 41 4e 5b 68 75 82 8f  |orld...'4AN[hu..|  ",
        "00000020  9c a9 b6 c3 d0 dd ea f7                            |........|         ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }

  @Test func binaryContentIsAHexDumpAt120By40() {
    #expect(
      Scenes.viewer(3, 120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 5s ago  live every 1s ",
        " Tasks › snapshot.bin                                                                                                   ",
        " snapshot.bin other · 40 B · binary                                                                                100% ",
        "00000000  50 4b 03 04 14 00 00 00  68 65 6c 6c 6f 2c 20 77  |PK......hello, w|                                          ",
        "00000010  6f 72 6c 64 00 0d 1a 27  34 41 4e 5b 68 75 82 8f  |orld...'4AN[hu..|                                          ",
        "00000020  9c a9 b6 c3 d0 dd ea f7                            |........|                                                 ",
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
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit                                           ",
      ]
    )
  }

  @Test func aSearchIsTypedAtTheBottom() {
    #expect(
      Scenes.viewerSearchTyped(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks › agent.log                                                              ",
        " agent.log log · 252 B · log                                               100% ",
        "2026-11-25 09:59:18.120 INFO  starting run #12                                  ",
        "2026-11-25 09:59:19.004 DEBUG loaded 3 tools                                    ",
        "2026-11-25 09:59:40.511 WARN  slow response from provider (2.1s)                ",
        "2026-11-25 09:59:58.002 ERROR tool call failed: timeout                         ",
        "2026-11-25 10:00:00.000 INFO  retrying                                          ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " /search: tool▏                                         Enter keep · Esc cancel ",
      ]
    )
  }

  @Test func nMovesToTheNextMatchAndTheTitleSaysItWasFound() {
    #expect(
      Scenes.viewerSearchNext(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks › agent.log                                                              ",
        " agent.log log · 252 B · log                                  /tool found  100% ",
        "2026-11-25 09:59:58.002 ERROR tool call failed: timeout                         ",
        "2026-11-25 10:00:00.000 INFO  retrying                                          ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }

  @Test func wrappedLinesContinueOnTheRowsBelow() {
    #expect(
      Scenes.viewerPagedAndWrapped(80, 24).rows == [
        " taskdash  sqlite:demo.sqli… ● connected 0.4ms refreshed 0ms ago  live every 1s ",
        " Tasks › long.log                                                               ",
        " long.log log · 69.2 KB · log · wrap                                         5% ",
        "line 40: abcdefghij                                                             ",
        "line 41: abcdefghijabcdefghij                                                   ",
        "line 42: abcdefghijabcdefghijabcdefghij                                         ",
        "line 43: abcdefghijabcdefghijabcdefghijabcdefghij                               ",
        "line 44: abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij                     ",
        "line 45: abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij           ",
        "line 46: abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij ",
        "line 47: abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghija",
        "bcdefghij                                                                       ",
        "line 48: abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghija",
        "bcdefghijabcdefghij                                                             ",
        "line 49: abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghija",
        "bcdefghijabcdefghijabcdefghij                                                   ",
        "line 50: abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghija",
        "bcdefghijabcdefghijabcdefghijabcdefghij                                         ",
        "line 51: abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghija",
        "bcdefghijabcdefghijabcdefghijabcdefghijabcdefghij                               ",
        "line 52:                                                                        ",
        "line 53: abcdefghij                                                             ",
        "line 54: abcdefghijabcdefghij                                                   ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }

  @Test func aFailedReadSaysWhyAndHowToRetry() {
    #expect(
      Scenes.viewerReadFailed(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks › summary.md                                                             ",
        " summary.md report · 139 B · …                                               0% ",
        " cannot read this artifact (r retries): cannot connect: server closed the conn… ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }

  @Test func aDeletedArtifactSaysSo() {
    #expect(
      Scenes.viewerVanished(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 6s ago  live every 1s ",
        " Tasks › summary.md                                                             ",
        " summary.md report · 139 B · markdown                                        0% ",
        " this artifact was deleted                                                      ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " g/Home top  G/End bottom  Esc back  / search  n next  w wrap  ? help  q quit   ",
      ]
    )
  }
}
