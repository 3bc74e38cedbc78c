/// Where a test holds calls until it lets them through: closed until opened, then open for good.
///
/// A `MemoryReader` script passes the calls it should hold through `pass()`.
public actor Gate {
  private var isOpen = false
  private var waiting: [CheckedContinuation<Void, Never>] = []

  /// A closed gate.
  public init() {}

  /// Returns once the gate is open.
  public func pass() async {
    guard !isOpen else { return }
    await withCheckedContinuation { waiting.append($0) }
  }

  /// Lets every held and later caller through.
  public func open() {
    isOpen = true
    for continuation in waiting { continuation.resume() }
    waiting = []
  }
}
