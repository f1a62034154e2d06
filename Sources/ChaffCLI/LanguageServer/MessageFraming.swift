/// The base protocol's framing: each message is a header block (`Content-Length: N`, optionally
/// `Content-Type`, each line ending in `\r\n`, then an empty line) followed by exactly N bytes of
/// JSON. Bytes are fed in as they arrive; complete messages come out one at a time.
///
/// A malformed header block is reported and skipped, and reading goes on after it, so one bad
/// message never ends the session.
struct MessageFraming {
    /// What the next complete piece of input is.
    enum Frame: Equatable {
        /// The body of one message.
        case message([UInt8])
        /// A header block that cannot be used, and why; its bytes have been dropped.
        case malformed(String)
    }

    /// The largest body accepted: larger lengths are taken for garbage rather than allocated.
    static let maximumBodyBytes = 1 << 30
    /// The longest header block accepted before its blank line.
    static let maximumHeaderBytes = 8192

    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already consumed; compacted from time to time rather than on every
    /// message, so that many small messages are not each a copy of what follows them.
    private var start = 0
    /// The length of the body being waited for, once its header has been read.
    private var pendingLength: Int?
    /// Whether the bytes of an over-long header are being dropped until its blank line.
    private var discardingHeader = false

    /// Adds bytes read from the stream.
    mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil until more bytes arrive.
    mutating func next() -> Frame? {
        if pendingLength == nil {
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: buffer, from: start) else {
                if buffer.count - start > Self.maximumHeaderBytes {
                    // No blank line in sight: drop all but a possible partial terminator, and
                    // report the header once its end is found, as if it had come in one piece.
                    start = buffer.count - 3
                    discardingHeader = true
                }
                return nil
            }
            let tooLong = discardingHeader || headerEnd - start > Self.maximumHeaderBytes
            discardingHeader = false
            let header = buffer[start..<headerEnd]
            start = headerEnd + 4
            if tooLong { return .malformed("header longer than \(Self.maximumHeaderBytes) bytes") }
            switch Self.contentLength(of: header) {
            case .success(let length): pendingLength = length
            case .failure(let problem): return .malformed(problem.message)
            }
        }
        guard let length = pendingLength, buffer.count - start >= length else { return nil }
        let body = Array(buffer[start..<start + length])
        start += length
        pendingLength = nil
        return .message(body)
    }

    /// Whether bytes of an unfinished message are held (so end of input cuts a message short).
    var hasPartialMessage: Bool { pendingLength != nil || buffer.count > start }

    /// A message body with its header, ready to write.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    private struct HeaderProblem: Error { var message: String }

    /// The `Content-Length` of a header block, which must be given once, as decimal digits.
    private static func contentLength(of header: ArraySlice<UInt8>) -> Result<Int, HeaderProblem> {
        var length: Int?
        for line in header.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(HeaderProblem(message: "header line '\(printable(line))' has no ':'"))
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).lspHeaderValue
            guard name == "content-length" else { continue }
            guard length == nil else { return .failure(HeaderProblem(message: "Content-Length given twice")) }
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), value.utf8.count <= 10, let n = Int(value),
                n <= maximumBodyBytes
            else {
                return .failure(
                    HeaderProblem(message: "Content-Length '\(printable(value.utf8))' is not a length up to \(maximumBodyBytes)"))
            }
            length = n
        }
        guard let length else { return .failure(HeaderProblem(message: "header without Content-Length")) }
        return .success(length)
    }

    private static func printable<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes.prefix(80).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count - from >= needle.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i + 1] == needle[1] && haystack[i + 2] == needle[2] && haystack[i + 3] == needle[3] {
                return i
            }
            i += 1
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var lspHeaderValue: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
