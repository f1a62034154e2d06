import ChaffBuiltinRules
import ChaffEngine
import ChaffKinds
import ChaffReporters
import Foundation

/// A broken promise found by a fuzz check.
struct FuzzFailure: Error {
    /// What was broken, with the values involved.
    var message: String
}

/// What the fuzz targets share: the built-in rules, loaded the way `chaff` loads them, and
/// checks that turn a broken promise of the output formats into a crash libFuzzer records.
enum FuzzSupport {
    /// Every built-in rule, whether or not it is on by default, as `RuleSetLoader.builtIns`
    /// loads them (path `<built-in>/<file>`, stem = file name without `.json`).
    static let builtInRules: [Rule] = {
        var set = RuleSet()
        var rules: [Rule] = []
        for file in BuiltinRules.files {
            let stem = String(file.name.dropLast(".json".count))
            do {
                rules.append(try RuleLoader.load(path: RuleSet.builtInOrigin + file.name, fileStem: stem, bytes: Array(file.text.utf8)))
            } catch {
                fatalError("built-in rule \(file.name) does not load: \(error)")
            }
        }
        do { try set.add(rules, overridingBuiltIns: false) } catch { fatalError("\(error)") }
        return set.rules
    }()

    /// Throws `message` when `condition` is false: the fuzz targets turn it into a crash that
    /// libFuzzer records, the regression tests into a test failure.
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
        if !condition() { throw FuzzFailure(message: message()) }
    }

    /// Checks every reporter's output for `report`: each diagnostic is one line in the compiler
    /// and GitHub formats, nothing from the linted text reaches the terminal raw, GitHub
    /// properties and data decode back to exactly the path and message, and JSON and SARIF parse
    /// (with Foundation, an independent parser) back to exactly the strings that went in.
    static func checkReporters(_ report: Report) throws(FuzzFailure) {
        let n = report.diagnostics.count
        for color in [false, true] {
            let text = CompilerReporter(color: color).render(report)
            let bytes = Array(text.utf8)
            try require(
                bytes.filter { $0 == 0x0A }.count == n,
                "compiler output has \(bytes.filter { $0 == 0x0A }.count) lines for \(n) diagnostics")
            // Colour adds exactly six SGR sequences per line; any other ESC came from the input.
            try require(bytes.filter { $0 == 0x1B }.count == (color ? 6 * n : 0), "compiler output carries a raw ESC")
            try require(
                !bytes.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x1B) || $0 == 0x7F }, "compiler output carries a raw control character"
            )
            try require(
                !text.unicodeScalars.contains {
                    (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                        || $0.value == 0x2028 || $0.value == 0x2029
                }, "compiler output carries a raw C1 or bidi control")
        }

        let github = GitHubReporter().render(report)
        // Lines split at LF bytes (a Character split would keep "\r\n" or "\n" + a mark together).
        let lines = Array(github.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
        try require(
            lines.count == n && github.utf8.filter({ $0 == 0x0A }).count == n, "github output has \(lines.count) lines for \(n) diagnostics"
        )
        try require(
            !github.unicodeScalars.contains {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029
            }, "github output carries a raw control or bidi character")
        for (line, d) in zip(lines, report.diagnostics) {
            let parsed = parseWorkflowCommand(String(line))
            try require(parsed != nil, "github line does not parse as a workflow command: \(line)")
            guard let parsed else { continue }
            try require(
                parsed.properties["file"] == GitHubReporter.visible(d.path),
                "github file property decodes to \(String(describing: parsed.properties["file"])) not \(d.path)")
            try require(parsed.properties["line"] == String(d.line), "github line property changed")
            try require(
                parsed.data == GitHubReporter.visible(d.message + " [" + d.ruleID + "]"),
                "github data \(String(reflecting: parsed.data)) does not decode to \(String(reflecting: GitHubReporter.visible(d.message + " [" + d.ruleID + "]")))"
            )
        }

        let json = JSONReporter().render(report)
        let root = parseJSON(json) as? [String: Any]
        try require(root != nil, "json output does not parse")
        let diagnostics = root?["diagnostics"] as? [[String: Any]] ?? []
        try require(diagnostics.count == n, "json output has \(diagnostics.count) diagnostics for \(n)")
        for (object, d) in zip(diagnostics, report.diagnostics) {
            try require(
                object["path"] as? String == d.path, "json path \(String(reflecting: object["path"])) is not \(String(reflecting: d.path))")
            try require(
                object["message"] as? String == d.message,
                "json message \(String(reflecting: object["message"])) is not \(String(reflecting: d.message))")
            try require(
                object["match"] as? String == d.matchedText,
                "json match \(String(reflecting: object["match"])) is not \(String(reflecting: d.matchedText))")
            try require(object["byteOffset"] as? Int == d.range.lowerBound, "json byteOffset changed")
        }

        let sarif = SARIFReporter().render(report)
        let sarifRoot = parseJSON(sarif) as? [String: Any]
        try require(sarifRoot != nil, "sarif output does not parse")
        let run = (sarifRoot?["runs"] as? [[String: Any]])?.first
        let results = run?["results"] as? [[String: Any]] ?? []
        try require(results.count == min(n, SARIFReporter.maximumResults), "sarif output has \(results.count) results for \(n)")
        for (result, d) in zip(results, report.diagnostics) {
            let message = (result["message"] as? [String: Any])?["text"] as? String
            try require(message == d.message, "sarif message changed")
            let location =
                ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any]
            let uri = location?["uri"] as? String ?? ""
            try require(
                uri.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: " ") }, "sarif uri is not percent-encoded ASCII: \(uri)")
            let decoded = percentDecode(uri.hasPrefix("file://") ? String(uri.dropFirst(7)) : uri)
            try require(decoded == d.path, "sarif uri decodes to \(String(describing: decoded)) not \(d.path)")
        }
    }

    /// `text` with `%XX` escapes decoded, byte by byte. (Foundation's `removingPercentEncoding`
    /// drops a decoded U+FEFF at the start, as if it were a byte order mark.)
    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard input.count >= 2, let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
            input = input.dropFirst(2)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Foundation's parse of `text`, or nil.
    static func parseJSON(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// Parses one line the way the GitHub Actions runner does (`::name k=v,k=v::data`), and
    /// undoes the runner's escapes. Nil when the line is not a command. Works on UTF-8 bytes, as
    /// the runner's ordinal string operations do: Swift's `String` methods compare grapheme
    /// clusters, and miss a `%25` or `::` whose last character takes a combining mark.
    static func parseWorkflowCommand(_ line: String) -> (name: String, properties: [String: String], data: String)? {
        let bytes = Array(line.utf8)
        guard bytes.starts(with: [0x3A, 0x3A]) else { return nil }
        let rest = Array(bytes[2...])
        guard let end = find([0x3A, 0x3A], in: rest) else { return nil }
        let head = Array(rest[..<end])
        let data = Array(rest[(end + 2)...])
        var properties: [String: String] = [:]
        var name = head
        if let space = head.firstIndex(of: 0x20) {
            name = Array(head[..<space])
            for pair in head[(space + 1)...].split(separator: 0x2C) {
                guard let eq = pair.firstIndex(of: 0x3D) else { continue }
                properties[String(decoding: pair[..<eq], as: UTF8.self)] = unescape(Array(pair[(eq + 1)...]), property: true)
            }
        }
        return (String(decoding: name, as: UTF8.self), properties, unescape(data, property: false))
    }

    /// The first offset of `needle` in `haystack`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Every `token` in `bytes` replaced by `replacement`, left to right.
    private static func replace(_ token: String, _ replacement: String, in bytes: [UInt8]) -> [UInt8] {
        let token = Array(token.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i...].starts(with: token) {
                out += Array(replacement.utf8)
                i += token.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    // The runner's unescaping, in its order (%25 last, so "%253A" stays "%3A").
    private static func unescape(_ bytes: [UInt8], property: Bool) -> String {
        var out = replace("%0D", "\r", in: replace("%0A", "\n", in: bytes))
        if property {
            out = replace("%2C", ",", in: replace("%3A", ":", in: out))
        }
        return String(decoding: replace("%25", "%", in: out), as: UTF8.self)
    }
}
