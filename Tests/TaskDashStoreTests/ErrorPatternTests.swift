import Testing

@testable import TaskDashStore

@Suite struct ErrorPatternTests {
  @Test(arguments: ErrorPatternCorpus.entries)
  func eachCorpusMessageFoldsToItsPattern(_ entry: ErrorPatternCorpus.Entry) {
    #expect(ErrorPattern.fold(entry.message) == entry.pattern)
  }

  @Test func foldingAPatternAgainChangesNothing() {
    for entry in ErrorPatternCorpus.entries {
      #expect(ErrorPattern.fold(entry.pattern) == entry.pattern, "\(entry.message)")
    }
  }

  @Test func messagesThatDifferOnlyInTheirVariablePartsShareAPattern() {
    let messages = [
      "Timeout after 30s calling 'search' for run 0b5c1d2e-3f4a-4b6c-8d9e-0f1a2b3c4d5e (hash 9f86d081884c)",
      "Timeout after 125.5s calling 'fetch_url' for run 11111111-2222-4333-8444-555555555555 (hash 0xabc)",
    ]
    #expect(Set(messages.map(ErrorPattern.fold)).count == 1)
    #expect(
      ErrorPattern.fold(messages[0]) == "Timeout after #s calling '…' for run <uuid> (hash <hex>)")
  }

  @Test func onlyASCIILettersAndDigitsAreWordCharactersWhateverTheScript() {
    #expect(ErrorPattern.fold("é5 ж-7 x-7") == "é# ж# x-#")
    #expect(ErrorPattern.fold("é'q' ж\"q\"") == "é'…' ж\"…\"")
  }
}
