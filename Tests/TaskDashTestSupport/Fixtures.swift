import Foundation
import TaskDashModel
import TaskDashViewModel

/// 2026-11-25 10:00:00 UTC. Data is stamped at this time and frames are drawn a few seconds
/// later, so every age on screen is exact.
public let t0 = Date(timeIntervalSince1970: 1_795_600_800)

/// `t0` moved by `seconds`.
public func at(_ seconds: Double) -> Date {
  t0.addingTimeInterval(seconds)
}

/// A recognisable, stable id.
public func id(_ number: Int) -> UUID {
  UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
}

/// The `UInt8`s of a string.
public func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// What the sample store answers to a health probe.
public let sampleHealth = Health(roundTrip: .microseconds(420), serverVersion: "SQLite 3.40.1", schemaVersion: 3)

/// The bytes a store returns for a window of `content`: up to `length` from `offset`, fewer at
/// the end and none past it.
public func slice(_ content: [UInt8], offset: Int64, length: Int) -> [UInt8] {
  let lower = min(content.count, Int(max(0, offset)))
  return Array(content[lower..<min(content.count, lower + max(0, length))])
}

/// The bytes a store returns for `request`.
public func slice(_ content: [UInt8], _ request: ContentRequest) -> [UInt8] {
  slice(content, offset: request.offset, length: request.length)
}
