import Foundation
import Testing

@testable import ChaffEngine
@testable import ChaffKinds

/// A document built with only the scopes a linter reads lints exactly as a fully built one.
@Suite struct LinterScopeTests {
    /// The shipped rules, read from `rules/` the way the built-in set is made from them.
    static let rules: [ActiveRule] = {
        let directory = PackageRoot.path + "/rules"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.map { name in
            let bytes = Array(FileManager.default.contents(atPath: directory + "/" + name) ?? Data())
            do {
                return ActiveRule(try RuleLoader.load(path: name, fileStem: String(name.dropLast(5)), bytes: bytes))
            } catch {
                fatalError("\(name) does not load: \(error)")
            }
        }
    }()

    @Test func scopesAreTheRulesScopesPlusProseAndComment() {
        let rules = Self.rules
        let linter = Linter(rules: rules)
        #expect(Self.rules.count == 37)
        #expect(linter.scopes == Set([.prose, .comment, .raw]))
        #expect(Linter(rules: Self.rules.filter { $0.rule.id == "invalid-encoding" }).scopes == Set([.prose, .comment, .raw]))
        #expect(Linter(rules: []).scopes == Set([.prose, .comment]))
    }

    @Test func partialDocumentLintsTheSame() {
        let linter = Linter(rules: Self.rules)
        let text = "# 标题 {{ name }}\n\n研究表明，喝水有益。 %s <!-- chaff-disable-next-line placeholder-printf-specifier -->\n中文 %d 和 `{{ code }}`\n"
        for format in ["markdown", "html", "text"] {
            let full = linter.lint(DocumentMaker.document(path: "a", source: Array(text.utf8), format: format))
            let partial = linter.lint(DocumentMaker.document(path: "a", source: Array(text.utf8), format: format, scopes: linter.scopes))
            #expect(full == partial, "\(format)")
            #expect(!full.isEmpty, "\(format)")
        }
    }
}
