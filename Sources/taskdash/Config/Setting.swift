/// A resolved setting and where it came from (what `taskdash config` prints).
struct Setting<Value: Hashable & Sendable>: Hashable, Sendable {
  /// The value.
  let value: Value
  /// Where it came from.
  let source: SettingSource
}
