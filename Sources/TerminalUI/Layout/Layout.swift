/// Splits a rectangle into rows or columns by constraints.
///
/// Room is handed out in three passes: `fixed` and `min` first in order, then `percentage`
/// of the whole in order, each capped by what is left; what remains goes to `fill` parts by
/// weight, or to `min` parts equally when there is no `fill`. When the room runs out, later
/// parts get less, down to zero. Parts never overlap and never leave the rectangle.
public struct Layout: Hashable, Sendable {
  /// Which way the parts run.
  public enum Direction: Hashable, Sendable {
    /// Parts stacked top to bottom.
    case vertical
    /// Parts side by side, left to right.
    case horizontal
  }

  /// Which way the parts run.
  public var direction: Direction
  /// One constraint per part, in order.
  public var constraints: [Constraint]
  /// Cells left empty between neighbouring parts.
  public var spacing: Int

  /// Creates a layout.
  public init(direction: Direction, constraints: [Constraint], spacing: Int = 0) {
    self.direction = direction
    self.constraints = constraints
    self.spacing = max(0, spacing)
  }

  /// Rows, top to bottom.
  public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
    Layout(direction: .vertical, constraints: constraints, spacing: spacing)
  }

  /// Columns, left to right.
  public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
    Layout(direction: .horizontal, constraints: constraints, spacing: spacing)
  }

  /// One rectangle per constraint, in order.
  public func split(_ area: Rect) -> [Rect] {
    let total = direction == .vertical ? area.height : area.width
    let lengths = Layout.lengths(constraints, total: total, spacing: spacing)
    var offset = 0
    return lengths.map { length in
      let start = min(offset, total)
      let length = min(length, total - start)
      offset = start + length + spacing
      switch direction {
      case .vertical: return Rect(x: area.x, y: area.y + start, width: area.width, height: length)
      case .horizontal: return Rect(x: area.x + start, y: area.y, width: length, height: area.height)
      }
    }
  }

  /// The length of each part when `total` cells are split with `spacing` between parts.
  public static func lengths(_ constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
    guard !constraints.isEmpty else { return [] }
    let available = max(0, max(0, total) - max(0, spacing) * (constraints.count - 1))
    var lengths = Array(repeating: 0, count: constraints.count)
    var remaining = available
    for (index, constraint) in constraints.enumerated() {
      switch constraint {
      case .fixed(let cells), .min(let cells):
        lengths[index] = min(max(0, cells), remaining)
        remaining -= lengths[index]
      case .percentage, .fill: break
      }
    }
    for (index, constraint) in constraints.enumerated() {
      if case .percentage(let percent) = constraint {
        lengths[index] = min(available * min(max(0, percent), 100) / 100, remaining)
        remaining -= lengths[index]
      }
    }
    var weights = constraints.map { constraint -> Int in
      if case .fill(let weight) = constraint { return max(0, weight) }
      return 0
    }
    if weights.allSatisfy({ $0 == 0 }) {
      weights = constraints.map { constraint in
        if case .min = constraint { return 1 }
        return 0
      }
    }
    let totalWeight = weights.reduce(0, +)
    guard totalWeight > 0 else { return lengths }
    // Cumulative rounding: the shares always add up to exactly what was left.
    var cumulative = 0
    var given = 0
    for index in lengths.indices where weights[index] > 0 {
      cumulative += weights[index]
      let upTo = remaining * cumulative / totalWeight
      lengths[index] += upTo - given
      given = upTo
    }
    return lengths
  }
}
