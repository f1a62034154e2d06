import Testing

@testable import ChaffEngine
@testable import ChaffRunner

/// Reading `git diff -U0` and keeping the findings on changed lines.
@Suite struct ChangedLinesTests {
    @Test func hunksGiveTheNewVersionsLines() {
        let patch = """
            diff --git a/a.md b/a.md
            index 1..2 100644
            --- a/a.md
            +++ b/a.md
            @@ -2 +2 @@ x
            -old
            +new
            @@ -5,0 +6,3 @@
            ++++ b/fake.md
            +@@ -1 +1 @@
            +third
            @@ -9,2 +11,0 @@
            -gone
            -gone
            diff --git "a/caf\\303\\251 \\"q\\".md" "b/caf\\303\\251 \\"q\\".md"
            --- "a/caf\\303\\251 \\"q\\".md"
            +++ "b/caf\\303\\251 \\"q\\".md"
            @@ -1 +1,2 @@
            -x
            \\ No newline at end of file
            +y
            +z
            diff --git a/gone.md b/gone.md
            deleted file mode 100644
            --- a/gone.md
            +++ /dev/null
            @@ -1 +0,0 @@
            -bye

            """
        let lines = UnifiedDiff.addedLines(Array(patch.utf8))
        #expect(lines == ["a.md": [2...2, 6...8], "café \"q\".md": [1...2]])
    }

    @Test func quotedPathsAreUnquoted() {
        #expect(GitPath.unquote(Array("plain name.md".utf8)) == "plain name.md")
        #expect(GitPath.unquote(Array(#""b/t\tn\nq\"s\\ \344\270\255""#.utf8)) == "b/t\tn\nq\"s\\ 中")
    }

    func finding(_ range: Range<Int>) -> Diagnostic {
        Diagnostic(
            path: "a", range: range, line: 0, column: 0, endLine: 0, endColumn: 0, severity: .warning, ruleID: "r", message: "m",
            matchedText: "")
    }

    @Test func findingsAreKeptWhenTheyTouchAChangedLine() {
        // Lines as git counts them: "a\r" "bb\n" is line 1 ("a\rbb"), "cc" line 2, "dd" line 3.
        let bytes = Array("a\rbb\ncc\ndd".utf8)
        let all = [finding(0..<1), finding(2..<4), finding(4..<6), finding(6..<7), finding(8..<10), finding(11..<11)]
        #expect(ChangedLines.lines([2...2]).keep(all, in: bytes).map(\.range) == [4..<6, 6..<7])
        #expect(ChangedLines.lines([1...1]).keep(all, in: bytes).map(\.range) == [0..<1, 2..<4, 4..<6])
        #expect(ChangedLines.lines([3...3]).keep(all, in: bytes).map(\.range) == [8..<10])
        #expect(ChangedLines.lines([]).keep(all, in: bytes).isEmpty)
        #expect(ChangedLines.all.keep(all, in: bytes) == all)
    }

    @Test func shardsSplitByPathAlone() {
        #expect(FileShard(parsing: "1/3") == FileShard(index: 1, count: 3))
        for bad in ["3/3", "-1/3", "0/0", "1", "a/3", "1/3/4", "", "1/", "１/3"] { #expect(FileShard(parsing: bad) == nil, "\(bad)") }
        let paths = (0..<300).map { "dir\($0 % 7)/file\($0).md" }
        let parts = paths.map { FileShard.part(of: $0, count: 3) }
        // Each path in exactly one shard; no shard empty or holding most of the files.
        for index in 0..<3 {
            let members = paths.indices.filter { FileShard(index: index, count: 3).contains(paths[$0]) }
            #expect(members == paths.indices.filter { parts[$0] == index })
            #expect(members.count > 70 && members.count < 130)
        }
        #expect(FileShard.part(of: "a.md", count: 1) == 0)
    }
}
