import Testing

/// Whole screens for the states around the data: loading, empty, lost, refused, too small.
@Suite struct StatusFrameTests {
  @Test func beforeAnyDataEveryPaneSaysItIsLoadingAt80By24() {
    #expect(
      Scenes.loading(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ○ connecting      waiting for data  live every 1s ",
        " Tasks                                                                          ",
        "┏ Tasks ━━━━━━━━━━ sort: last-activity ┓┌ Runs ────────────────── sort: newest ┐",
        "┃TASK                S RUNS  OK%   LAST┃│  RUN TASK        S   TIME ERROR      │",
        "┃loading…                              ┃│loading…                              │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────┘",
        "┌ Metrics ───────────────── sort: name ┐┌ Artifacts ───────────── sort: newest ┐",
        "│METRIC       LATEST UNIT  TREND       ││ARTIFACT      TYPE       SIZE      AGE│",
        "│select a run or task                  ││loading…                              │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  ? help  q quit       ",
      ]
    )
  }

  @Test func beforeAnyDataEveryPaneSaysItIsLoadingAt120By40() {
    #expect(
      Scenes.loading(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ○ connecting                                              waiting for data  live every 1s ",
        " Tasks                                                                                                                  ",
        "┏ Tasks ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ sort: last-activity ┓┌ Runs ────────────────────────────────────── sort: newest ┐",
        "┃TASK                 STATUS       RUNS  OK% LIVE  LAST RUN┃│  RUN TASK            STATUS       STARTED    TIME ERROR  │",
        "┃loading…                                                  ┃│loading…                                                  │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────────────────────────┘",
        "┌ Metrics ───────────────────────────────────── sort: name ┐┌ Artifacts ───────────────────────────────── sort: newest ┐",
        "│METRIC             LATEST UNIT  TREND                     ││ARTIFACT                          TYPE       SIZE      AGE│",
        "│select a run or task                                      ││loading…                                                  │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "└──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  p pause  r refresh  ? help  q quit                           ",
      ]
    )
  }

  @Test func anEmptyDatabaseSaysThereIsNothingYetAt80By24() {
    #expect(
      Scenes.empty(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 2s ago  live every 1s ",
        " Tasks                                                                          ",
        "┏ Tasks (0) ━━━━━━ sort: last-activity ┓┌ Runs (0) ────────────── sort: newest ┐",
        "┃TASK                S RUNS  OK%   LAST┃│  RUN TASK        S   TIME ERROR      │",
        "┃no tasks yet                          ┃│no runs yet                           │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────┘",
        "┌ Metrics ───────────────── sort: name ┐┌ Artifacts (0) ───────── sort: newest ┐",
        "│METRIC       LATEST UNIT  TREND       ││ARTIFACT      TYPE       SIZE      AGE│",
        "│select a run or task                  ││no artifacts yet                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  ? help  q quit       ",
      ]
    )
  }

  @Test func anEmptyDatabaseSaysThereIsNothingYetAt120By40() {
    #expect(
      Scenes.empty(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 2s ago  live every 1s ",
        " Tasks                                                                                                                  ",
        "┏ Tasks (0) ━━━━━━━━━━━━━━━━━━━━━━━━━━ sort: last-activity ┓┌ Runs (0) ────────────────────────────────── sort: newest ┐",
        "┃TASK                 STATUS       RUNS  OK% LIVE  LAST RUN┃│  RUN TASK            STATUS       STARTED    TIME ERROR  │",
        "┃no tasks yet                                              ┃│no runs yet                                               │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────────────────────────┘",
        "┌ Metrics ───────────────────────────────────── sort: name ┐┌ Artifacts (0) ───────────────────────────── sort: newest ┐",
        "│METRIC             LATEST UNIT  TREND                     ││ARTIFACT                          TYPE       SIZE      AGE│",
        "│select a run or task                                      ││no artifacts yet                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "└──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  p pause  r refresh  ? help  q quit                           ",
      ]
    )
  }

  @Test func aLostConnectionKeepsTheRowsMarkedStaleUnderABannerAt80By24() {
    #expect(
      Scenes.stale(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ✗ disconnected   refreshed 18s ago  live every 1s ",
        " ⚠ cannot connect: server closed the c… attempt 3 · retry in 5s · r retries now ",
        "┏ Tasks (4) ━━━━━━━━━━━━━━━━ STALE 18s ┓┌ Runs (4) ─── STALE 18s  sort: newest ┐",
        "┃TASK                S RUNS  OK%   LAST┃│  RUN TASK        S   TIME ERROR      │",
        "┃market-analysis     ●   12  75%  1m00s┃│  #12 market-ana… ●  1m00s            │",
        "┃code-review         ✓   30  93%  3m25s┃│  #11 market-ana… ✗  2m05s rate limit…│",
        "┃data-pipeline       ✗    5  40%  2h05m┃│  #30 code-review ✓  1m01s            │",
        "┃doc-writer          ○    0    -      -┃│   #5 data-pipel… ⧗  1h00m deadline e…│",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────┘",
        "┌ Metrics of run #12 (4) ─── STALE 18s ┐┌ Artifacts of run #12 (4) ─ STALE 18s ┐",
        "│METRIC       LATEST UNIT  TREND       ││ARTIFACT      TYPE       SIZE      AGE│",
        "│cost           0.13 usd        ▁▂▃▃▅▇█││summary.md    report    139 B      48s│",
        "│latency_p…      850 ms         ▃▁▄█▃▂▄││result.json   data       99 B      53s│",
        "│tokens_in     25.1k tok        ▁▂▄▅▆▇█││agent.log     log       252 B      58s│",
        "│tool_calls        6            ▁▂▂▅▆▆█││snapshot.bin  other      40 B      59s│",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  ? help  q quit       ",
      ]
    )
  }

  @Test func aLostConnectionKeepsTheRowsMarkedStaleUnderABannerAt120By40() {
    #expect(
      Scenes.stale(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ✗ disconnected                                           refreshed 18s ago  live every 1s ",
        " ⚠ cannot connect: server closed the connection unexpectedly                    attempt 3 · retry in 5s · r retries now ",
        "┏ Tasks (4) ━━━━━━━━━━━━━━━ STALE 18s  sort: last-activity ┓┌ Runs (4) ─────────────────────── STALE 18s  sort: newest ┐",
        "┃TASK                 STATUS       RUNS  OK% LIVE  LAST RUN┃│  RUN TASK            STATUS       STARTED    TIME ERROR  │",
        "┃market-analysis      ● running      12  75%    1     1m00s┃│  #12 market-analysis ● running      1m00s   1m00s        │",
        "┃code-review          ✓ completed    30  93%          3m25s┃│  #11 market-analysis ✗ failed      10m18s   2m05s rate l…│",
        "┃data-pipeline        ✗ failed        5  40%          2h05m┃│  #30 code-review     ✓ completed    3m25s   1m01s        │",
        "┃doc-writer           ○ pending       0    -              -┃│   #5 data-pipeline   ⧗ timeout      2h05m   1h00m deadli…│",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────────────────────────┘",
        "┌ Metrics of run #12 (4) ─────────── STALE 18s  sort: name ┐┌ Artifacts of run #12 (4) ─────── STALE 18s  sort: newest ┐",
        "│METRIC             LATEST UNIT  TREND                     ││ARTIFACT                          TYPE       SIZE      AGE│",
        "│cost                 0.13 usd                      ▁▂▃▃▅▇█││summary.md                        report    139 B      48s│",
        "│latency_p95           850 ms                       ▃▁▄█▃▂▄││result.json                       data       99 B      53s│",
        "│tokens_in           25.1k tok                      ▁▂▄▅▆▇█││agent.log                         log       252 B      58s│",
        "│tool_calls              6                          ▁▂▂▅▆▆█││snapshot.bin                      other      40 B      59s│",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "└──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  p pause  r refresh  ? help  q quit                           ",
      ]
    )
  }

  @Test func aRefusedLoginSaysWhatToFixAt80By24() {
    #expect(
      Scenes.loginRefused(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ✗ refused         waiting for data  live every 1s ",
        " ⚠ password authentication faile… — check the password retry in 58s · r retries ",
        "┏ Tasks ━━━━━━━━━━ sort: last-activity ┓┌ Runs ────────────────── sort: newest ┐",
        "┃TASK                S RUNS  OK%   LAST┃│  RUN TASK        S   TIME ERROR      │",
        "┃cannot load tasks: cannot log in: pas…┃│cannot load runs: cannot log in: pass…│",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────┘",
        "┌ Metrics ───────────────── sort: name ┐┌ Artifacts ───────────── sort: newest ┐",
        "│METRIC       LATEST UNIT  TREND       ││ARTIFACT      TYPE       SIZE      AGE│",
        "│select a run or task                  ││cannot load artifacts: cannot log in:…│",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  ? help  q quit       ",
      ]
    )
  }

  @Test func aRefusedLoginSaysWhatToFixAt120By40() {
    #expect(
      Scenes.loginRefused(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ✗ refused                                                 waiting for data  live every 1s ",
        #" ⚠ password authentication failed for user "ops" — check the password                          retry in 58s · r retries "#,
        "┏ Tasks ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ sort: last-activity ┓┌ Runs ────────────────────────────────────── sort: newest ┐",
        "┃TASK                 STATUS       RUNS  OK% LIVE  LAST RUN┃│  RUN TASK            STATUS       STARTED    TIME ERROR  │",
        "┃cannot load tasks: cannot log in: password authentication…┃│cannot load runs: cannot log in: password authentication …│",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────────────────────────┘",
        "┌ Metrics ───────────────────────────────────── sort: name ┐┌ Artifacts ───────────────────────────────── sort: newest ┐",
        "│METRIC             LATEST UNIT  TREND                     ││ARTIFACT                          TYPE       SIZE      AGE│",
        "│select a run or task                                      ││cannot load artifacts: cannot log in: password authentica…│",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "└──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  p pause  r refresh  ? help  q quit                           ",
      ]
    )
  }

  @Test func anUnknownDatabaseKeepsTheRowsStaleAndSaysWhatToCheckAt80By24() {
    #expect(
      Scenes.unknownDatabase(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ✗ refused        refreshed 18s ago  live every 1s ",
        #" ⚠ database "taskdash" does… — check the database name retry in 57s · r retries "#,
        "┏ Tasks (4) ━━━━━━━━━━━━━━━━ STALE 18s ┓┌ Runs (4) ─── STALE 18s  sort: newest ┐",
        "┃TASK                S RUNS  OK%   LAST┃│  RUN TASK        S   TIME ERROR      │",
        "┃market-analysis     ●   12  75%  1m00s┃│  #12 market-ana… ●  1m00s            │",
        "┃code-review         ✓   30  93%  3m25s┃│  #11 market-ana… ✗  2m05s rate limit…│",
        "┃data-pipeline       ✗    5  40%  2h05m┃│  #30 code-review ✓  1m01s            │",
        "┃doc-writer          ○    0    -      -┃│   #5 data-pipel… ⧗  1h00m deadline e…│",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────┘",
        "┌ Metrics of run #12 (4) ─── STALE 18s ┐┌ Artifacts of run #12 (4) ─ STALE 18s ┐",
        "│METRIC       LATEST UNIT  TREND       ││ARTIFACT      TYPE       SIZE      AGE│",
        "│cost           0.13 usd        ▁▂▃▃▅▇█││summary.md    report    139 B      48s│",
        "│latency_p…      850 ms         ▃▁▄█▃▂▄││result.json   data       99 B      53s│",
        "│tokens_in     25.1k tok        ▁▂▄▅▆▇█││agent.log     log       252 B      58s│",
        "│tool_calls        6            ▁▂▂▅▆▆█││snapshot.bin  other      40 B      59s│",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  ? help  q quit       ",
      ]
    )
  }

  @Test func anUnknownDatabaseKeepsTheRowsStaleAndSaysWhatToCheckAt120By40() {
    #expect(
      Scenes.unknownDatabase(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ✗ refused                                                refreshed 18s ago  live every 1s ",
        #" ⚠ database "taskdash" does not exist — check the database name (the URL's path or dbname)     retry in 57s · r retries "#,
        "┏ Tasks (4) ━━━━━━━━━━━━━━━ STALE 18s  sort: last-activity ┓┌ Runs (4) ─────────────────────── STALE 18s  sort: newest ┐",
        "┃TASK                 STATUS       RUNS  OK% LIVE  LAST RUN┃│  RUN TASK            STATUS       STARTED    TIME ERROR  │",
        "┃market-analysis      ● running      12  75%    1     1m00s┃│  #12 market-analysis ● running      1m00s   1m00s        │",
        "┃code-review          ✓ completed    30  93%          3m25s┃│  #11 market-analysis ✗ failed      10m18s   2m05s rate l…│",
        "┃data-pipeline        ✗ failed        5  40%          2h05m┃│  #30 code-review     ✓ completed    3m25s   1m01s        │",
        "┃doc-writer           ○ pending       0    -              -┃│   #5 data-pipeline   ⧗ timeout      2h05m   1h00m deadli…│",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────────────────────────┘",
        "┌ Metrics of run #12 (4) ─────────── STALE 18s  sort: name ┐┌ Artifacts of run #12 (4) ─────── STALE 18s  sort: newest ┐",
        "│METRIC             LATEST UNIT  TREND                     ││ARTIFACT                          TYPE       SIZE      AGE│",
        "│cost                 0.13 usd                      ▁▂▃▃▅▇█││summary.md                        report    139 B      48s│",
        "│latency_p95           850 ms                       ▃▁▄█▃▂▄││result.json                       data       99 B      53s│",
        "│tokens_in           25.1k tok                      ▁▂▄▅▆▇█││agent.log                         log       252 B      58s│",
        "│tool_calls              6                          ▁▂▂▅▆▆█││snapshot.bin                      other      40 B      59s│",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "└──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  s sort  p pause  r refresh  ? help  q quit                           ",
      ]
    )
  }

  @Test func aTerminalBelowTheMinimumSaysItIsTooSmall() {
    #expect(
      Scenes.main(40, 10).rows == [
        "                                        ",
        "                                        ",
        "                                        ",
        "                                        ",
        "           terminal too small           ",
        "           40×10, need 60×16            ",
        "                                        ",
        "                                        ",
        "                                        ",
        "                                        ",
      ]
    )
    #expect(
      Scenes.main(59, 16).rows == [
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                    terminal too small                     ",
        "                     59×16, need 60×16                     ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
        "                                                           ",
      ]
    )
  }

  @Test func aOneCellTerminalShowsTheFirstLetterOfTheWarning() {
    #expect(Scenes.main(1, 1).rows == ["t"])
    #expect(Scenes.main(0, 0).rows == [])
  }

  @Test func theMinimumSizeDrawsEveryPane() {
    #expect(
      Scenes.main(60, 16).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms             ",
        " Tasks                                                      ",
        "┏ Tasks (4) ━━━━━━━━━━━━━━━━━┓┌ Runs (4) ──── sort: newest ┐",
        "┃TASK      S RUNS  OK%   LAST┃│  RUN TASK   S   TIME ERROR │",
        "┃market-a… ●   12  75%    47s┃│  #12 marke… ●    47s       │",
        "┃code-rev… ✓   30  93%  3m12s┃│  #11 marke… ✗  2m05s rate …│",
        "┃data-pip… ✗    5  40%  2h05m┃│  #30 code-… ✓  1m01s       │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└────────────────────────────┘",
        "┌ Metrics of run #12 (4) ────┐┌ Artifacts of run #12 (4) ──┐",
        "│METRIC    LATEST UNIT  TREND││AR… TYPE       SIZE      AGE│",
        "│cost        0.13 usd   ▁▂▄▆█││su… report    139 B      35s│",
        "│latenc…      850 ms    ▄█▂▁▃││re… data       99 B      40s│",
        "│tokens…    25.1k tok   ▁▃▅▇█││ag… log       252 B      45s│",
        "│tool_c…        6       ▁▄▅▅█││sn… other      40 B      46s│",
        "└────────────────────────────┘└────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  ? help  q quit   ",
      ]
    )
  }
}
