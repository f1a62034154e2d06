import Foundation
import Testing

@testable import ChaffCLI

/// Reports printed file by file as linting goes are exactly the sorted report of the whole run:
/// same order (path order, not walk order), same lines, same exit status.
@Suite struct StreamingOutputTests {
    /// The compiler-format lines of a JSON report, in its order: what a non-streamed, fully
    /// sorted report contains.
    static func compilerLines(fromJSON json: String) -> String {
        let root = try! JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let diagnostics = root["diagnostics"] as! [[String: Any]]
        return diagnostics.map { d in
            "\(d["path"]!):\(d["line"]!):\(d["column"]!): \(d["severity"]!): \(d["message"]!) [\(d["rule"]!)]\n"
        }.joined()
    }

    /// A tree where walk order and path order differ (`a.txt` sorts before `a/…`, but the walk
    /// lists the folder `a` first), with findings of different counts per file.
    static func tree() -> Scratch {
        let scratch = Scratch()
        for i in 0..<60 {
            let findings = String(repeating: "值 {{ x\(i) }} 和 %s。\n", count: i % 7)
            scratch.write("a/\(i).txt", "第\(i)个\n" + findings)
            scratch.write("a.\(i % 3)/f\(i).txt", findings + "{{ y }}\n")
        }
        scratch.write("a.txt", "{{ top }}\n")
        scratch.write("b.txt", "没有问题。\n")
        return scratch
    }

    @Test func compilerOutputIsTheSortedReportWithTwoJobs() {
        let scratch = Self.tree()
        let streamed = chaff(["check", "-j", "2", scratch.root], in: scratch.root)
        let whole = chaff(["check", "-j", "2", "--format", "json", scratch.root], in: scratch.root)
        #expect(streamed.status == 1)
        #expect(whole.status == 1)
        #expect(streamed.err == "")
        let expected = Self.compilerLines(fromJSON: whole.out)
        #expect(streamed.out == expected)
        #expect(streamed.out.hasPrefix("a.0/f0.txt:1:1: warning: "))
        #expect(streamed.out.contains("\na.txt:1:1: warning: Unrendered template expression '{{ top }}'"))
        for jobs in ["1", "3"] {
            #expect(chaff(["check", "-j", jobs, scratch.root], in: scratch.root).out == expected, "-j \(jobs)")
        }
    }

    @Test func lineCountsAreExact() {
        let scratch = Self.tree()
        let out = chaff(["check", "-j", "2", scratch.root], in: scratch.root).out
        let lines = out.split(separator: "\n")
        // Per i: i % 7 lines of two findings in a/i.txt and in a.(i % 3)/fi.txt, plus one more
        // there; plus a.txt.
        let perFile = (0..<60).map { 2 * ($0 % 7) }.reduce(0, +)
        #expect(lines.count == 2 * perFile + 60 + 1)
        let paths = lines.map { String($0.split(separator: ":")[0]) }
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(paths.first == "a.0/f0.txt")
        // Path order, not walk order: the walk lists the folder `a` before the file `a.txt`.
        #expect(paths.firstIndex(of: "a.txt")! < paths.firstIndex(of: "a/1.txt")!)
        #expect(paths.last == "a/9.txt")
    }

    @Test func fileNamedTwiceIsReportedOnce() {
        let scratch = Scratch()
        scratch.write("x.txt", "{{ a }}\n中 %s\n")
        scratch.write("y.txt", "{{ b }}\n")
        let run = chaff(["check"] + ["y.txt", "x.txt", "y.txt", "x.txt"].map(scratch.path), in: scratch.root)
        let json = chaff(["check", "--format", "json"] + ["y.txt", "x.txt", "y.txt", "x.txt"].map(scratch.path), in: scratch.root)
        #expect(run.out == Self.compilerLines(fromJSON: json.out))
        #expect(run.out.split(separator: "\n").map { String($0.prefix(9)) } == ["x.txt:1:1", "x.txt:2:3", "y.txt:1:1"])
    }

    @Test func exitStatusAndProblemsKeepTheirOrder() {
        let scratch = Scratch()
        scratch.write("b.txt", "fine\n")
        scratch.write("a.txt", "{{ a }}\n")
        let run = chaff(
            ["check", "--fail-on", "warning"] + ["missing-2.txt", "b.txt", "missing-1.txt", "a.txt"].map(scratch.path), in: scratch.root)
        #expect(run.status == 2)
        #expect(run.out.hasPrefix("a.txt:1:1: warning: "))
        let first = run.err.range(of: "missing-2.txt")!.lowerBound
        let second = run.err.range(of: "missing-1.txt")!.lowerBound
        #expect(first < second)
        let clean = chaff(["check", "--fail-on", "error", scratch.path("a.txt")], in: scratch.root)
        #expect(clean.status == 0)
        #expect(chaff(["check", "--fail-on", "warning", scratch.path("a.txt")], in: scratch.root).status == 1)
        #expect(chaff(["check", "--fail-on", "warning", scratch.path("b.txt")], in: scratch.root).status == 0)
    }

    @Test func streamedFormatsRenderInPartsAsAWhole() {
        let scratch = Self.tree()
        for format in ["github", "rdjsonl"] {
            let run = chaff(["check", "-j", "2", "--format", format, scratch.root], in: scratch.root)
            #expect(run.status == 1, "\(format)")
            #expect(
                run.out.split(separator: "\n").count
                    == chaff(["check", "-j", "2", scratch.root], in: scratch.root).out.split(separator: "\n").count, "\(format)")
        }
    }
}
