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
    /// Examples that document the rule and test it.
    public var examples: RuleExamples
    /// Where the rule came from (a path, or `<built-in>/ID.json`).
    public var origin: String
    /// Line and column of the `id` value in the rule file, for errors about the rule as a whole.
    public var idLocation: (line: Int, column: Int) = (1, 1)
    /// The rule's logic; a built-in rule's is built on first use (see `RuleKindBox`).
    public var implementation: any RuleKind {
        get { box.kind }
        set { box = RuleKindBox(newValue) }
    }
    private var box: RuleKindBox

    /// The type of `implementation`, known without building it.
    public var kindType: any RuleKind.Type { box.kindType }

    /// Whether the kind can propose fixes.
    public var isFixable: Bool { kindType.isFixable }

    /// Whether this rule offers fixes (`chaff rule ID`, the README's table): its kind can fix
    /// and its options do not rule it out. Asks the kind only when it can fix at all, so a
    /// deferred built-in rule of a kind that never fixes is not built for the question.
    public var offersFixes: Bool { kindType.isFixable && implementation.offersFixes }

    init(
        id: String, kindName: String, severity: Severity, summary: String, description: String,
        message: MessageTemplate, helpURI: String?, scope: Scope, tags: [String], enabledByDefault: Bool,
        examples: RuleExamples, origin: String, box: RuleKindBox
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
        self.examples = examples
        self.origin = origin
        self.box = box
    }

    /// Whether `pattern` selects this rule: the exact id, or a family prefix (`placeholder`
    /// selects `placeholder-token` and `placeholder-spintax`).
    public func matches(_ pattern: String) -> Bool {
        id == pattern || id.hasPrefix(pattern + "-")
    }
}
