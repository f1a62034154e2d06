import ChaffText
import Testing

@testable import ChaffBuiltinRules
@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffRunner

/// A check run loads the built-in rules without their examples (`RuleLoader.loadBuiltIn`, up
/// to `BuiltinRules.files`' `examplesAt`); what it loads must be what the whole file says.
@Suite struct BuiltinRuleLoadingTests {
    /// A JSON value's content and every offset in it, written out.
    static func shape(_ node: JSONNode) -> String {
        switch node.value {
        case .object(let members):
            return "{" + members.map { "\($0.keyOffset):\($0.key)=\(shape($0.value))" }.joined(separator: ",") + "}"
        case .array(let elements): return "[" + elements.map(shape).joined(separator: ",") + "]"
        case .string(let string): return "\(node.offset):s\(string)"
        case .number(let number): return "\(node.offset):n\(number)"
        case .bool(let flag): return "\(node.offset):\(flag)"
        case .null: return "\(node.offset):null"
        }
    }

    @Test func withoutExamplesLoadsWhatTheWholeFileSays() throws {
        #expect(BuiltinRules.files.count >= 30)
        for file in BuiltinRules.files {
            let path = RuleSet.builtInOrigin + file.name
            let stem = String(file.name.dropLast(".json".count))
            let whole = try RuleLoader.load(path: path, fileStem: stem, bytes: Array(file.text.utf8))
            let cut = try RuleLoader.loadBuiltIn(
                path: path, fileStem: stem, text: file.text, examplesAt: file.examplesAt, options: file.options)
            #expect(!cut.examplesAreDecoded, "\(file.name): examples decoded at load")
            #expect(cut.id == whole.id && cut.kindName == whole.kindName && cut.severity == whole.severity, "\(file.name)")
            #expect(cut.summary == whole.summary && cut.description == whole.description, "\(file.name)")
            #expect(cut.message.source == whole.message.source && cut.helpURI == whole.helpURI, "\(file.name)")
            #expect(cut.scope == whole.scope && cut.tags == whole.tags && cut.enabledByDefault == whole.enabledByDefault, "\(file.name)")
            #expect(cut.idLocation.line == whole.idLocation.line && cut.idLocation.column == whole.idLocation.column, "\(file.name)")
            #expect(cut.sourceDigest == whole.sourceDigest, "\(file.name)")
            #expect(cut.examples.valid == whole.examples.valid && cut.examples.invalid == whole.examples.invalid, "\(file.name)")
            // The options, parsed late, are the whole file's, offsets included.
            #expect(Self.shape(cut.optionsNode) == Self.shape(whole.optionsNode), "\(file.name)")
            #expect(cut.optionsNode.offset == whole.optionsNode.offset, "\(file.name)")
            #expect(file.options != nil || Self.shape(whole.optionsNode) == "{}", "\(file.name)")
        }
    }
}
