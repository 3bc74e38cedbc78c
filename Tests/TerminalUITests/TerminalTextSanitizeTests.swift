import Testing

@testable import TerminalUI

/// Whether `text` holds any scalar a terminal would act on: C0, DEL or C1.
private func holdsTerminalControl(_ text: String) -> Bool {
  text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
}

@Suite struct TerminalTextSanitizeTests {
  // MARK: - Controls

  @Test func everyC0ControlAndDeleteBecomesAVisibleMark() {
    for value in Array(0x00..<0x20) + [0x7F] {
      let scalar = Unicode.Scalar(UInt8(value))
      let output = TerminalText.sanitize("a\(scalar)b")
      #expect(!holdsTerminalControl(output), "U+\(value) leaked")
      #expect(output.hasPrefix("a") && output.hasSuffix("b"))
      #expect(output.count > 2, "U+\(value) was dropped")
    }
  }

  @Test func tabNewlineAndCarriageReturnHaveNamedMarks() {
    #expect(TerminalText.sanitize("a\tb\nc\rd") == "a\\tb\\nc\\rd")
  }

  @Test func otherC0ControlsAndDeleteShowTheirHexCode() {
    #expect(TerminalText.sanitize("\u{0}\u{7}\u{8}\u{1b}\u{7f}") == "\\x00\\x07\\x08\\x1b\\x7f")
  }

  @Test func backspaceCannotOverwriteWhatCameBefore() {
    #expect(
      TerminalText.sanitize("secret\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}public") == "secret"
        + String(repeating: "\\x08", count: 6) + "public")
  }

  @Test func carriageReturnCannotHideTheStartOfALine() {
    #expect(TerminalText.sanitize("rm -rf /\rls") == "rm -rf /\\rls")
  }

  @Test func escapeSequencesAreShownNotObeyed() {
    let corpus: [(String, String)] = [
      ("\u{1b}[2J", "\\x1b[2J"),  // clear screen
      ("\u{1b}[H\u{1b}[10;20H", "\\x1b[H\\x1b[10;20H"),  // cursor moves
      ("\u{1b}]0;owned\u{7}", "\\x1b]0;owned\\x07"),  // window title
      ("\u{1b}]52;c;cm0gLXJmIH4=\u{7}", "\\x1b]52;c;cm0gLXJmIH4=\\x07"),  // clipboard write
      (
        "\u{1b}]8;;https://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
        "\\x1b]8;;https://evil.example\\x1b\\link\\x1b]8;;\\x1b\\"
      ),
      ("\u{1b}P1$r0m\u{1b}\\", "\\x1bP1$r0m\\x1b\\"),  // DCS
      ("\u{1b}[6n", "\\x1b[6n"),  // cursor position report query
      ("\u{1b}[c\u{1b}[>c", "\\x1b[c\\x1b[>c"),  // device attributes query
      ("\u{1b}[31mred\u{1b}[0m", "\\x1b[31mred\\x1b[0m"),  // colours get no pass either
    ]
    for (input, expected) in corpus {
      let output = TerminalText.sanitize(input)
      #expect(output == expected)
      #expect(!holdsTerminalControl(output))
    }
  }

  @Test func c1ControlsIncludingTheSingleScalarCSIAreMarked() {
    for value in UInt32(0x80)...0x9F {
      let output = TerminalText.sanitize("x\(Unicode.Scalar(value)!)y")
      #expect(!holdsTerminalControl(output))
    }
    #expect(TerminalText.sanitize("\u{9b}2J") == "<U+009B>2J")
    #expect(TerminalText.sanitize("\u{85}") == "<U+0085>")
  }

  @Test func lineAndParagraphSeparatorsAreMarked() {
    #expect(TerminalText.sanitize("a\u{2028}b\u{2029}") == "a<U+2028>b<U+2029>")
  }

  // MARK: - Bidi and invisible characters

  @Test func bidiControlsAreShownAsCodePoints() {
    let trojan = "if (isAdmin) {\u{202E} }\u{2066}\u{2069} return"
    #expect(TerminalText.sanitize(trojan) == "if (isAdmin) {<U+202E> }<U+2066><U+2069> return")
    for value: UInt32 in [
      0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ] {
      let scan = TerminalText.scan("\(Unicode.Scalar(value)!)", lineBreaks: false)
      #expect(scan.report.bidi == 1)
      #expect(scan.lines == [[TerminalText.Segment(ScalarClass.codePoint(value), kind: .bidi)]])
    }
  }

  @Test func invisibleCharactersAreShownAsCodePoints() {
    for value: UInt32 in [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0xE0001, 0xE0041, 0xE007F] {
      let scan = TerminalText.scan("a\(Unicode.Scalar(value)!)b", lineBreaks: false)
      #expect(scan.report.invisible == 1, "U+\(String(value, radix: 16))")
      #expect(scan.lineTexts == ["a" + ScalarClass.codePoint(value) + "b"])
    }
    #expect(TerminalText.sanitize("\u{FEFF}id") == "<U+FEFF>id")
    #expect(TerminalText.sanitize("\u{E0041}") == "<U+E0041>")
  }

  @Test func variationSelectorsOnTheirBaseAreKept() {
    #expect(TerminalText.sanitize("\u{2764}\u{FE0F}") == "\u{2764}\u{FE0F}")
    #expect(TerminalText.sanitize("\u{845B}\u{E0100}") == "\u{845B}\u{E0100}")
  }

  @Test func arabicAndHebrewWithoutControlsPassUnchanged() {
    let texts = ["مرحبا بالعالم", "שלום עולם", "عدد ١٢٣ و 456", "בְּרֵאשִׁית", "\u{0600}\u{0661}\u{0662}"]
    for text in texts {
      let scan = TerminalText.scan(text, lineBreaks: false)
      #expect(scan.lineTexts == [text])
      #expect(scan.report.isClean)
    }
  }

  @Test func textWithNothingToMarkIsReturnedAsItIs() {
    let texts = ["plain ascii", "naïve café", "日本語のテキスト", "👍🏽 done", "🇫🇷", "e\u{301}", "ok 100%"]
    for text in texts {
      #expect(TerminalText.sanitize(text) == text)
    }
  }

  // MARK: - Malformed UTF-8

  @Test func malformedUTF8BecomesOneReplacementPerMaximalSubpart() {
    let cases: [([UInt8], String)] = [
      ([0x61, 0x80, 0x62], "a\u{FFFD}b"),  // lone continuation byte
      ([0x80, 0xBF, 0x41], "\u{FFFD}\u{FFFD}A"),  // two lone continuation bytes
      ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),  // overlong "/"
      ([0xE0, 0x80, 0xAF], "\u{FFFD}\u{FFFD}\u{FFFD}"),  // overlong, three bytes
      ([0xF0, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),  // overlong, four bytes
      ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),  // UTF-16 surrogate D800
      ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),  // above U+10FFFF
      ([0xE2, 0x82], "\u{FFFD}"),  // truncated at the end
      ([0xE2, 0x82, 0x41], "\u{FFFD}A"),  // truncated before ASCII
      ([0xF0, 0x9F, 0x98, 0x41], "\u{FFFD}A"),  // truncated emoji
      ([0xFE, 0xFF], "\u{FFFD}\u{FFFD}"),  // bytes never valid in UTF-8
      ([0xE2, 0x82, 0xAC], "€"),  // and a valid one for contrast
    ]
    for (bytes, expected) in cases {
      #expect(TerminalText.sanitize(bytes: bytes) == expected, "\(bytes)")
    }
  }

  @Test func aC1ControlEncodedInUTF8IsMarkedAfterDecoding() {
    #expect(TerminalText.sanitize(bytes: [0xC2, 0x9B, 0x32, 0x4A]) == "<U+009B>2J")
    #expect(TerminalText.sanitize(bytes: [0x9B, 0x32, 0x4A]) == "\u{FFFD}2J")
  }

  @Test func theReportCountsEachKindOfMark() {
    let scan = TerminalText.scan(bytes: Array("a\u{1b}[1m\u{202E}\u{200B}\u{9b}".utf8) + [0xFF], lineBreaks: false)
    #expect(scan.report.controls == 2)
    #expect(scan.report.bidi == 1)
    #expect(scan.report.invisible == 1)
    #expect(scan.report.invalid == 1)
    #expect(scan.report.markCount == 5)
    #expect(scan.report.summary == "2 control, 1 bidi, 1 invisible, 1 invalid UTF-8 marks shown")
    #expect(TerminalText.Report().summary == "")
  }

  @Test func marksAreSegmentsOfTheirOwnSoTheyCanBeStyled() {
    let scan = TerminalText.scan("a\\nb\nc", lineBreaks: false)
    #expect(
      scan.lines == [
        [
          TerminalText.Segment("a\\nb"), TerminalText.Segment("\\n", kind: .control), TerminalText.Segment("c"),
        ]
      ])
  }

  // MARK: - Lines

  @Test func theMultiLineVariantKeepsLineBreaksAndMarksTheRest() {
    #expect(TerminalText.sanitizeLines("one\ntwo\tx\r\nthree\rfour\n") == ["one", "two\\tx", "three\\rfour"])
    #expect(TerminalText.sanitizeLines("") == [])
    #expect(TerminalText.sanitizeLines("\n") == [""])
    #expect(TerminalText.sanitizeLines("a\n\nb") == ["a", "", "b"])
    #expect(TerminalText.sanitizeLines("end\r") == ["end\\r"])
    #expect(TerminalText.sanitizeLines(bytes: [0x61, 0x0A, 0xFF, 0x0D, 0x0A, 0x1B]) == ["a", "\u{FFFD}", "\\x1b"])
  }

  @Test func aLineOverTheLimitIsCutWithAMarkAndTheNextLineIsKept() {
    let text = String(repeating: "x", count: 50) + "\nshort"
    let scan = TerminalText.scan(text, limit: 10)
    #expect(scan.lineTexts == [String(repeating: "x", count: 10) + "…", "short"])
    #expect(scan.report.truncatedLines == 1)
    #expect(TerminalText.sanitize(String(repeating: "y", count: 20), limit: 20) == String(repeating: "y", count: 20))
  }

  // MARK: - Combining marks

  @Test func aPileOfCombiningMarksIsCappedAndCounted() {
    let zalgo = "Z" + String(repeating: "\u{0300}\u{0301}\u{0302}", count: 100) + "a"
    let scan = TerminalText.scan(zalgo, lineBreaks: false)
    let text = scan.lineTexts[0]
    #expect(text == "Z\u{0300}\u{0301}\u{0302}\u{0300}a")
    #expect(scan.report.droppedMarks == 296)
    #expect(text.count == 2)
  }

  @Test func aMarkWithoutABaseSitsOnADottedCircle() {
    #expect(TerminalText.sanitize("\u{0301}x") == "\u{25CC}\u{0301}x")
    #expect(TerminalText.sanitize("\t\u{0301}") == "\\t\u{25CC}\u{0301}")
    #expect(TerminalText.displayWidth("\u{0301}") == 1)
  }

  @Test func aMillionCombiningMarksOnOneCharacterStayBounded() {
    let pile = "a" + String(repeating: "\u{0301}", count: 1_000_000)
    let scan = TerminalText.scan(pile, lineBreaks: false)
    #expect(scan.report.truncatedLines == 1)
    #expect(scan.report.droppedMarks > TerminalText.defaultLineLimit * 9 / 10)
    #expect(scan.lineTexts[0].unicodeScalars.count < 1_000)
    #expect(scan.lineTexts[0].hasSuffix("…"))
    for character in scan.lineTexts[0] {
      #expect(character.unicodeScalars.count <= TerminalText.maxClusterScalars)
    }
  }

  @Test func loneHangulVowelJamoAreMarkedButSyllablesFromJamoAreKept() {
    #expect(TerminalText.sanitize("\u{1161}") == "<U+1161>")
    #expect(TerminalText.sanitize("\u{1100}\u{1161}\u{11A8}") == "\u{1100}\u{1161}\u{11A8}")
  }

  // MARK: - The output invariant

  @Test func noOutputEverHoldsATerminalControl() {
    var bytes: [UInt8] = []
    for value in 0...255 { bytes += [UInt8(value), 0x41] }
    bytes += Array("\u{9b}\u{85}\u{1b}]0;x\u{7}".utf8)
    #expect(!holdsTerminalControl(TerminalText.sanitize(bytes: bytes)))
    for line in TerminalText.sanitizeLines(bytes: bytes) {
      #expect(!holdsTerminalControl(line))
    }
    var scalars = ""
    for value in UInt32(0)...0x2FF { scalars.unicodeScalars.append(Unicode.Scalar(value)!) }
    #expect(!holdsTerminalControl(TerminalText.sanitize(scalars)))
    #expect(!holdsTerminalControl(TerminalText.truncate(scalars, toWidth: 5000)))
  }
}
