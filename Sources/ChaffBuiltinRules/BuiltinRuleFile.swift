/// One rule file embedded in the binary (`BuiltinRules.files`).
///
/// A struct rather than a tuple: a tuple's type is made at run time on first use, and one with
/// a `Range<Int>?` made the runtime search every conformance record of the binary for `Int`'s
/// `Comparable`, on every run.
public struct BuiltinRuleFile: Sendable {
    /// The file's name, such as `mixed-han-script.json`.
    public let name: String
    /// The file's text.
    public let text: String
    /// The UTF-8 offset of the comma before its `examples` member, the last: the rule without
    /// its examples is the text up to there and a closing brace.
    public let examplesAt: Int
    /// The UTF-8 range of its `options` object, if it has one.
    public let options: Range<Int>?

    /// A file as the generator lists it.
    public init(name: String, text: String, examplesAt: Int, options: Range<Int>?) {
        self.name = name
        self.text = text
        self.examplesAt = examplesAt
        self.options = options
    }
}
