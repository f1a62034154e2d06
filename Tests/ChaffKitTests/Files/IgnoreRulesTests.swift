import Testing

@testable import ChaffRunner

/// gitignore pattern semantics, one construct at a time, on `IgnoreRules` directly.
@Suite struct IgnoreRulesTests {
    /// The decision of `rules` (the lines of one file) for `path`.
    func decide(_ rules: String, _ path: String, directory: Bool = false) -> IgnoreRules.Decision? {
        IgnoreRules(Array(rules.utf8)).decision(Array(path.utf8)[...], isDirectory: directory)
    }

    @Test func aNameWithoutSlashMatchesAtAnyDepth() {
        #expect(decide("*.log\n", "a.log") == .ignore)
        #expect(decide("*.log\n", "deep/er/a.log") == .ignore)
        #expect(decide("*.log\n", "a.log.txt") == nil)
        #expect(decide("build\n", "src/build", directory: true) == .ignore)
    }

    @Test func aSlashAnchorsToTheFilesDirectory() {
        #expect(decide("/todo.md\n", "todo.md") == .ignore)
        #expect(decide("/todo.md\n", "sub/todo.md") == nil)
        #expect(decide("doc/frotz\n", "doc/frotz") == .ignore)
        #expect(decide("doc/frotz\n", "a/doc/frotz") == nil)
        #expect(decide("doc/*.md\n", "doc/a.md") == .ignore)
        #expect(decide("doc/*.md\n", "doc/sub/a.md") == nil)
    }

    @Test func aTrailingSlashMatchesDirectoriesOnly() {
        #expect(decide("out/\n", "out", directory: true) == .ignore)
        #expect(decide("out/\n", "out") == nil)
        #expect(decide("out/\n", "a/out", directory: true) == .ignore)
        #expect(decide("/a/out/\n", "a/out", directory: true) == .ignore)
    }

    @Test func negationReincludesAndTheLastMatchWins() {
        let rules = "*.md\n!keep.md\n"
        #expect(decide(rules, "a.md") == .ignore)
        #expect(decide(rules, "keep.md") == .include)
        #expect(decide("!keep.md\n*.md\n", "keep.md") == .ignore)
    }

    @Test func doubleStars() {
        #expect(decide("**/gen\n", "gen", directory: true) == .ignore)
        #expect(decide("**/gen\n", "a/b/gen", directory: true) == .ignore)
        #expect(decide("a/**/b.md\n", "a/b.md") == .ignore)
        #expect(decide("a/**/b.md\n", "a/x/y/b.md") == .ignore)
        #expect(decide("a/**/b.md\n", "x/a/b.md") == nil)
        #expect(decide("vendor/**\n", "vendor/x/y.md") == .ignore)
        #expect(decide("vendor/**\n", "vendor", directory: true) == nil)
        // Not a whole segment: an ordinary star, which stays within the segment.
        #expect(decide("/a**b\n", "axxb") == .ignore)
        #expect(decide("/a**b\n", "ax/xb") == nil)
    }

    @Test func questionMarksSetsAndRanges() {
        #expect(decide("file?.txt\n", "file1.txt") == .ignore)
        #expect(decide("file?.txt\n", "file.txt") == nil)
        #expect(decide("[abc].md\n", "b.md") == .ignore)
        #expect(decide("[a-c].md\n", "d.md") == nil)
        #expect(decide("[!a-c].md\n", "d.md") == .ignore)
        #expect(decide("草稿[一二].md\n", "草稿二.md") == .ignore)
        #expect(decide("?.md\n", "稿.md") == .ignore)
        // An unclosed set is a literal bracket.
        #expect(decide("[ab.md\n", "[ab.md") == .ignore)
    }

    @Test func commentsBlankLinesEscapesAndTrailingSpaces() {
        #expect(decide("# a.md\n\n", "# a.md") == nil)
        #expect(decide("\\#a.md\n", "#a.md") == .ignore)
        #expect(decide("\\!a.md\n", "!a.md") == .ignore)
        #expect(decide("a\\*.md\n", "a*.md") == .ignore)
        #expect(decide("a\\*.md\n", "ab.md") == nil)
        #expect(decide("a.md   \n", "a.md") == .ignore)
        #expect(decide("a.md\\ \n", "a.md ") == .ignore)
        #expect(decide("a.md\r\n", "a.md") == .ignore)
        // A trailing lone backslash makes the line invalid; git skips it.
        #expect(decide("a.md\\\n", "a.md") == nil)
    }

    @Test func starsDoNotBacktrackExponentially() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(decide("a*a*a*a*a*a*a*a*a*a*a*a*b\n", String(repeating: "a", count: 200)) == nil)
        }
        #expect(elapsed < .seconds(2))
    }
}

/// Which walked files are documents by default.
@Suite struct DocumentSelectionTests {
    @Test(arguments: [
        ("a.txt", true), ("a.TEXT", true), ("notes.rst", true), ("README.md", true), ("a.markdown", true),
        ("a.mdx", true), ("a.html", true), ("a.HTM", true), ("a.xhtml", true), ("README", true),
        ("License", true), ("CHANGELOG", true), ("Makefile", false), ("Dockerfile", false),
        ("a.swift", false), ("mkdocs.yml", false), ("a.json", false), ("a.js", false), ("a.", false),
    ])
    func defaultSet(name: String, expected: Bool) {
        #expect(DocumentSelection.isDefaultDocument(Array(name.utf8)) == expected)
    }
}
