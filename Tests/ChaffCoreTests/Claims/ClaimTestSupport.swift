import Foundation

@testable import ChaffCore

/// The lexicon of `rules/unsourced-claim.json`, loaded through the same options decoder the
/// rule kind uses, so these tests judge the shipped lexicon.
enum ClaimTestSupport {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static let lexicon: ClaimLexicon = {
        let bytes = Array(FileManager.default.contents(atPath: root + "/rules/unsourced-claim.json") ?? Data())
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
