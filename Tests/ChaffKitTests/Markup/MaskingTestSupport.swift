@testable import ChaffEngine
@testable import ChaffText

/// Helpers for masking fixtures: expected scopes are written as strings, with `blank` standing
/// for text that must become spaces byte for byte.
enum Masking {
    /// The scope `scope` of `source` masked as `format`, as a string.
    static func scope(_ scope: Scope, of source: String, as format: DocumentFormat) -> String {
        String(decoding: format.masker.mask(Array(source.utf8)).bytes(for: scope), as: UTF8.self)
    }

    /// The masked document of `source`.
    static func document(_ source: String, as format: DocumentFormat) -> MaskedDocument {
        format.masker.mask(Array(source.utf8))
    }

    /// `text` with every byte except line breaks turned into a space.
    static func blank(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 == 0x0A || $0 == 0x0D ? $0 : 0x20 }, as: UTF8.self)
    }

    /// `count` spaces.
    static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    /// The byte offset of the first `needle` in `bytes`, or nil.
    static func offset(of needle: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start
        }
        return nil
    }

    /// The byte offset of the first `needle` in `text`.
    static func offset(of needle: String, in text: String) -> Int? { offset(of: needle, in: Array(text.utf8)) }
}

/// One piece of a fixture and the scopes it must land in.
struct Part {
    enum Kind { case prose, heading, code, comment, masked }
    let text: String
    let kind: Kind
}

/// Prose text.
func p(_ text: String) -> Part { Part(text: text, kind: .prose) }
/// Heading text (prose and heading).
func h(_ text: String) -> Part { Part(text: text, kind: .heading) }
/// Code text.
func c(_ text: String) -> Part { Part(text: text, kind: .code) }
/// Comment text.
func m(_ text: String) -> Part { Part(text: text, kind: .comment) }
/// Masked text (only the raw scope keeps it).
func x(_ text: String) -> Part { Part(text: text, kind: .masked) }

extension Masking {
    /// The expected bytes of `scope` for a fixture made of `parts`.
    static func expected(_ scope: Scope, _ parts: [Part]) -> String {
        parts.map { part in
            let inScope: Bool
            switch (scope, part.kind) {
            case (.raw, _): inScope = true
            case (.prose, .prose), (.prose, .heading), (.heading, .heading), (.code, .code), (.comment, .comment):
                inScope = true
            default: inScope = false
            }
            return inScope ? part.text : blank(part.text)
        }.joined()
    }

    /// The source of a fixture.
    static func source(_ parts: [Part]) -> String { parts.map(\.text).joined() }
}
