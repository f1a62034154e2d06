import ChaffEngine
import ChaffRunner
import ChaffText

/// A document the editor has open: the text as the editor holds it, not as saved.
struct OpenDocument {
    /// The URI exactly as the client sent it (answers carry it back unchanged).
    var uri: String
    /// The file path the URI names, when it is a `file:` URI.
    var path: String?
    /// The client's language id (`markdown`, `html`, `plaintext` …).
    var languageID: String
    /// The client's version number of the text.
    var version: Int
    /// The text, UTF-8.
    var text: [UInt8]

    /// Applies one `TextDocumentContentChangeEvent`: with a `range` (in the session's
    /// position encoding) that range is replaced; without one the whole text is.
    mutating func apply(_ change: JSONNode, unit: ColumnUnit) throws(RPCError) {
        guard let newText = change["text"]?.string else { throw .invalidParams("a content change needs 'text'") }
        guard let range = change["range"] else {
            text = Array(newText.utf8)
            return
        }
        guard let start = TextPosition(range["start"]), let end = TextPosition(range["end"]) else {
            throw .invalidParams("a content change's 'range' needs 'start' and 'end' positions")
        }
        let positions = TextPositions(text, unit: unit)
        let from = positions.offset(of: start)
        let to = max(from, positions.offset(of: end))
        text.replaceSubrange(from..<to, with: Array(newText.utf8))
    }

    /// The document format: the extension of the path when it names one chaff reads, else
    /// the language id, else plain text; a config's `formats` pattern comes first.
    func format(config: Configuration?) -> String {
        if let path, let config {
            let relative = PathDisplay.relative(path, to: config.directory)
            if let override = config.formats.first(where: { $0.glob.matches(relative) }) { return override.format }
        }
        if let path {
            let byExtension = DocumentMaker.format(forPath: path)
            if byExtension != DocumentFormat.plainText.rawValue { return byExtension }
        }
        switch languageID.lowercased() {
        case "markdown", "mdx": return DocumentFormat.markdown.rawValue
        case "html", "xhtml": return DocumentFormat.html.rawValue
        case "restructuredtext", "rst": return DocumentFormat.restructuredText.rawValue
        default: return DocumentFormat.plainText.rawValue
        }
    }
}

/// `file:` URIs and paths.
enum FileURI {
    /// The path of a `file:` URI (`file:///a/b%20c` is `/a/b c`), nil for other schemes.
    static func path(_ uri: String) -> String? {
        guard uri.lowercased().hasPrefix("file://") else { return nil }
        var rest = Array(uri.utf8.dropFirst(7))
        // An authority (`file://localhost/…`) is dropped; the path starts at the next '/'.
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        rest = Array(rest[slash...])
        if let query = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { rest = Array(rest[..<query]) }
        var out: [UInt8] = []
        var i = 0
        while i < rest.count {
            if rest[i] == UInt8(ascii: "%"), i + 2 < rest.count, let high = hex(rest[i + 1]), let low = hex(rest[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(rest[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// The `file:` URI of an absolute path, escaping what RFC 3986 does not allow in a path.
    static func uri(_ path: String) -> String {
        var out = "file://"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
