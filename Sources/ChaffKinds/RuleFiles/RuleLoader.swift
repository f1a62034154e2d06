import ChaffEngine
import ChaffText

/// Loads rule files strictly. Every mistake is a `SourceError` at the exact line and column,
/// naming the key path.
public enum RuleLoader {
    /// Keys a rule file may have.
    public static let fileKeys = [
        "id", "kind", "severity", "summary", "description", "message", "helpUri", "scope", "tags",
        "enabled", "options", "examples",
    ]

    /// Loads one rule from `bytes`, its options and examples decoded and checked now; `path` is
    /// how errors name the file and `fileStem` is the file name without `.json`, which must equal
    /// the id.
    public static func load(path: String, fileStem: String, bytes: [UInt8]) throws(SourceError) -> Rule {
        var (rule, idOffset) = try SourceError.decodingJSON(bytes, path: path) { (root) throws(ObjectReader.Failure) in
            try decode(root, path: path, fileStem: fileStem)
        }
        // Where the `id` value stands, for errors about the rule as a whole (duplicate ids).
        let position = LineIndex(bytes).position(of: idOffset, in: bytes, unit: .scalar)
        rule.idLocation = (position.line, position.column)
        rule.sourceDigest = ContentHash.of(bytes)
        return rule
    }

    /// Loads a built-in rule as `load(path:fileStem:bytes:)` does, but its kind is built on the
    /// rule's first use (the test suite checks the built-in rules' options), and from its file's
    /// `text` without the `examples` member, which is the last and starts with the comma at
    /// UTF-8 offset `examplesAt` (`BuiltinRules.files`):
    /// every run loads the built-in rules, a quarter of their bytes are examples, and only the
    /// rule documentation (`chaff rules`, SARIF's help, editor hovers) and `chaff test-rules`
    /// read them. They are parsed from the whole text when first read. Offsets before
    /// `examplesAt` are the file's own, so positions are unchanged.
    ///
    /// The `options` object at UTF-8 range `options` is left out the same way (blanked, so that
    /// no offset moves) and parsed when the rule's options are first read: a kind compiled into
    /// the binary for that text (`RuleKind.compiledBuiltIn`) never reads them.
    public static func loadBuiltIn(
        path: String, fileStem: String, text: String, examplesAt: Int, options: Range<Int>?
    ) throws(SourceError) -> Rule {
        let bytes = Array(text.utf8)
        precondition(
            examplesAt > 0 && examplesAt < bytes.count && bytes[examplesAt] == UInt8(ascii: ","), "\(path): no comma at examplesAt")
        var withoutExamples = Array(bytes[..<examplesAt])
        withoutExamples.append(contentsOf: "\n}\n".utf8)
        let deferred = options.map { range in deferredOptions(of: bytes, at: range, blanking: &withoutExamples, origin: path) }
        let examples = DeferredValue(deferring: { builtInExamples(bytes, origin: path) })
        var (rule, idOffset) = try SourceError.decodingJSON(withoutExamples, path: path) { (root) throws(ObjectReader.Failure) in
            try decode(root, path: path, fileStem: fileStem, builtIn: (examples, deferred))
        }
        let position = LineIndex(withoutExamples).position(of: idOffset, in: withoutExamples, unit: .scalar)
        rule.idLocation = (position.line, position.column)
        rule.sourceDigest = ContentHash.of(bytes)
        return rule
    }

    /// The `options` object of the built-in rule file `bytes` at `range`, to be parsed when
    /// first read, and its text's `ContentHash`; in `text`, the same bytes are made an empty
    /// object and spaces.
    private static func deferredOptions(
        of bytes: [UInt8], at range: Range<Int>, blanking text: inout [UInt8], origin: String
    ) -> (node: DeferredValue<JSONNode>, textDigest: UInt64) {
        precondition(
            range.count >= 2 && range.upperBound <= text.count && bytes[range.lowerBound] == UInt8(ascii: "{")
                && bytes[range.upperBound - 1] == UInt8(ascii: "}"), "\(origin): no options object at its range")
        let digest = bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[range])) }
        text.replaceSubrange(range, with: [UInt8(ascii: "{"), UInt8(ascii: "}")] + [UInt8](repeating: 0x20, count: range.count - 2))
        let node = DeferredValue<JSONNode>(deferring: {
            // Spaces before the object keep its offsets the file's own.
            guard let node = try? JSONParser.parse([UInt8](repeating: 0x20, count: range.lowerBound) + bytes[range]) else {
                fatalError("\(origin): built-in rule options do not parse")
            }
            return node
        })
        return (node, digest)
    }

    /// The examples of the built-in rule file `bytes`, parsed whole.
    private static func builtInExamples(_ bytes: [UInt8], origin: String) -> RuleExamples {
        guard case .object(let members)? = try? JSONParser.parse(bytes).value,
            let node = members.last(where: { $0.key == "examples" })?.value
        else { fatalError("\(origin): a built-in rule file without examples") }
        return decodeDeferredExamples(node, origin: origin)
    }

    /// The rule in `root`. For a built-in rule (`loadBuiltIn`), `builtIn` holds its examples,
    /// which `root` lacks, and its options when it has any, which `root` holds blanked; its kind
    /// is then built on first use.
    private static func decode(
        _ root: JSONNode, path: String, fileStem: String,
        builtIn: (examples: DeferredValue<RuleExamples>, options: (node: DeferredValue<JSONNode>, textDigest: UInt64)?)? = nil
    ) throws(ObjectReader.Failure) -> (Rule, Int) {
        var reader = try ObjectReader(root, path: "")
        reader.knownKeys = fileKeys
        let (id, idOffset) = try decodeID(&reader, fileStem: fileStem)
        let (kindName, kind) = try decodeKind(&reader)
        let severityName = try reader.optionalChoice("severity", Severity.allCases.map(\.rawValue)) ?? "warning"
        let summary = try reader.string("summary")
        let description = try reader.string("description")
        let message = try decodeMessage(&reader, kind: kind)
        let helpURI = try reader.optionalString("helpUri")
        let scopeName = try reader.optionalChoice("scope", Scope.allCases.map(\.rawValue)) ?? "prose"
        let tags = try reader.optionalStrings("tags")?.map(\.0) ?? []
        let enabled = try reader.optionalBool("enabled") ?? true
        let emptyOptions = JSONNode(value: .object([]), offset: root.offset)
        let box: RuleKindBox
        if let deferred = builtIn?.options {
            box = RuleKindBox(deferring: kind, options: deferred.node, textDigest: deferred.textDigest, origin: path)
        } else if builtIn != nil {
            box = RuleKindBox(deferring: kind, options: emptyOptions, origin: path)
        } else {
            box = try kindBox(kind, &reader, emptyOptions: emptyOptions)
        }
        let optionsNode = reader.node("options") ?? emptyOptions
        let examples: DeferredValue<RuleExamples>
        if let given = builtIn?.examples {
            examples = given
        } else {
            guard let examplesNode = reader.node("examples") else {
                throw reader.missingKey("examples", detail: " (with 'valid' and 'invalid' lists)")
            }
            examples = DeferredValue(try decodeExamples(examplesNode))
        }
        try reader.finish()
        var rule = Rule(
            id: id, kindName: kindName, severity: Severity(rawValue: severityName)!, summary: summary,
            description: description, message: message, helpURI: helpURI, scope: Scope(rawValue: scopeName)!,
            tags: tags, enabledByDefault: enabled, examples: examples, origin: path,
            box: box)
        if let deferred = builtIn?.options {
            rule.deferOptions(deferred.node)
        } else {
            rule.optionsNode = optionsNode
        }
        return (rule, idOffset)
    }

    /// The rule's `id` and where it stands; it must be kebab-case and name the file.
    private static func decodeID(_ reader: inout ObjectReader, fileStem: String) throws(ObjectReader.Failure) -> (String, Int) {
        guard let idNode = reader.node("id") else { throw reader.missingKey("id") }
        let id = try ObjectReader.string(idNode, path: "id")
        guard isKebabCase(id) else {
            throw ObjectReader.Failure(
                offset: idNode.offset,
                message: "'id' must be kebab-case (lowercase letters, digits and single hyphens, starting with a letter), found '\(id)'")
        }
        guard id == fileStem else {
            throw ObjectReader.Failure(
                offset: idNode.offset, message: "'id' is '\(id)' but the file is named '\(fileStem).json'; they must match")
        }
        return (id, idNode.offset)
    }

    private static func decodeKind(_ reader: inout ObjectReader) throws(ObjectReader.Failure) -> (String, any RuleKind.Type) {
        guard let kindNode = reader.node("kind") else { throw reader.missingKey("kind") }
        let kindName = try ObjectReader.string(kindNode, path: "kind")
        guard let kind = RuleKindRegistry.kind(named: kindName) else {
            let known = RuleKindRegistry.kinds.map { "'\($0.kindName)'" }.joined(separator: ", ")
            throw ObjectReader.Failure(offset: kindNode.offset, message: "unknown kind '\(kindName)'; known kinds: \(known)")
        }
        return (kindName, kind)
    }

    /// The message template, which may name `match` and the arguments `kind` offers.
    private static func decodeMessage(_ reader: inout ObjectReader, kind: any RuleKind.Type) throws(ObjectReader.Failure)
        -> MessageTemplate
    {
        guard let messageNode = reader.node("message") else { throw reader.missingKey("message") }
        let messageSource = try ObjectReader.string(messageNode, path: "message")
        do {
            return try MessageTemplate(messageSource, allowed: ["match"] + kind.messageArguments)
        } catch {
            // The template's offset is within the string; point at the string itself.
            throw ObjectReader.Failure(offset: messageNode.offset, message: error.message)
        }
    }

    /// The kind with its options decoded now.
    private static func kindBox(
        _ kind: any RuleKind.Type, _ reader: inout ObjectReader, emptyOptions: JSONNode
    ) throws(ObjectReader.Failure) -> RuleKindBox {
        var options: ObjectReader
        if let given = try reader.optionalObject("options") {
            options = given
        } else {
            options = try ObjectReader(emptyOptions, path: "options")
        }
        let implementation = try kind.init(options: &options)
        try options.finish()
        return RuleKindBox(implementation)
    }

    /// The examples of a built-in rule, which the test suite loads without deferring.
    private static func decodeDeferredExamples(_ node: JSONNode, origin: String) -> RuleExamples {
        do {
            return try decodeExamples(node)
        } catch {
            fatalError("\(origin): built-in rule examples are invalid at offset \(error.offset): \(error.message)")
        }
    }

    private static func decodeExamples(_ node: JSONNode) throws(ObjectReader.Failure) -> RuleExamples {
        var examples = try ObjectReader(node, path: "examples")
        examples.knownKeys = ["valid", "invalid"]
        let valid = try exampleList("valid", &examples)
        let invalid = try exampleList("invalid", &examples)
        try examples.finish()
        for example in invalid where example.expectedStarts.isEmpty {
            throw ObjectReader.Failure(offset: example.fileOffset, message: "an invalid example must mark each expected finding with '↓'")
        }
        for example in valid where !example.expectedStarts.isEmpty {
            throw ObjectReader.Failure(offset: example.fileOffset, message: "a valid example must not contain '↓'")
        }
        for example in valid where !example.expectedFindings.isEmpty {
            throw ObjectReader.Failure(offset: example.fileOffset, message: "a valid example has no findings to describe")
        }
        return RuleExamples(valid: valid, invalid: invalid)
    }

    private static func exampleList(_ key: String, _ examples: inout ObjectReader) throws(ObjectReader.Failure)
        -> [RuleExamples.Example]
    {
        guard let node = examples.node(key) else { throw examples.missingKey(key) }
        guard case .array(let elements) = node.value else {
            throw ObjectReader.Failure(offset: node.offset, message: "'examples.\(key)' must be an array, found \(node.typeName)")
        }
        var out: [RuleExamples.Example] = []
        for (i, element) in elements.enumerated() {
            out.append(try example(element, path: "examples.\(key)[\(i)]"))
        }
        return out
    }

    /// One example: a marked string, or an object with `text`, `format` and the `findings` expected.
    private static func example(_ element: JSONNode, path: String) throws(ObjectReader.Failure) -> RuleExamples.Example {
        if case .string(let text) = element.value {
            return RuleExamples.Example(marked: text, fileOffset: element.offset)
        }
        guard case .object = element.value else {
            throw ObjectReader.Failure(
                offset: element.offset,
                message: "'\(path)' must be a string or an object with 'text' and 'format', found \(element.typeName)")
        }
        var object = try ObjectReader(element, path: path)
        let text = try object.string("text")
        let format = try object.optionalChoice("format", DocumentFormat.allCases.map(\.rawValue)) ?? "text"
        var example = RuleExamples.Example(marked: text, format: format, fileOffset: element.offset)
        if let findings = object.node("findings") {
            example.expectedFindings = try expectedFindings(findings, path: path + ".findings")
            if example.expectedFindings.count != example.expectedStarts.count {
                throw ObjectReader.Failure(
                    offset: findings.offset,
                    message:
                        "'\(path).findings' has \(example.expectedFindings.count) entries for \(example.expectedStarts.count) '↓' marks; give one per mark"
                )
            }
        }
        try object.finish()
        return example
    }

    private static func expectedFindings(_ node: JSONNode, path: String) throws(ObjectReader.Failure) -> [RuleExamples.ExpectedFinding] {
        guard case .array(let elements) = node.value else {
            throw ObjectReader.Failure(offset: node.offset, message: "'\(path)' must be an array, found \(node.typeName)")
        }
        var out: [RuleExamples.ExpectedFinding] = []
        for (i, element) in elements.enumerated() {
            var object = try ObjectReader(element, path: "\(path)[\(i)]")
            object.knownKeys = ["match", "message", "fix"]
            var expected = RuleExamples.ExpectedFinding(
                match: try object.optionalString("match"), message: try object.optionalString("message"))
            if let fix = object.node("fix") {
                if case .null = fix.value {
                    expected.fix = .none
                } else {
                    expected.fix = .text(try ObjectReader.string(fix, path: "\(path)[\(i)].fix"))
                }
            }
            try object.finish()
            out.append(expected)
        }
        return out
    }

    /// Whether `id` is lowercase kebab-case.
    public static func isKebabCase(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, first >= 0x61 && first <= 0x7A, bytes.last != 0x2D else { return false }
        var previousHyphen = false
        for b in bytes {
            let isHyphen = b == 0x2D
            guard isHyphen || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) else { return false }
            if isHyphen && previousHyphen { return false }
            previousHyphen = isHyphen
        }
        return true
    }
}
