import ChaffEngine
import ChaffText

/// SARIF 2.1.0, for GitHub code scanning and SARIF viewers.
///
/// One run; `tool.driver.rules` describes every rule that ran; results carry `ruleIndex`, a
/// relative percent-encoded URI against `%SRCROOT%`, an explicit `columnKind`, a region with an
/// exclusive `endColumn`, a `chaff/v1` partial fingerprint that ignores line moves, and fixes.
public struct SARIFReporter: Reporter {
    public static let formatName = "sarif"
    // GitHub's own example and VS Code's SARIF viewer count UTF-16 code units.
    public static let defaultColumnUnit = ColumnUnit.utf16
    // SARIF has no byte or display column kind.
    public static let supportedColumnUnits: [ColumnUnit] = [.utf16, .scalar]
    /// GitHub ingests at most this many results per run.
    public static let maximumResults = 25_000
    /// Where chaff's documentation lives.
    public static let informationURI = "https://github.com/chaff-lint/chaff"

    /// A reporter.
    public init() {}

    /// A reporter; the format has no colour.
    public static func make(color: Bool) -> any Reporter { Self() }

    public func render(_ report: Report) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: report.rules.enumerated().map { ($1.rule.id, $0) })
        let rules: [JSONOutput] = report.rules.map { describe($0) }
        var results: [JSONOutput] = []
        for d in report.diagnostics.prefix(Self.maximumResults) {
            results.append(result(d, ruleIndex: ruleIndex[d.ruleID]))
        }
        let driver: [(String, JSONOutput)] = [
            ("name", .string("chaff")), ("semanticVersion", .string(report.toolVersion)),
            ("version", .string(report.toolVersion)), ("informationUri", .string(Self.informationURI)),
            ("rules", .array(rules)),
        ]
        var run: [(String, JSONOutput)] = [("tool", .object([("driver", .object(driver))]))]
        var invocation: [(String, JSONOutput)] = [("executionSuccessful", .bool(true))]
        if report.diagnostics.count > Self.maximumResults {
            invocation.append(
                (
                    "toolExecutionNotifications",
                    .array([
                        .object([
                            ("level", .string("warning")),
                            (
                                "message",
                                .object([
                                    (
                                        "text",
                                        .string(
                                            "\(report.diagnostics.count) results found; only the first \(Self.maximumResults) are included, GitHub's limit per run."
                                        )
                                    )
                                ])
                            ),
                        ])
                    ])
                ))
        }
        run.append(("invocations", .array([.object(invocation)])))
        if let root = report.sourceRoot {
            run.append(("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(Self.fileURI(root)))]))])))
        }
        run.append(("columnKind", .string(report.columnUnit == .scalar ? "unicodeCodePoints" : "utf16CodeUnits")))
        run.append(("results", .array(results)))
        let root: JSONOutput = .object([
            ("$schema", .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
        return root.serialized(indent: 2) + "\n"
    }

    private func describe(_ active: ActiveRule) -> JSONOutput {
        let rule = active.rule
        var fields: [(String, JSONOutput)] = [
            ("id", .string(rule.id)), ("name", .string(Self.pascalCase(rule.id))),
            ("shortDescription", .object([("text", .string(Self.limit(rule.summary, 1024)))])),
            ("fullDescription", .object([("text", .string(Self.limit(rule.description, 1024)))])),
            ("help", .object([("text", .string(RuleDocumentation.text(rule))), ("markdown", .string(RuleDocumentation.markdown(rule)))])),
        ]
        if let uri = rule.helpURI { fields.append(("helpUri", .string(uri))) }
        fields.append(("defaultConfiguration", .object([("level", .string(active.severity.rawValue))])))
        // SARIF requires unique tags; GitHub keeps at most 10.
        var tags: [String] = []
        for tag in ["content-quality", rule.kindName] + rule.tags where !tags.contains(tag) { tags.append(tag) }
        tags = Array(tags.prefix(10))
        fields.append(("properties", .object([("tags", .array(tags.map { .string($0) }))])))
        return .object(fields)
    }

    private func result(_ d: Diagnostic, ruleIndex: Int?) -> JSONOutput {
        let location = artifactLocation(d.path)
        let region: JSONOutput = .object([
            ("startLine", .int(d.line)), ("startColumn", .int(d.column)),
            ("endLine", .int(d.endLine)), ("endColumn", .int(d.endColumn)),
            ("snippet", .object([("text", .string(d.matchedText))])),
        ])
        var fields: [(String, JSONOutput)] = [("ruleId", .string(d.ruleID))]
        if let ruleIndex { fields.append(("ruleIndex", .int(ruleIndex))) }
        fields.append(("level", .string(d.severity.rawValue)))
        fields.append(("message", .object([("text", .string(d.message))])))
        fields.append(
            ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", location), ("region", region)]))])])))
        fields.append(("partialFingerprints", .object([("chaff/v1", .string(d.fingerprint))])))
        if let fix = d.fix {
            let deleted: JSONOutput = .object([
                ("startLine", .int(d.line)), ("startColumn", .int(d.column)),
                ("endLine", .int(d.endLine)), ("endColumn", .int(d.endColumn)),
            ])
            fields.append(
                (
                    "fixes",
                    .array([
                        .object([
                            ("description", .object([("text", .string("Replace '\(d.matchedText)' with '\(fix)'"))])),
                            (
                                "artifactChanges",
                                .array([
                                    .object([
                                        ("artifactLocation", location),
                                        (
                                            "replacements",
                                            .array([
                                                .object([
                                                    ("deletedRegion", deleted), ("insertedContent", .object([("text", .string(fix))])),
                                                ])
                                            ])
                                        ),
                                    ])
                                ])
                            ),
                        ])
                    ])
                ))
        }
        return .object(fields)
    }

    private func artifactLocation(_ path: String) -> JSONOutput {
        // Unnamed standard input has no URI: `%3Cstdin%3E` would name a file that does not
        // exist. SARIF allows an artifactLocation without `uri` (§3.4.3: all its properties are
        // optional); a description says what was read. `--stdin-filename` gives a real uri.
        if path == Diagnostic.standardInputPath {
            return .object([("description", .object([("text", .string("standard input"))]))])
        }
        if path.hasPrefix("/") {
            return .object([("uri", .string(Self.fileURI(path)))])
        }
        return .object([("uri", .string(Self.percentEncode(path))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    /// `file://` URI of an absolute path.
    public static func fileURI(_ absolutePath: String) -> String { "file://" + percentEncode(absolutePath) }

    /// Percent-encodes a path for a URI reference: unreserved characters, sub-delimiters other
    /// than those with meaning in paths, `@` and `/` stay; everything else, including `:` (which
    /// would read as a scheme in a relative reference), `%`, spaces and non-ASCII, is encoded.
    public static func percentEncode(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let keep =
                (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
                || b == UInt8(ascii: "/") || b == UInt8(ascii: "@") || b == UInt8(ascii: "!") || b == UInt8(ascii: "$")
                || b == UInt8(ascii: "&") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
                || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") || b == UInt8(ascii: "=")
            if keep {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// `placeholder-token` → `PlaceholderToken`.
    public static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func limit(_ s: String, _ count: Int) -> String {
        s.count <= count ? s : String(s.prefix(count - 1)) + "…"
    }
}
