import Foundation
import Testing

@testable import ChaffCLI

#if canImport(Glibc)
    import Glibc
#endif

/// Sizes chaff must survive: a 200 MB line, a million lines, 20,000 files in one directory
/// (100,000 once by hand: docs/reliability.md), trees 500 levels deep and deeper than PATH_MAX.
/// Each asserts the exact report, so a wrong line or column at scale fails as surely as a crash.
@Suite(.serialized) struct LargeInputTests {
    /// Writes `parts` to `path`, each part `count` times, without holding the file in memory.
    static func writeFile(_ path: String, _ parts: [(bytes: [UInt8], count: Int)]) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0, "cannot create \(path)")
        defer { close(fd) }
        for (bytes, count) in parts {
            for _ in 0..<count {
                bytes.withUnsafeBytes { raw in
                    var offset = 0
                    while offset < raw.count {
                        let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                        precondition(n > 0, "write failed")
                        offset += n
                    }
                }
            }
        }
    }

    @Test func singleLineOf200MegabytesHasExactColumns() {
        let scratch = Scratch()
        // 16 bytes × 65,536 = 1 MiB of ASCII filler, written 100 times on each side of the middle.
        let mebibyte = Array(String(repeating: "lorem ipsum sit ", count: 65_536).utf8)
        Self.writeFile(
            scratch.path("line.txt"),
            [
                (Array("开头 %s ".utf8), 1), (mebibyte, 100), (Array("{{ mid }}".utf8), 1), (mebibyte, 100),
                (Array("<随机段落>\n".utf8), 1),
            ])
        let run = chaff(["check", scratch.path("line.txt")], in: scratch.root)
        // Scalars before each finding: 3; 6 + 104,857,600; 6 + 2 × 104,857,600 + 9.
        #expect(
            run.out == """
                line.txt:1:4: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                line.txt:1:104857607: warning: Unrendered template expression '{{ mid }}'; fill it in or remove it [placeholder-template-expression]
                line.txt:1:209715216: warning: Unfilled template token '<随机段落>'; replace it with real text or remove it [placeholder-angle-token]

                """)
        #expect(run.err == "")
        #expect(run.status == 1)
    }

    @Test func millionShortLinesWithMixedLineEndings() {
        let scratch = Scratch()
        // The filler lines end in LF, CRLF and lone CR in turn: 499,998 before the middle line
        // (500,000) and 499,999 after it, so the last line is line 1,000,000.
        let filler = Array("short line\n".utf8) + Array("short line\r\n".utf8) + Array("short line\r".utf8)
        Self.writeFile(
            scratch.path("lines.txt"),
            [
                (Array("%s first\n".utf8), 1), (filler, 166_666), (Array("middle {a|b}\n".utf8), 1),
                (filler, 166_666), (Array("short line\n".utf8), 1), (Array("last {{ end }}".utf8), 1),
            ])
        let run = chaff(["check", scratch.path("lines.txt")], in: scratch.root)
        #expect(
            run.out == """
                lines.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                lines.txt:500000:8: warning: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]
                lines.txt:1000000:6: warning: Unrendered template expression '{{ end }}'; fill it in or remove it [placeholder-template-expression]

                """)
        #expect(run.status == 1)
    }

    @Test func twentyThousandFilesInOneDirectory() {
        let scratch = Scratch()
        let directory = scratch.path("many")
        mkdir(directory, 0o755)
        let clean = Array("plain text\n".utf8)
        for i in 0..<20_000 {
            let name = String(format: "%@/f%05d.txt", directory, i)
            Self.writeFile(name, [(i % 10_000 == 0 || i == 19_999 ? Array("has %s\n".utf8) : clean, 1)])
        }
        let run = chaff(["check", directory], in: scratch.root)
        #expect(
            run.out == """
                many/f00000.txt:1:5: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                many/f10000.txt:1:5: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                many/f19999.txt:1:5: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
        #expect(run.err == "")
        #expect(run.status == 1)
    }

    @Test func treeFiveHundredLevelsDeep() {
        let scratch = Scratch()
        var path = "deep"
        for level in 0..<500 {
            mkdir(scratch.path(path), 0o755)
            if level % 100 == 99 { scratch.write(path + "/at-\(level + 1).txt", "{x|y}\n") }
            path += "/d"
        }
        let run = chaff(["check", scratch.path("deep")], in: scratch.root)
        let lines = run.out.split(separator: "\n")
        #expect(lines.count == 5)
        // Entries sort by name: "at-N.txt" before the "d" subdirectory, so shallow files come first.
        for (i, line) in lines.enumerated() {
            let prefix = "deep" + String(repeating: "/d", count: 100 * i + 99)
            #expect(
                line
                    == "\(prefix)/at-\(100 * i + 100).txt:1:1: warning: Unspun spintax '{x|y}'; choose one alternative [placeholder-spintax]"
            )
        }
        #expect(run.status == 1)
    }

    @Test func treeDeeperThanPathMaxIsAnErrorAndTheRestIsLinted() throws {
        let scratch = Scratch()
        scratch.write("top.txt", "%d\n")
        // 2,100 levels of "d/" make paths longer than PATH_MAX (4,096), which no path-based
        // call accepts; build them with mkdirat relative to the previous level.
        var fd = open(scratch.root, O_RDONLY | O_DIRECTORY)
        mkdirat(fd, "deep", 0o755)
        var next = openat(fd, "deep", O_RDONLY | O_DIRECTORY)
        close(fd)
        fd = next
        for _ in 0..<2_100 {
            mkdirat(fd, "d", 0o755)
            next = openat(fd, "d", O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        close(fd)
        defer { Self.removeTree(scratch.path("deep")) }
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(
            run.out
                == "top.txt:1:1: warning: Format specifier '%d' in prose; the value was never filled in [placeholder-printf-specifier]\n")
        // The first directory whose absolute path does not fit PATH_MAX (4,096 bytes with its
        // NUL), shown relative to the working directory like the paths of findings.
        let levels = (4_096 - scratch.path("deep").utf8.count + 1) / 2
        #expect(run.err == "deep" + String(repeating: "/d", count: levels) + ": error: File name too long\n")
        #expect(run.status == 2)
    }

    /// `rm -rf`, which removes trees deeper than PATH_MAX (FileManager cannot).
    static func removeTree(_ path: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", path]
        try? process.run()
        process.waitUntilExit()
    }
}
