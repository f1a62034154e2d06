import Testing

@testable import ChaffBuiltinRules
@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffRunner

/// A check run loads the built-in rules without their examples (`RuleLoader.loadBuiltIn`, up
/// to `BuiltinRules.files`' `examplesAt`); what it loads must be what the whole file says.
@Suite struct BuiltinRuleLoadingTests {
    @Test func withoutExamplesLoadsWhatTheWholeFileSays() throws {
        #expect(BuiltinRules.files.count >= 30)
        for file in BuiltinRules.files {
            let path = RuleSet.builtInOrigin + file.name
            let stem = String(file.name.dropLast(".json".count))
            let whole = try RuleLoader.load(path: path, fileStem: stem, bytes: Array(file.text.utf8))
            let cut = try RuleLoader.loadBuiltIn(path: path, fileStem: stem, text: file.text, examplesAt: file.examplesAt)
            #expect(!cut.examplesAreDecoded, "\(file.name): examples decoded at load")
            #expect(cut.id == whole.id && cut.kindName == whole.kindName && cut.severity == whole.severity, "\(file.name)")
            #expect(cut.summary == whole.summary && cut.description == whole.description, "\(file.name)")
            #expect(cut.message.source == whole.message.source && cut.helpURI == whole.helpURI, "\(file.name)")
            #expect(cut.scope == whole.scope && cut.tags == whole.tags && cut.enabledByDefault == whole.enabledByDefault, "\(file.name)")
            #expect(cut.idLocation.line == whole.idLocation.line && cut.idLocation.column == whole.idLocation.column, "\(file.name)")
            #expect(cut.sourceDigest == whole.sourceDigest, "\(file.name)")
            #expect(cut.examples.valid == whole.examples.valid && cut.examples.invalid == whole.examples.invalid, "\(file.name)")
        }
    }
}
