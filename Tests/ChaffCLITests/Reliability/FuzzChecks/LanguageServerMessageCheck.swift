import ChaffText

@testable import ChaffCLI

/// The `lsp` fuzz target's work: the language server's framing, message decoding and edits on
/// arbitrary bytes.
///
/// Byte 0 picks how the rest is split into reads (1 to 16 bytes at a time), bytes 1 to 4 the
/// range of an edit; the rest is the stream a client sends. Promises checked: the frames do not
/// depend on how the stream is split; every body decodes to a message or to a parse or
/// invalid-request error, never anything else; a body framed again reads back as itself; and an
/// edit at any position, in UTF-8 or UTF-16 units, leaves valid UTF-8 text.
enum LanguageServerMessageCheck {
    /// Checks `bytes`; throws when a promise is broken.
    static func check(_ bytes: [UInt8]) throws(FuzzFailure) {
        guard bytes.count >= 5 else { return }
        let stream = Array(bytes.dropFirst(5))
        let whole = frames(stream, chunk: max(1, stream.count))
        let split = frames(stream, chunk: Int(bytes[0] % 16) + 1)
        try FuzzSupport.require(
            whole == split,
            "frames depend on how the stream is split into reads (\(bytes[0] % 16 + 1) bytes): \(whole.count) vs \(split.count) frames")
        for frame in whole {
            guard case .message(let body) = frame else { continue }
            if case .failure(let failure) = RPCMessage.decode(body) {
                let code = failure.error.code
                try FuzzSupport.require(
                    code == RPCError.parseError || code == RPCError.invalidRequest,
                    "decoding failed with code \(code): \(failure.error.message)")
            }
            var again = MessageFraming()
            again.append(MessageFraming.frame(body))
            try FuzzSupport.require(again.next() == .message(body) && again.next() == nil, "a framed body does not read back as itself")
        }
        let text = String(decoding: stream, as: UTF8.self)
        for unit in [ColumnUnit.utf8, .utf16] {
            var document = OpenDocument(uri: "file:///f.md", path: "/f.md", languageID: "markdown", version: 1, text: Array(text.utf8))
            let start = TextPosition(line: Int(bytes[1] % 8), character: Int(bytes[2] % 64))
            let end = TextPosition(line: start.line + Int(bytes[3] % 3), character: Int(bytes[4] % 64))
            let written =
                "{\"range\": {\"start\": {\"line\": \(start.line), \"character\": \(start.character)}, \"end\": {\"line\": \(end.line), \"character\": \(end.character)}}, \"text\": \"字\\r\\n\"}"
            guard let change = try? JSONParser.parse(Array(written.utf8)) else {
                throw FuzzFailure(message: "the change did not parse: \(written)")
            }
            do {
                try document.apply(change, unit: unit)
            } catch {
                throw FuzzFailure(message: "a well-formed change was refused: \(error.message)")
            }
            try FuzzSupport.require(String(validating: document.text, as: UTF8.self) != nil, "an edit in \(unit) units split a character")
            let positions = TextPositions(document.text, unit: unit)
            let offset = positions.offset(of: start)
            try FuzzSupport.require(offset >= 0 && offset <= document.text.count, "offset \(offset) outside the text")
        }
    }

    private static func frames(_ stream: [UInt8], chunk: Int) -> [MessageFraming.Frame] {
        var framing = MessageFraming()
        var out: [MessageFraming.Frame] = []
        var i = 0
        while i < stream.count {
            framing.append(stream[i..<min(stream.count, i + chunk)])
            i += chunk
            while let frame = framing.next() { out.append(frame) }
        }
        return out
    }
}
