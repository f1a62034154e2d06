import ChaffRunner
import ChaffText
import Foundation
import Testing

@testable import ChaffCLI

/// `chaff stream`: the exact records, their order, error records and exit statuses.
@Suite struct StreamCommandTests {
    @Test func recordsCarryFindingsSpansSignalsAndPassThrough() {
        let scratch = Scratch()
        scratch.write(
            "in.jsonl",
            """
            {"id":"g","text":"角(jue)色很好。观點","lang":"zh"}
            {"id":1,"text":"Hi {a|b} 😀 <随机段落>","x":[true,null,-1.5e3]}

            """)
        let run = chaff(["stream", "--no-config", "--select", "placeholder", "in.jsonl"], in: scratch.root)
        #expect(run.status == 0)
        #expect(run.err == "")
        #expect(
            run.out == """
                {"id":"g","findings":[],"signals":{"characters":12,"perThousand":{"placeholder":0.0},"hanCharacters":6,"traditionalShare":0.5,"glossDensity":0.1667},"lang":"zh"}
                {"id":1,"findings":[{"rule":"placeholder-spintax","severity":"warning","message":"Unspun spintax '{a|b}'; choose one alternative","byteStart":3,"byteEnd":8,"charStart":3,"charEnd":8,"match":"{a|b}"},{"rule":"placeholder-angle-token","severity":"warning","message":"Unfilled template token '<随机段落>'; replace it with real text or remove it","byteStart":14,"byteEnd":28,"charStart":11,"charEnd":17,"match":"<随机段落>"}],"signals":{"characters":17,"perThousand":{"placeholder":117.6471},"hanCharacters":4,"traditionalShare":0.0,"glossDensity":0.0},"x":[true,null,-1.5e3]}

                """)
    }

    @Test func fixesAreReported() {
        let scratch = Scratch()
        scratch.write("in.jsonl", #"{"id":"zh","text":"觀點是这样的：据不完全统计，研究表明"}"# + "\n")
        let run = chaff(["stream", "--no-config", "--select", "mixed-han-script", "in.jsonl"], in: scratch.root)
        #expect(run.status == 0)
        #expect(
            run.out
                == #"{"id":"zh","findings":[{"rule":"mixed-han-script","severity":"warning","message":"Traditional characters '觀點' in Simplified text; use '观点'","byteStart":0,"byteEnd":6,"charStart":0,"charEnd":2,"match":"觀點","fix":"观点"}],"signals":{"characters":18,"perThousand":{"mixed":55.5556},"hanCharacters":16,"traditionalShare":0.3333,"glossDensity":0.0}}"#
                + "\n")
    }

    /// A record's `format` picks the masker (HTML: the attribute is prose, the code element is
    /// not); without one, `--default-format` does.
    @Test func theFormatDecidesWhatIsProse() {
        let scratch = Scratch()
        let html = #"<p title=\"{x|y}\">Use <code>{best|top}</code> here</p>"#
        scratch.write("in.jsonl", #"{"id":"h","text":"\#(html)","format":"html"}"# + "\n" + #"{"id":"t","text":"\#(html)"}"# + "\n")
        func spans(_ arguments: [String]) -> [String] {
            let run = chaff(["stream", "--no-config", "--select", "placeholder-spintax"] + arguments + ["in.jsonl"], in: scratch.root)
            #expect(run.status == 0)
            return run.out.split(separator: "\n").map { line in
                let id = line.contains(#""id":"h""#) ? "h" : "t"
                guard let start = line.range(of: #""match":""#) else { return id + " none" }
                return id + " " + line[start.upperBound...].prefix { $0 != "\"" }
            }
        }
        #expect(spans([]) == ["h {x|y}", "t {best|top}"])
        #expect(spans(["--default-format", "html"]) == ["h {x|y}", "t {x|y}"])
    }

    @Test func malformedLinesGetErrorRecordsInPlaceAndExitOne() {
        let scratch = Scratch()
        scratch.write(
            "in.jsonl",
            """
            {"id":"a","text":"fine"}
            not json

            {"id":"b"}
            {"id":"c","text":"x","findings":[]}
            {"id":"d","text":"\\ud800"}
            {"id":"e","text":"also fine"}
            """)
        let run = chaff(["stream", "--no-config", "--select", "placeholder", "in.jsonl"], in: scratch.root)
        #expect(run.status == 1)
        #expect(
            run.out.split(separator: "\n").map(String.init) == [
                #"{"id":"a","findings":[],"signals":{"characters":4,"perThousand":{"placeholder":0.0},"hanCharacters":0,"traditionalShare":null,"glossDensity":null}}"#,
                #"{"id":null,"error":{"line":2,"column":1,"message":"a line must be a JSON object, found 'n'"}}"#,
                #"{"id":null,"error":{"line":3,"column":1,"message":"an empty line; each line must be one JSON object"}}"#,
                #"{"id":"b","error":{"line":4,"column":1,"message":"the record has no 'text'"}}"#,
                #"{"id":"c","error":{"line":5,"column":22,"message":"member 'findings' is reserved for chaff's output; rename it"}}"#,
                #"{"id":"d","error":{"line":6,"column":19,"message":"an unpaired surrogate escape; the text must be Unicode"}}"#,
                #"{"id":"e","findings":[],"signals":{"characters":9,"perThousand":{"placeholder":0.0},"hanCharacters":0,"traditionalShare":null,"glossDensity":null}}"#,
            ])
        #expect(run.err == "chaff: 5 of 7 lines got an error record (first: line 2: a line must be a JSON object, found 'n')\n")
    }

    @Test func aLineOverTheLimitIsAnsweredAndTheStreamGoesOn() {
        let scratch = Scratch()
        let long = #"{"id":"long","text":""# + String(repeating: "x", count: 100) + #""}"#
        scratch.write("in.jsonl", long + "\n" + #"{"id":"next","text":"{a|b}"}"# + "\n")
        let run = chaff(
            ["stream", "--no-config", "--select", "placeholder-spintax", "--max-line-bytes", "64", "in.jsonl"], in: scratch.root)
        #expect(run.status == 1)
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines[0]
                == #"{"id":null,"error":{"line":1,"column":1,"message":"the line is \#(long.utf8.count) bytes long, over --max-line-bytes (64)"}}"#
        )
        #expect(lines[1].hasPrefix(#"{"id":"next","findings":[{"rule":"placeholder-spintax""#))
    }

    /// Many workers, a window of a few lines and documents of very different cost: the output
    /// is line for line that of one worker.
    @Test func parallelOutputKeepsTheInputOrder() throws {
        var input = ""
        for n in 0..<200 {
            let text = n % 7 == 0 ? String(repeating: "观點 {a|b} <随机段落> 据不完全统计。", count: 20) : "doc \(n) {x|y}"
            input += #"{"id":\#(n),"text":"\#(text)"}"# + "\n"
        }
        let scratch = Scratch()
        scratch.write("in.jsonl", input)
        func run(jobs: Int, window: Int) throws -> String {
            var options = try #require(try StreamCommand.parse(["--no-config", "-j", String(jobs), "in.jsonl"]))
            options.windowPerJob = window
            let box = OutputBox()
            let console = Console(
                writeOut: { box.out($0) }, writeError: { box.err($0) },
                readInput: { () throws(FileReader.Failure) -> [UInt8] in [] }, outputIsTerminal: false,
                environment: [:], workingDirectory: scratch.root)
            #expect(StreamCommand.run(options, console: console) == 0)
            return box.values.0
        }
        let serial = try run(jobs: 1, window: 1)
        let parallel = try run(jobs: 4, window: 2)
        #expect(serial.split(separator: "\n").count == 200)
        #expect(serial.split(separator: "\n").enumerated().allSatisfy { $0.element.hasPrefix(#"{"id":\#($0.offset),"#) })
        #expect(parallel == serial)
    }

    @Test func findingsAreThoseOfCheckOnTheSameText() throws {
        let scratch = Scratch()
        let text = "标题：<随机段落>\n\n觀點是这样的：据不完全统计，{best|top} 角(jiao)色 pаypal。\n"
        scratch.write("doc.txt", text)
        var escapedBytes: [UInt8] = []
        JSONBytes.appendString(text, to: &escapedBytes)
        let escaped = String(decoding: escapedBytes, as: UTF8.self)
        scratch.write("in.jsonl", #"{"id":"doc","text":\#(escaped)}"# + "\n")
        let check = chaff(["check", "--no-config", "--format", "json", scratch.path("doc.txt")], in: scratch.root)
        let stream = chaff(["stream", "--no-config", "in.jsonl"], in: scratch.root)
        #expect(stream.status == 0)
        let checked = try #require(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any])
        let diagnostics = try #require(checked["diagnostics"] as? [[String: Any]])
        let record = try #require(try JSONSerialization.jsonObject(with: Data(stream.out.utf8)) as? [String: Any])
        let findings = try #require(record["findings"] as? [[String: Any]])
        #expect(diagnostics.count == 6)
        func key(_ d: [String: Any], start: String, end: String?) -> String {
            let from = d[start] as! Int
            let to = end.map { d[$0] as! Int } ?? from + (d["byteLength"] as! Int)
            return "\(d["rule"]!) \(from)..<\(to) \(d["message"]!)"
        }
        #expect(findings.map { key($0, start: "byteStart", end: "byteEnd") } == diagnostics.map { key($0, start: "byteOffset", end: nil) })
        let scalars = Array(text.unicodeScalars)
        for finding in findings {
            let slice = String(String.UnicodeScalarView(scalars[(finding["charStart"] as! Int)..<(finding["charEnd"] as! Int)]))
            #expect(slice == finding["match"] as? String)
        }
    }

    @Test func usageErrorsExitTwoAndReadNothing() {
        let scratch = Scratch()
        let format = chaff(["stream", "--default-format", "xml"], in: scratch.root)
        #expect(format.status == 2)
        #expect(
            format.err
                == "chaff: error: --default-format must be one of text, markdown, html, rst, po, xliff, android-strings, stringsdict, strings, xcstrings, i18n-json, arb, found 'xml'\n"
        )
        let two = chaff(["stream", "a", "b"], in: scratch.root)
        #expect(two.status == 2)
        #expect(two.err == "chaff: error: chaff stream reads one input, found 2: 'a', 'b'\n")
        let missing = chaff(["stream", "--no-config", "missing.jsonl"], in: scratch.root)
        #expect(missing.status == 2)
        #expect(missing.err == "missing.jsonl: error: cannot read: No such file or directory\n")
        let select = chaff(["stream", "--no-config", "--select", "placeholdr"], in: scratch.root)
        #expect(select.status == 2)
        #expect(select.err.hasPrefix("chaff: error: 'placeholdr' matches no rule; did you mean 'placeholder"))
    }

    @Test func aClosedOutputStopsWithStatus141() {
        let scratch = Scratch()
        scratch.write("in.jsonl", String(repeating: #"{"id":1,"text":"x"}"# + "\n", count: 50))
        let console = Console(
            writeOut: { _ in }, writeError: { _ in }, readInput: { () throws(FileReader.Failure) -> [UInt8] in [] },
            outputIsTerminal: false, environment: [:], workingDirectory: scratch.root, outputClosed: { true })
        #expect(ChaffCommandLine.run(["stream", "--no-config", "in.jsonl"], console: console) == Console.closedOutputStatus)
    }

    @Test func helpListsTheCommand() {
        let run = chaff(["help", "stream"], in: "/")
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("Usage: chaff stream [OPTIONS] [INPUT]\n"))
        #expect(run.out.contains("Exit status: 0 every line was tagged; 1 some line got an error record; 2 a usage,"))
    }
}
