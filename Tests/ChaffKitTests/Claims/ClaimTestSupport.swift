import Foundation

@testable import ChaffKinds
@testable import ChaffText

/// The lexicon of `rules/unsourced-claim.json`, loaded through the same options decoder the
/// rule kind uses, so these tests judge the shipped lexicon.
enum ClaimTestSupport {
    static let lexicon: ClaimLexicon = {
        let bytes = Array(FileManager.default.contents(atPath: PackageRoot.path + "/rules/unsourced-claim.json") ?? Data())
        do {
            let node = try JSONParser.parse(bytes)
            var rule = try ObjectReader(node, path: "")
            guard let options = rule.node("options") else { fatalError("rules/unsourced-claim.json has no options") }
            var reader = try ObjectReader(options, path: "options")
            let lexicon = try ClaimLexicon(options: &reader)
            try reader.finish()
            return lexicon
        } catch {
            fatalError("rules/unsourced-claim.json does not load: \(error)")
        }
    }()

    static let detector = ClaimDetector(lexicon: lexicon)

    /// The phrases found in `text`, as written.
    static func phrases(_ text: String) -> [String] {
        detector.findings(in: Array(text.utf8)).map(\.text)
    }
}
