import ChaffText

/// A kind of rule: the Swift type behind a rule file's `kind`.
///
/// Each kind decodes its own `options` strictly when the rule is loaded, and is then run on
/// each document. Kinds are listed in `RuleKindRegistry`.
public protocol RuleKind: Sendable {
    /// The value of `kind` in a rule file, such as `pattern`.
    static var kindName: String { get }
    /// Names a message template may use besides `match`, such as `suggestion`.
    static var messageArguments: [String] { get }
    /// Whether findings of this kind can carry an automatic fix with some options.
    static var isFixable: Bool { get }
    /// How early this kind starts when several threads check one large document: the kinds
    /// that cost most on large files start first (higher first), so that no thread is left
    /// with one long rule after the others have finished. It changes nothing in the report.
    static var startingPriority: Int { get }
    /// The family of derived values (`DerivedKey.family`) rules of this kind read, or nil.
    /// Where one thread checks a document, a family's values are dropped after the last rule
    /// that reads them: a glossed page's glosses and the words around them are half its heap,
    /// and no longer share the peak with the rules after them. A kind that reads a family it
    /// does not name still gets its values, made again.
    static var derivedFamily: String? { get }
    /// Whether rules of this kind report on a file whose encoding cannot be decided, which no
    /// other rule reads (`Linter.undecodable(path:reason:)`).
    static var reportsUndecodableFiles: Bool { get }
    /// Whether this kind audits suppression directives (`SuppressionAuditing`) and so runs in the
    /// engine's suppression-audit stage rather than reading text; known from the type, so the
    /// linter sets such rules apart without building any kind.
    static var auditsSuppressions: Bool { get }
    /// Whether this rule, with its options, offers fixes: a `pattern` rule does only with a
    /// `replacement`. Never true when `isFixable` is false.
    var offersFixes: Bool { get }

    /// Decodes `options`, taking every key it understands; the loader rejects the rest.
    init(options: inout ObjectReader) throws(ObjectReader.Failure)

    /// The kind a built-in rule's options make, compiled into the binary, when the options'
    /// text (its `ContentHash`) is the one it was compiled from; nil (the default) to decode
    /// them. A built-in rule's options are then never parsed: the claim rule's are a third of
    /// the built-in rules' bytes.
    static func compiledBuiltIn(optionsTextDigest: UInt64) -> Self?

    /// Reports every finding in `context`, in any order.
    func check(_ context: CheckContext, report: (Finding) -> Void)

    /// This kind as a suppression auditor, or nil (the default) for a kind that reads text.
    ///
    /// A requirement rather than an `as? any SuppressionAuditing` cast: in a statically linked
    /// binary every first cast to a protocol scans all of Foundation's conformance records,
    /// which cost about 4 M instructions per run for the 17 built-in rules.
    var suppressionAuditor: (any SuppressionAuditing)? { get }
}

extension RuleKind {
    /// Most kinds offer no message arguments beyond `match`.
    public static var messageArguments: [String] { [] }
    /// Most kinds offer no fixes.
    public static var isFixable: Bool { false }
    /// Most kinds cost little.
    public static var startingPriority: Int { 0 }
    /// Most kinds share no derived values with other kinds.
    public static var derivedFamily: String? { nil }
    /// Most kinds read only decoded text.
    public static var reportsUndecodableFiles: Bool { false }
    /// Most kinds read text.
    public static var auditsSuppressions: Bool { false }
    /// A fixable kind fixes whatever its options.
    public var offersFixes: Bool { Self.isFixable }
    /// Most kinds read text.
    public var suppressionAuditor: (any SuppressionAuditing)? { nil }
    /// Most kinds decode their options, however they came.
    public static func compiledBuiltIn(optionsTextDigest: UInt64) -> Self? { nil }
}

extension SuppressionAuditing {
    /// An auditor is its own auditor.
    public var suppressionAuditor: (any SuppressionAuditing)? { self }
}

/// One finding of a rule kind, before the engine adds the rule's id, severity and message.
public struct Finding: Sendable, Equatable {
    /// Byte range in the source.
    public var range: Range<Int>
    /// Values for the message template; `match` defaults to the source text of `range`.
    public var arguments: [String: String]
    /// Replacement text for `range`, when the kind can fix it.
    public var fix: String?
    /// At most this severity (a weaker case of the rule), or the rule's own when nil.
    public var severity: Severity?

    /// A finding at `range`.
    public init(range: Range<Int>, arguments: [String: String] = [:], fix: String? = nil, severity: Severity? = nil) {
        self.range = range
        self.arguments = arguments
        self.fix = fix
        self.severity = severity
    }
}
