extension Buffer {
  /// The cells that differ from `previous`, as runs per row, top to bottom.
  ///
  /// After a resize (sizes differ) every row is one run. A changed half of a wide glyph
  /// pulls the other half into the run, so the backend never writes half a glyph.
  public func diff(from previous: Buffer) -> [CellRun] {
    guard previous.size == size else {
      return (0..<size.height).compactMap { y in
        size.width == 0 ? nil : CellRun(x: 0, y: y, cells: Array(cells[(y * size.width)..<((y + 1) * size.width)]))
      }
    }
    var runs: [CellRun] = []
    var changed = Array(repeating: false, count: size.width)
    for y in 0..<size.height {
      for x in 0..<size.width {
        changed[x] = self[x, y] != previous[x, y]
      }
      for x in 0..<size.width where changed[x] {
        if self[x, y].isContinuation && x > 0 { changed[x - 1] = true }
        if x + 1 < size.width && self[x + 1, y].isContinuation { changed[x + 1] = true }
      }
      var x = 0
      while x < size.width {
        guard changed[x] else {
          x += 1
          continue
        }
        let start = x
        while x < size.width && changed[x] { x += 1 }
        runs.append(CellRun(x: start, y: y, cells: Array(cells[(y * size.width + start)..<(y * size.width + x)])))
      }
    }
    return runs
  }
}
