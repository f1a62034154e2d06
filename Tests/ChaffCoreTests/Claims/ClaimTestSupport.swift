import Foundation

@testable import ChaffCore

/// The draft lexicons in `rules-draft/claims/`, loaded through the same options decoder a rule
/// file will use: `{"groups": [<each draft file>]}`.
enum ClaimTestSupport {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static let draftFiles = ["unnamed-counting.json", "unnamed-reports.json", "unnamed-research.json", "unnamed-experts.json",
                             "anonymous-consensus.json"]

    static func optionsJSON() -> String {
        let groups = draftFiles.map { name -> String in
            let data = FileManager.default.contents(atPath: root + "/rules-draft/claims/" + name) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        return "{\"groups\": [\n" + groups.joined(separator: ",\n") + "]}"
    }

    static let lexicon: ClaimLexicon = {
        let bytes = Array(optionsJSON().utf8)
        do {
            let node = try JSONParser.parse(bytes)
            var reader = try ObjectReader(node, path: "options")
            let lexicon = try ClaimLexicon(options: &reader)
            try reader.finish()
            return lexicon
        } catch {
            fatalError("draft lexicons do not load: \(error)")
        }
    }()

    static let detector = ClaimDetector(lexicon: lexicon)

    /// The phrases found in `text`, as written.
    static func phrases(_ text: String) -> [String] {
        detector.findings(in: Array(text.utf8)).map(\.text)
    }
}
