/// One step of input to the sanitizer: a scalar, or a malformed UTF-8 sequence.
enum DecodedScalar: Hashable, Sendable {
  case scalar(Unicode.Scalar)
  /// A maximal subpart of an ill-formed UTF-8 sequence.
  case invalid
}

/// The scalars of a string, one at a time.
struct StringScalarSource<Text: StringProtocol>: IteratorProtocol {
  private var iterator: Text.UnicodeScalarView.Iterator

  init(_ text: Text) {
    iterator = text.unicodeScalars.makeIterator()
  }

  mutating func next() -> DecodedScalar? {
    iterator.next().map(DecodedScalar.scalar)
  }
}

/// Bytes decoded as UTF-8 lazily, one malformed sequence per maximal subpart.
struct UTF8ScalarSource<Bytes: Sequence<UInt8>>: IteratorProtocol {
  private var bytes: Bytes.Iterator
  private var parser = Unicode.UTF8.ForwardParser()

  init(_ bytes: Bytes) {
    self.bytes = bytes.makeIterator()
  }

  mutating func next() -> DecodedScalar? {
    switch parser.parseScalar(from: &bytes) {
    case .valid(let encoded): .scalar(Unicode.UTF8.decode(encoded))
    case .error: .invalid
    case .emptyInput: nil
    }
  }
}
