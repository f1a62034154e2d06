import ChaffReporters
import Testing

@testable import ChaffText

/// `StringList.joined` joins as `joined(separator:)` does, and the `--format` help built with
/// it names every format, the default first.
@Suite struct StringListTests {
    @Test func joinsWithTheSeparatorBetweenEachTwo() {
        #expect(StringList.joined([], separator: ", ") == "")
        #expect(StringList.joined(["a"], separator: ", ") == "a")
        #expect(StringList.joined(["a", "", "c"], separator: " or ") == "a or  or c")
        let words = ["compiler", "json", "sarif", "漢字"]
        #expect(StringList.joined(words, separator: "|") == words.joined(separator: "|"))
    }

    @Test func formatHelpNamesTheDefaultFirst() {
        let names = ReporterRegistry.names
        #expect(names.first == "compiler")
        #expect(ReporterRegistry.formatHelp == "compiler (default), " + names.dropFirst().joined(separator: ", "))
    }
}
