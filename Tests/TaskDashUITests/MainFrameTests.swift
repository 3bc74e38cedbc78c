import Testing

/// Whole screens of the panes, as text rows, at the two sizes operators use most.
@Suite struct MainFrameTests {
  @Test func theMainScreenShowsDataInAllFourPanesAt80By24() {
    #expect(
      Scenes.main(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks                                                                          ",
        "┏ Tasks (4) ━━━━━━ sort: last-activity ┓┌ Runs (4) ────────────── sort: newest ┐",
        "┃TASK           S RUNS  OK% LIVE   LAST┃│  RUN TASK        S   TIME ERROR      │",
        "┃market-analys… ●   12  75%    1    47s┃│  #12 market-ana… ●    47s            │",
        "┃code-review    ✓   30  93%       3m12s┃│  #11 market-ana… ✗  2m05s rate limit…│",
        "┃data-pipeline  ✗    5  40%       2h05m┃│  #30 code-review ✓  1m01s            │",
        "┃doc-writer     ○    0    -           -┃│   #5 data-pipel… ⧗  1h00m deadline e…│",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────┘",
        "┌ Metrics of run #12 (4) ── sort: name ┐┌ Artifacts of run #12 (4) ────────────┐",
        "│METRIC       LATEST UNIT  TREND       ││ARTIFACT      TYPE       SIZE      AGE│",
        "│cost           0.13 usd        ▁▂▃▃▅▇█││summary.md    report    139 B      35s│",
        "│latency_p…      850 ms         ▃▁▄█▃▂▄││result.json   data       99 B      40s│",
        "│tokens_in     25.1k tok        ▁▂▄▅▆▇█││agent.log     log       252 B      45s│",
        "│tool_calls        6            ▁▂▂▅▆▆█││snapshot.bin  other      40 B      46s│",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  E failures  ? help  q quit   ",
      ]
    )
  }

  @Test func theMainScreenShowsDataInAllFourPanesAt120By40() {
    #expect(
      Scenes.main(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 5s ago  live every 1s ",
        " Tasks                                                                                                                  ",
        "┏ Tasks (4) ━━━━━━━━━━━━━━━━━━━━━━━━━━ sort: last-activity ┓┌ Runs (4) ────────────────────────────────── sort: newest ┐",
        "┃TASK                 STATUS       RUNS  OK% LIVE  LAST RUN┃│  RUN TASK            STATUS       STARTED    TIME ERROR  │",
        "┃market-analysis      ● running      12  75%    1       47s┃│  #12 market-analysis ● running        47s     47s        │",
        "┃code-review          ✓ completed    30  93%          3m12s┃│  #11 market-analysis ✗ failed      10m05s   2m05s rate l…│",
        "┃data-pipeline        ✗ failed        5  40%          2h05m┃│  #30 code-review     ✓ completed    3m12s   1m01s        │",
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
        "┌ Metrics of run #12 (4) ────────────────────── sort: name ┐┌ Artifacts of run #12 (4) ────────────────── sort: newest ┐",
        "│METRIC             LATEST UNIT  TREND                     ││ARTIFACT                          TYPE       SIZE      AGE│",
        "│cost                 0.13 usd                      ▁▂▃▃▅▇█││summary.md                        report    139 B      35s│",
        "│latency_p95           850 ms                       ▃▁▄█▃▂▄││result.json                       data       99 B      40s│",
        "│tokens_in           25.1k tok                      ▁▂▄▅▆▇█││agent.log                         log       252 B      45s│",
        "│tool_calls              6                          ▁▂▂▅▆▆█││snapshot.bin                      other      40 B      46s│",
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
        " Tab pane  Enter open  Esc back  / filter  d page  E failures  c compare  s sort  p pause  r refresh  ? help  q quit    ",
      ]
    )
  }

  @Test func enterOnATaskScopesTheRunsPaneToItAt80By24() {
    #expect(
      Scenes.task(80, 24).rows == [
        " taskdash  sqlite:demo.sqli… ● connected 0.4ms refreshed 0ms ago  live every 1s ",
        " Tasks › market-analysis                                                        ",
        "┌ Tasks (4) ────── sort: last-activity ┐┏ Runs of market-analysis (2) ━━━━━━━━━┓",
        "│TASK           S RUNS  OK% LIVE   LAST│┃  RUN S STARTED   TIME ERROR          ┃",
        "│market-analys… ●   12  75%    1    48s│┃  #12 ●     48s    48s                ┃",
        "│code-review    ✓   30  93%       3m13s│┃  #11 ✗  10m06s  2m05s rate limited b…┃",
        "│data-pipeline  ✗    5  40%       2h05m│┃                                      ┃",
        "│doc-writer     ○    0    -           -│┃                                      ┃",
        "│                                      │┃                                      ┃",
        "│                                      │┃                                      ┃",
        "│                                      │┃                                      ┃",
        "└──────────────────────────────────────┘┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌ Metrics of run #12 ────── sort: name ┐┌ Artifacts of run #12 ── sort: newest ┐",
        "│METRIC       LATEST UNIT  TREND       ││ARTIFACT      TYPE       SIZE      AGE│",
        "│loading…                              ││loading…                              │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Tab pane  Enter open  Esc back  / filter  d page  E failures  ? help  q quit   ",
      ]
    )
  }

  @Test func enterOnATaskScopesTheRunsPaneToItAt120By40() {
    #expect(
      Scenes.task(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                        refreshed 0ms ago  live every 1s ",
        " Tasks › market-analysis                                                                                                ",
        "┌ Tasks (4) ────────────────────────── sort: last-activity ┐┏ Runs of market-analysis (2) ━━━━━━━━━━━━━━━ sort: newest ┓",
        "│TASK                 STATUS       RUNS  OK% LIVE  LAST RUN│┃  RUN STATUS       STARTED    TIME ERROR                  ┃",
        "│market-analysis      ● running      12  75%    1       48s│┃  #12 ● running        48s     48s                        ┃",
        "│code-review          ✓ completed    30  93%          3m13s│┃  #11 ✗ failed      10m06s   2m05s rate limited by provid…┃",
        "│data-pipeline        ✗ failed        5  40%          2h05m│┃                                                          ┃",
        "│doc-writer           ○ pending       0    -              -│┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "└──────────────────────────────────────────────────────────┘┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌ Metrics of run #12 ────────────────────────── sort: name ┐┌ Artifacts of run #12 ────────────────────── sort: newest ┐",
        "│METRIC             LATEST UNIT  TREND                     ││ARTIFACT                          TYPE       SIZE      AGE│",
        "│loading…                                                  ││loading…                                                  │",
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
        " Tab pane  Enter open  Esc back  / filter  d page  E failures  c compare  s sort  p pause  r refresh  ? help  q quit    ",
      ]
    )
  }

  @Test func enterOnARunPinsMetricsAndArtifactsToItAt80By24() {
    #expect(
      Scenes.run(80, 24).rows == [
        " taskdash  sqlite:demo.sqli… ● connected 0.4ms refreshed 0ms ago  live every 1s ",
        " Tasks › market-analysis › run #12                                              ",
        "┌ Tasks (4) ────── sort: last-activity ┐┌ Runs of market-analysis (2) ─────────┐",
        "│TASK           S RUNS  OK% LIVE   LAST││  RUN S STARTED   TIME ERROR          │",
        "│market-analys… ●   12  75%    1    48s││  #12 ●     48s    48s                │",
        "│code-review    ✓   30  93%       3m13s││  #11 ✗  10m06s  2m05s rate limited b…│",
        "│data-pipeline  ✗    5  40%       2h05m││                                      │",
        "│doc-writer     ○    0    -           -││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        "┌ Metrics of run #12 (4) ── sort: name ┐┏ Artifacts of run #12 (4) ━━━━━━━━━━━━┓",
        "│METRIC       LATEST UNIT  TREND       │┃ARTIFACT      TYPE       SIZE      AGE┃",
        "│cost           0.13 usd        ▁▂▃▃▅▇█│┃summary.md    report    139 B      36s┃",
        "│latency_p…      850 ms         ▃▁▄█▃▂▄│┃result.json   data       99 B      41s┃",
        "│tokens_in     25.1k tok        ▁▂▄▅▆▇█│┃agent.log     log       252 B      46s┃",
        "│tool_calls        6            ▁▂▂▅▆▆█│┃snapshot.bin  other      40 B      47s┃",
        "│                                      │┃                                      ┃",
        "│                                      │┃                                      ┃",
        "│                                      │┃                                      ┃",
        "│                                      │┃                                      ┃",
        "└──────────────────────────────────────┘┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        " Tab pane  Enter open  Esc back  / filter  d page  E failures  ? help  q quit   ",
      ]
    )
  }

  @Test func enterOnARunPinsMetricsAndArtifactsToItAt120By40() {
    #expect(
      Scenes.run(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                        refreshed 0ms ago  live every 1s ",
        " Tasks › market-analysis › run #12                                                                                      ",
        "┌ Tasks (4) ────────────────────────── sort: last-activity ┐┌ Runs of market-analysis (2) ─────────────── sort: newest ┐",
        "│TASK                 STATUS       RUNS  OK% LIVE  LAST RUN││  RUN STATUS       STARTED    TIME ERROR                  │",
        "│market-analysis      ● running      12  75%    1       48s││  #12 ● running        48s     48s                        │",
        "│code-review          ✓ completed    30  93%          3m13s││  #11 ✗ failed      10m06s   2m05s rate limited by provid…│",
        "│data-pipeline        ✗ failed        5  40%          2h05m││                                                          │",
        "│doc-writer           ○ pending       0    -              -││                                                          │",
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
        "┌ Metrics of run #12 (4) ────────────────────── sort: name ┐┏ Artifacts of run #12 (4) ━━━━━━━━━━━━━━━━━━ sort: newest ┓",
        "│METRIC             LATEST UNIT  TREND                     │┃ARTIFACT                          TYPE       SIZE      AGE┃",
        "│cost                 0.13 usd                      ▁▂▃▃▅▇█│┃summary.md                        report    139 B      36s┃",
        "│latency_p95           850 ms                       ▃▁▄█▃▂▄│┃result.json                       data       99 B      41s┃",
        "│tokens_in           25.1k tok                      ▁▂▄▅▆▇█│┃agent.log                         log       252 B      46s┃",
        "│tool_calls              6                          ▁▂▂▅▆▆█│┃snapshot.bin                      other      40 B      47s┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "│                                                          │┃                                                          ┃",
        "└──────────────────────────────────────────────────────────┘┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        " Tab pane  Enter open  Esc back  / filter  d page  E failures  c compare  s sort  p pause  r refresh  ? help  q quit    ",
      ]
    )
  }

  @Test func theHelpOverlayListsThePaneKeysAt80By24() {
    #expect(
      Scenes.help(80, 24).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks                                                                          ",
        "┏ Tasks ┏ taskdash keys: panes · Esc or ? closes ━━━━━━━━━━━━━━━━━━━━━━┓newest ┐",
        "┃TASK   ┃  j k ↓↑  move down / up (scroll in the viewer)               ┃R      │",
        "┃market-┃  PgDn/Up page down / up                                      ┃       │",
        "┃code-re┃  g G     first / last row, top / bottom                      ┃ limit…│",
        "┃data-pi┃  Tab     next pane                                           ┃       │",
        "┃doc-wri┃  S-Tab   previous pane                                       ┃line e…│",
        "┃       ┃  Enter   drill in: task → runs → metrics/artifacts → viewer  ┃       │",
        "┃       ┃  Esc     back one level / close                              ┃       │",
        "┃       ┃  /       filter (status: task: err: dur> since: silent -x)   ┃       │",
        "┗━━━━━━━┃  d       the selected run's or task's page                   ┃───────┘",
        "┌ Metric┃  E       failure triage: failures grouped by error           ┃───────┐",
        "│METRIC ┃  c/space compare with the previous run; space marks two      ┃    AGE│",
        "│cost   ┃  s       cycle the focused pane's sort                       ┃    35s│",
        "│latency┃  p       pause / resume live updates                         ┃    40s│",
        "│tokens_┃  a       alerts: bell when a run fails or goes silent        ┃    45s│",
        "│tool_ca┃  r       refresh now (retry a lost connection)               ┃    46s│",
        "│       ┃  + -     refresh faster / slower                             ┃       │",
        "│       ┃  e       environments of the config file: switch             ┃       │",
        "│       ┃  ? q     this help / quit                                    ┃       │",
        "│       ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛       │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        " Esc back  q quit                                                               ",
      ]
    )
  }

  @Test func theHelpOverlayListsThePaneKeysAt120By40() {
    #expect(
      Scenes.help(120, 40).rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms                                         refreshed 5s ago  live every 1s ",
        " Tasks                                                                                                                  ",
        "┏ Tasks (4) ━━━━━━━━━━━━━━━━━━━━━━━━━━ sort: last-activity ┓┌ Runs (4) ────────────────────────────────── sort: newest ┐",
        "┃TASK                 STATUS       RUNS  OK% LIVE  LAST RUN┃│  RUN TASK            STATUS       STARTED    TIME ERROR  │",
        "┃market-analysis      ● running      12  75%    1       47s┃│  #12 market-analysis ● running        47s     47s        │",
        "┃code-review          ✓ completed    30  93%          3m12s┃│  #11 market-analysis ✗ failed      10m05s   2m05s rate l…│",
        "┃data-pipeline        ✗ failed        5  40%          2h05m┃│  #30 code-review     ✓ completed    3m12s   1m01s        │",
        "┃doc-writer           ○ pending       0    -              -┃│   #5 data-pipeline   ⧗ timeout      2h05m   1h00m deadli…│",
        "┃                                                          ┃│                                                          │",
        "┃                                                          ┃│                                                          │",
        "┃                           ┏ taskdash keys: panes · Esc or ? closes ━━━━━━━━━━━━━━━━━━━━━━┓                           │",
        "┃                           ┃  j k ↓↑  move down / up (scroll in the viewer)               ┃                           │",
        "┃                           ┃  PgDn/Up page down / up                                      ┃                           │",
        "┃                           ┃  g G     first / last row, top / bottom                      ┃                           │",
        "┃                           ┃  Tab     next pane                                           ┃                           │",
        "┃                           ┃  S-Tab   previous pane                                       ┃                           │",
        "┃                           ┃  Enter   drill in: task → runs → metrics/artifacts → viewer  ┃                           │",
        "┃                           ┃  Esc     back one level / close                              ┃                           │",
        "┃                           ┃  /       filter (status: task: err: dur> since: silent -x)   ┃                           │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━┃  d       the selected run's or task's page                   ┃───────────────────────────┘",
        "┌ Metrics of run #12 (4) ───┃  E       failure triage: failures grouped by error           ┃───────────── sort: newest ┐",
        "│METRIC             LATEST U┃  c/space compare with the previous run; space marks two      ┃   TYPE       SIZE      AGE│",
        "│cost                 0.13 u┃  s       cycle the focused pane's sort                       ┃   report    139 B      35s│",
        "│latency_p95           850 m┃  p       pause / resume live updates                         ┃   data       99 B      40s│",
        "│tokens_in           25.1k t┃  a       alerts: bell when a run fails or goes silent        ┃   log       252 B      45s│",
        "│tool_calls              6  ┃  r       refresh now (retry a lost connection)               ┃   other      40 B      46s│",
        "│                           ┃  + -     refresh faster / slower                             ┃                           │",
        "│                           ┃  e       environments of the config file: switch             ┃                           │",
        "│                           ┃  ? q     this help / quit                                    ┃                           │",
        "│                           ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛                           │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "│                                                          ││                                                          │",
        "└──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
        " Esc back  q quit                                                                                                       ",
      ]
    )
  }

  @Test func helpOverTheViewerListsTheViewerKeys() {
    var dashboard = Scenes.viewer(2, 80, 24)
    dashboard.press(.toggleHelp)
    #expect(
      dashboard.rows == [
        " taskdash  sqlite:demo.sqlite ● connected 0.4ms refreshed 5s ago  live every 1s ",
        " Tasks › agent.log                                                              ",
        " agent.log log · 252 B · log                                               100% ",
        "2026-11-25 09:59:18.120 INFO  starting run #12                                  ",
        "2026-11-┏ taskdash keys: artifact viewer · Esc or ? closes ━━━━━━━━━━━━┓        ",
        "2026-11-┃  j k ↓↑  move down / up (scroll in the viewer)               ┃        ",
        "2026-11-┃  PgDn/Up page down / up                                      ┃        ",
        "2026-11-┃  g G     first / last row, top / bottom                      ┃        ",
        "        ┃  Esc     back one level / close                              ┃        ",
        "        ┃  /       search the text                                     ┃        ",
        "        ┃  n       next match                                          ┃        ",
        "        ┃  N       previous match                                      ┃        ",
        "        ┃  w       wrap long lines                                     ┃        ",
        "        ┃  p       pause / resume live updates                         ┃        ",
        "        ┃  a       alerts: bell when a run fails or goes silent        ┃        ",
        "        ┃  r       refresh now (retry a lost connection)               ┃        ",
        "        ┃  + -     refresh faster / slower                             ┃        ",
        "        ┃  e       environments of the config file: switch             ┃        ",
        "        ┃  ? q     this help / quit                                    ┃        ",
        "        ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛        ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " Esc back  q quit                                                               ",
      ]
    )
  }
}
