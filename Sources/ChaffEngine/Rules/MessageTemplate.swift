import ChaffText

/// A rule's message with `{name}` placeholders, checked against its kind when loaded.
public struct MessageTemplate: Sendable, Equatable {
    private enum Piece: Sendable, Equatable {
        case text(String)
        case argument(String)
    }

    private let pieces: [Piece]
    /// The message when the template has no placeholder: most rules' messages are fixed, and
    /// rendering them piece by piece cost a new string per finding.
    private let constant: String?
    /// The bytes of the template's text pieces: the rendered message's size but for its
    /// arguments, reserved at once instead of grown at each piece.
    private let textBytes: Int
    /// The template as written.
    public let source: String
    /// Whether the message may show the matched text (`{match}`, filled from it when the
    /// arguments do not give it): otherwise equal arguments give equal messages.
    public var readsMatch: Bool { pieces.contains(.argument("match")) }

    /// Parses `source`; `allowed` names the placeholders it may use. A failure names the byte
    /// offset within `source` of the bad placeholder.
    public init(_ source: String, allowed: [String]) throws(ObjectReader.Failure) {
        self.source = source
        var pieces: [Piece] = []
        let bytes = Array(source.utf8)
        var text: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "}")) {
                let name = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                if !name.isEmpty && name.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x41 && $0 <= 0x5A }) {
                    guard allowed.contains(name) else {
                        throw ObjectReader.Failure(
                            offset: i,
                            message:
                                "message uses unknown placeholder '{\(name)}'; this kind offers \(allowed.map { "'{\($0)}'" }.joined(separator: ", "))"
                        )
                    }
                    if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
                    text = []
                    pieces.append(.argument(name))
                    i = close + 1
                    continue
                }
            }
            text.append(bytes[i])
            i += 1
        }
        if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
        self.pieces = pieces
        textBytes = pieces.reduce(0) { total, piece in
            if case .text(let text) = piece { return total + text.utf8.count }
            return total
        }
        if pieces.isEmpty {
            constant = ""
        } else if pieces.count == 1, case .text(let text) = pieces[0] {
            constant = text
        } else {
            constant = nil
        }
    }

    /// The message with `arguments` filled in; a missing argument renders empty.
    public func render(_ arguments: [String: String]) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let t): out += t
            case .argument(let name): out += Self.value(of: name, in: arguments) ?? ""
            }
        }
        return out
    }

    /// `render` with `match` as the value of `{match}` when `arguments` has none: the
    /// diagnostic of every finding needs it, and a copy of the arguments with it added cost
    /// a dictionary per finding.
    public func render(_ arguments: [String: String], match: String) -> String {
        if let constant { return constant }
        // The values first, so that the message is written once into a string of its final
        // size: appending piece by piece grew and copied it, a fifth of a diagnostic's cost.
        var values: [String] = []
        values.reserveCapacity(pieces.count)
        var size = textBytes
        for piece in pieces {
            guard case .argument(let name) = piece else { continue }
            let value = Self.value(of: name, in: arguments) ?? (name == "match" ? match : "")
            size += value.utf8.count
            values.append(value)
        }
        return String(unsafeUninitializedCapacity: size) { buffer in
            var written = 0
            var next = 0
            for piece in pieces {
                switch piece {
                case .text(let text): written = Self.copy(text, into: buffer, at: written)
                case .argument:
                    written = Self.copy(values[next], into: buffer, at: written)
                    next += 1
                }
            }
            return written
        }
    }

    /// `arguments[name]`: a finding has a handful of arguments, and comparing their names
    /// (short strings, compared in place) costs less than hashing the name once.
    private static func value(of name: String, in arguments: [String: String]) -> String? {
        guard arguments.count <= 8 else { return arguments[name] }
        for (key, value) in arguments where key == name { return value }
        return nil
    }

    /// Copies the UTF-8 of `string` into `buffer` at `offset`; returns where it ends.
    private static func copy(_ string: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        let copied = string.utf8.withContiguousStorageIfAvailable { bytes in
            if let from = bytes.baseAddress, let to = buffer.baseAddress { (to + offset).initialize(from: from, count: bytes.count) }
            return bytes.count
        }
        if let copied { return offset + copied }
        var end = offset
        for byte in string.utf8 {
            buffer[end] = byte
            end += 1
        }
        return end
    }
}
