import ChaffText

/// A loaded rule: the metadata from its rule file and the kind that does the work.
public struct Rule: Sendable {
    /// Kebab-case identifier naming the defect, equal to the rule file's name.
    public var id: String
    /// The rule kind's name.
    public var kindName: String
    /// Severity before configuration overrides.
    public var severity: Severity
    /// One sentence: what the rule finds.
    public var summary: String
    /// Why it matters and what to do instead.
    public var description: String
    /// The message template.
    public var message: MessageTemplate
    /// A page explaining the rule, if any.
    public var helpURI: String?
    /// Which part of a document the rule reads.
    public var scope: Scope
    /// Free-form tags, shown in SARIF `properties.tags`.
    public var tags: [String]
    /// Whether the rule runs unless selected explicitly.
    public var enabledByDefault: Bool
    /// Examples that document the rule and test it; a built-in rule's are decoded when first
    /// read (see `DeferredValue`).
    public var examples: RuleExamples {
        get { examplesBox.value }
        set { examplesBox = DeferredValue(newValue) }
    }
    private var examplesBox: DeferredValue<RuleExamples>
    /// Whether `examples` has been decoded (a deferred rule's is decoded when first read).
    var examplesAreDecoded: Bool { examplesBox.hasValue }
    /// Where the rule came from (a path, or `<built-in>/ID.json`).
    public var origin: String
    /// Line and column of the `id` value in the rule file, for errors about the rule as a whole.
    public var idLocation: (line: Int, column: Int) = (1, 1)
    /// The rule file's `options` object (empty when it has none), kept so that a config can
    /// set some options over it (see `configured(options:path:)`); a built-in rule's is parsed
    /// when first read (see `DeferredValue`).
    public var optionsNode: JSONNode {
        get { optionsBox.value }
        set { optionsBox = DeferredValue(newValue) }
    }
    private var optionsBox = DeferredValue(JSONNode(value: .object([]), offset: 0))

    /// Sets `optionsNode` to the value `options` makes when it is first read.
    package mutating func deferOptions(_ options: DeferredValue<JSONNode>) {
        optionsBox = options
    }
    /// A hash of the rule file's bytes (0 for a rule not loaded from a file), so that a cache
    /// of findings can tell an edited rule file from the one its findings came from.
    public var sourceDigest: UInt64 = 0
    /// The rule's logic; a built-in rule's is built on first use (see `RuleKindBox`).
    public var implementation: any RuleKind {
        get { box.kind }
        set { box = RuleKindBox(newValue) }
    }
    private var box: RuleKindBox

    /// The box holding `implementation`: the engine keeps it per rule so that it reaches the
    /// kind with one reference instead of a copy of the rule.
    var kindBox: RuleKindBox { box }

    /// Whether `implementation` is built (a built-in rule's is built on first use).
    package var isImplementationBuilt: Bool { box.isBuilt }

    /// The type of `implementation`, known without building it.
    public var kindType: any RuleKind.Type { box.kindType }

    /// Whether the kind can propose fixes.
    public var isFixable: Bool { kindType.isFixable }

    /// Whether this rule offers fixes (`chaff rule ID`, the README's table): its kind can fix
    /// and its options do not rule it out. Asks the kind only when it can fix at all, so a
    /// deferred built-in rule of a kind that never fixes is not built for the question.
    public var offersFixes: Bool { kindType.isFixable && implementation.offersFixes }

    package init(
        id: String, kindName: String, severity: Severity, summary: String, description: String,
        message: MessageTemplate, helpURI: String?, scope: Scope, tags: [String], enabledByDefault: Bool,
        examples: DeferredValue<RuleExamples>, origin: String, box: RuleKindBox
    ) {
        self.id = id
        self.kindName = kindName
        self.severity = severity
        self.summary = summary
        self.description = description
        self.message = message
        self.helpURI = helpURI
        self.scope = scope
        self.tags = tags
        self.enabledByDefault = enabledByDefault
        self.examplesBox = examples
        self.origin = origin
        self.box = box
    }

    /// This rule with `overrides` (an object, from a config file) merged over the rule file's
    /// options, decoded and validated by the kind exactly as rule-file options are; errors are
    /// at offsets in the config file, under the key path `path` (`options.ID`). A rule-file
    /// option that the config does not set is placed at the overriding object, since the
    /// config is the file being reported on. The examples are kept as they are: they test the
    /// rule file's own options.
    public func configured(options overrides: JSONNode, path: String) throws(ObjectReader.Failure) -> Rule {
        guard case .object(let given) = overrides.value else {
            throw ObjectReader.Failure(offset: overrides.offset, message: "'\(path)' must be an object, found \(overrides.typeName)")
        }
        var members: [JSONNode.Member] = []
        if case .object(let own) = optionsNode.value {
            for member in own where !given.contains(where: { $0.key == member.key }) {
                members.append(
                    JSONNode.Member(key: member.key, keyOffset: overrides.offset, value: Self.relocated(member.value, to: overrides.offset))
                )
            }
        }
        members += given
        let merged = JSONNode(value: .object(members), offset: overrides.offset)
        var reader = try ObjectReader(merged, path: path)
        let kind = try kindType.init(options: &reader)
        try reader.finish()
        var copy = self
        copy.box = RuleKindBox(kind)
        copy.optionsNode = merged
        return copy
    }

    /// `node` with every offset in it set to `offset`.
    private static func relocated(_ node: JSONNode, to offset: Int) -> JSONNode {
        switch node.value {
        case .object(let members):
            return JSONNode(
                value: .object(members.map { JSONNode.Member(key: $0.key, keyOffset: offset, value: relocated($0.value, to: offset)) }),
                offset: offset)
        case .array(let elements):
            return JSONNode(value: .array(elements.map { relocated($0, to: offset) }), offset: offset)
        default:
            return JSONNode(value: node.value, offset: offset)
        }
    }

    /// Whether `pattern` selects this rule: the exact id, or a family prefix (`placeholder`
    /// selects `placeholder-token` and `placeholder-spintax`).
    public func matches(_ pattern: String) -> Bool {
        id == pattern || id.hasPrefix(pattern + "-")
    }
}
