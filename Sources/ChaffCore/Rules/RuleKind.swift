/// A kind of rule: the Swift type behind a rule file's `kind`.
///
/// Each kind decodes its own `options` strictly when the rule is loaded, and is then run on
/// each document. Kinds are listed in `RuleKindRegistry`.
public protocol RuleKind: Sendable {
    /// The value of `kind` in a rule file, such as `pattern`.
    static var kindName: String { get }
    /// Names a message template may use besides `match`, such as `suggestion`.
    static var messageArguments: [String] { get }
    /// Whether findings can carry an automatic fix.
    static var isFixable: Bool { get }

    /// Decodes `options`, taking every key it understands; the loader rejects the rest.
    init(options: inout ObjectReader) throws(ObjectReader.Failure)

    /// Reports every finding in `context`, in any order.
    func check(_ context: CheckContext, report: (Finding) -> Void)
}

extension RuleKind {
    /// Most kinds offer no message arguments beyond `match`.
    public static var messageArguments: [String] { [] }
    /// Most kinds offer no fixes.
    public static var isFixable: Bool { false }
}

/// One finding of a rule kind, before the engine adds the rule's id, severity and message.
public struct Finding: Sendable, Equatable {
    /// Byte range in the source.
    public var range: Range<Int>
    /// Values for the message template; `match` defaults to the source text of `range`.
    public var arguments: [String: String]
    /// Replacement text for `range`, when the kind can fix it.
    public var fix: String?

    /// A finding at `range`.
    public init(range: Range<Int>, arguments: [String: String] = [:], fix: String? = nil) {
        self.range = range
        self.arguments = arguments
        self.fix = fix
    }
}
