/// What a rule kind sees of one document: the bytes of each scope, and views of them that are
/// costly to build and shared by every rule that needs them (built at most once per document).
///
/// Used by one thread at a time: a document is checked by one worker.
public final class CheckContext {
    /// The document being checked.
    public let document: Document
    private var regexTexts: [Scope: RegexText] = [:]
    /// The scope of the rule being run; set by the engine before each rule.
    public internal(set) var currentScope: Scope = .prose
    /// The time left for the current rule's regular expressions on this document; the engine
    /// gives each rule a fresh budget.
    public internal(set) var regexBudget: RegexBudget

    /// A context over `document`.
    public init(document: Document, regexSeconds: Double = 5) {
        self.document = document
        self.regexBudget = RegexBudget(seconds: regexSeconds)
    }

    /// The bytes of `scope`: as long as the source, with everything outside the scope blanked.
    public func bytes(for scope: Scope) -> [UInt8] { document.bytes(for: scope) }

    /// Values derived from the document that several rules read, by key.
    private var derived: [String: Any] = [:]

    /// The value under `key`, made by `make` the first time any rule asks for it in this
    /// document: the gloss rules all read the same glosses, which cost more to find than to
    /// judge. The key must name everything the value depends on besides the document.
    public func derived<Value>(_ key: String, _ make: () -> Value) -> Value {
        if let cached = derived[key] as? Value { return cached }
        let value = make()
        derived[key] = value
        return value
    }

    /// The scope as a UTF-16 string with a map back to byte offsets, for regular expressions.
    public func regexText(for scope: Scope) -> RegexText {
        if let cached = regexTexts[scope] { return cached }
        let text = RegexText(bytes(for: scope))
        regexTexts[scope] = text
        return text
    }
}
