/// An order a pane can show its rows in; `s` cycles through `allCases`.
public protocol PaneSort: CaseIterable, Hashable, Sendable {
  /// A short name for the header, such as "newest".
  var title: String { get }
}

extension PaneSort {
  /// The next order in `allCases`, wrapping around.
  var next: Self {
    let all = Array(Self.allCases)
    guard let index = all.firstIndex(of: self) else { return self }
    return all[(index + 1) % all.count]
  }
}
