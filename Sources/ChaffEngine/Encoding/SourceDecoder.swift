import ChaffText

/// Decides a file's encoding and transcodes it to UTF-8 when it is not UTF-8.
///
/// The UTF-8 path costs one validity pass (which spares `invalid-encoding` its own): only a byte order mark of UTF-16 or UTF-32, a NUL
/// byte in the first 8 KiB, or bytes that are not valid UTF-8 lead to the rest of the decision:
///
/// 1. A UTF-16 or UTF-32 byte order mark decides the encoding (a UTF-8 one means UTF-8).
/// 2. A NUL byte in the first 8 KiB means binary, unless the NULs of the first KiB fall in the
///    pattern of UTF-32 or UTF-16 (ASCII characters in either byte order) and the whole file
///    decodes as such without control characters.
/// 3. Valid UTF-8 is UTF-8. So is a file that is mostly valid UTF-8: at least four valid
///    multibyte characters per invalid byte; its bad bytes are reported by `invalid-encoding`.
/// 4. Otherwise the file is decoded as GB18030 and as Big5 (then CP950), strictly, and each
///    decoding is scored by the share of its non-ASCII characters that are frequent Chinese
///    characters (GB2312 level 1 or Big5 level 1) or common punctuation. The best decoding wins
///    when it scores at least 0.8 and beats the other by at least 0.2.
/// 5. When neither is plausible, a file with few bad bytes (at most 16, or no more than its
///    valid multibyte characters) stays UTF-8. Any other file is undecidable: both decodings
///    plausible and too close to tell apart, or neither plausible.
public enum SourceDecoder {
    /// The outcome for one file.
    public enum Decoded: Sendable, Equatable {
        /// UTF-8: lint the bytes as they are. `valid` is false for a mostly UTF-8 file with a
        /// few invalid bytes (which `invalid-encoding` reports).
        case utf8(valid: Bool)
        /// In another encoding: lint `text` (UTF-8); `origin` maps its offsets to the file's.
        case decoded(text: [UInt8], origin: SourceOrigin)
        /// Binary: not text.
        case binary
        /// Text whose encoding cannot be decided; `reason` says why, for the one finding.
        case undecidable(reason: String)
    }

    /// The decision for `bytes`; a large file's UTF-8 is checked on up to `workers` threads.
    public static func decode(_ bytes: [UInt8], workers: Int = 1) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decideUTF8(bytes, workers: workers) }
        for encoding in [SourceEncoding.utf32LE, .utf32BE, .utf16LE, .utf16BE] where bytes.starts(with: encoding.byteOrderMark) {
            if let (text, origin) = decode(bytes, as: encoding) { return .decoded(text: text, origin: origin) }
            return .undecidable(
                reason: "the file starts with a \(encoding.displayName) byte order mark but is not valid \(encoding.displayName)")
        }
        if BinaryContent.looksBinary(bytes) {
            for encoding in nulPatternCandidates(bytes) {
                guard let (text, origin) = decode(bytes, as: encoding), !hasControlCharacters(text) else { continue }
                return .decoded(text: text, origin: origin)
            }
            return .binary
        }
        return decideUTF8(bytes, workers: workers)
    }

    /// `bytes` decoded as `encoding` (a leading byte order mark of that encoding left out),
    /// with the map back to `bytes`; `nil` when they are not valid in it. UTF-8 is not decoded.
    public static func decode(_ bytes: [UInt8], as encoding: SourceEncoding) -> ([UInt8], SourceOrigin)? {
        guard bytes.count < Int(UInt32.max) / 2 else { return nil }
        let mark = encoding.byteOrderMark
        let bomLength = !mark.isEmpty && bytes.starts(with: mark) ? mark.count : 0
        switch encoding {
        case .utf8: return nil
        case .utf16LE, .utf16BE: return decodeUTF16(bytes, from: bomLength, bigEndian: encoding == .utf16BE, encoding: encoding)
        case .utf32LE, .utf32BE: return decodeUTF32(bytes, from: bomLength, bigEndian: encoding == .utf32BE, encoding: encoding)
        case .gb18030, .big5, .cp950: return decodeLegacy(bytes, from: bomLength, encoding: encoding)
        }
    }

    // MARK: - UTF-8 and the legacy Chinese encodings

    private static func decideUTF8(_ bytes: [UInt8], workers: Int) -> Decoded {
        guard !UTF8Decoding.isValid(bytes, workers: workers) else { return .utf8(valid: true) }
        let (valid, invalid) = utf8Counts(bytes, from: 0)
        if valid >= 4 * invalid { return .utf8(valid: false) }
        var scored: [(encoding: SourceEncoding, text: [UInt8], origin: SourceOrigin, score: Double)] = []
        for encoding in [SourceEncoding.gb18030, .big5] {
            var decoded = decode(bytes, as: encoding)
            var used = encoding
            if decoded == nil && encoding == .big5 {
                decoded = decode(bytes, as: .cp950)
                used = .cp950
            }
            guard let (text, origin) = decoded else { continue }
            scored.append((used, text, origin, ChineseTextScore.score(text)))
        }
        scored.sort { $0.score > $1.score }
        if let best = scored.first, best.score >= 0.8, best.score - (scored.count > 1 ? scored[1].score : 0) >= 0.2 {
            return .decoded(text: best.text, origin: best.origin)
        }
        let plausible = scored.filter { $0.score >= 0.8 }
        // No plausible decoding and a few bad bytes: stray bytes in UTF-8 text, reported one
        // by one by `invalid-encoding`.
        if plausible.isEmpty && (invalid <= 16 || valid >= invalid) { return .utf8(valid: false) }
        let tried = scored.map { "\($0.encoding.displayName) \(Int(($0.score * 100).rounded()))%" }
        let detail: String
        if scored.count == 2 {
            detail =
                "GB18030 and Big5 both decode it, to text that is not clearly one or the other (share of common characters: \(tried.joined(separator: ", ")))"
        } else if scored.count == 1 {
            detail =
                "only \(scored[0].encoding.displayName) decodes it, to implausible text (\(Int((scored[0].score * 100).rounded()))% common characters)"
        } else {
            detail = "neither GB18030 nor Big5 decodes it"
        }
        return .undecidable(
            reason:
                "the file is not UTF-8 (\(invalid) invalid bytes) and its encoding cannot be determined: \(detail); convert it to UTF-8 to have it checked"
        )
    }

    /// Valid multibyte characters and invalid bytes from `start` on.
    private static func utf8Counts(_ bytes: [UInt8], from start: Int) -> (valid: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { text in
            var valid = 0, invalid = 0
            var i = start
            let n = text.count
            while true {
                i = ASCIISkip.nextNonASCII(text, from: i, end: n)
                guard i < n else { break }
                let (scalar, length) = UTF8Decoding.decode(text, at: i)
                if scalar == nil { invalid += 1 } else { valid += 1 }
                i += length
            }
            return (valid, invalid)
        }
    }

    /// GB18030, Big5 or CP950 through iconv, then a walk that pairs each character of the file
    /// (its length told by its lead byte) with its scalar in the output.
    private static func decodeLegacy(_ bytes: [UInt8], from start: Int, encoding: SourceEncoding) -> ([UInt8], SourceOrigin)? {
        guard let text = Iconv.convert(Array(bytes[start...]), from: encoding.iconvName, to: "UTF-8") else { return nil }
        var builder = SourceOrigin.Builder(start: start)
        var i = start
        var o = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            var width = 1
            if lead >= 0x80 {
                width = 2
                if encoding == .gb18030 && i + 1 < n && (0x30...0x39).contains(bytes[i + 1]) { width = 4 }
            }
            guard o < text.count else { return nil }
            let outLead = text[o]
            let outWidth = outLead < 0x80 ? 1 : outLead < 0xE0 ? 2 : outLead < 0xF0 ? 3 : 4
            builder.append(decodedWidth: outWidth, originalWidth: width)
            i += width
            o += outWidth
        }
        // Every character must have given exactly one scalar.
        guard i == n, o == text.count else { return nil }
        return (text, builder.finish(encoding: encoding, byteOrderMarkLength: start))
    }

    // MARK: - UTF-16 and UTF-32

    private static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool, encoding: SourceEncoding) -> (
        [UInt8], SourceOrigin
    )? {
        guard (bytes.count - start) % 2 == 0 else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count - start) * 3 / 2)
        var builder = SourceOrigin.Builder(start: start)
        var i = start
        let n = bytes.count
        @inline(__always) func unit(_ k: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1]) : UInt32(bytes[k + 1]) << 8 | UInt32(bytes[k])
        }
        while i < n {
            let u = unit(i)
            var scalar = u
            var width = 2
            if (0xD800...0xDBFF).contains(u) {
                guard i + 4 <= n else { return nil }
                let low = unit(i + 2)
                guard (0xDC00...0xDFFF).contains(low) else { return nil }
                scalar = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                width = 4
            } else if (0xDC00...0xDFFF).contains(u) {
                return nil
            }
            builder.append(decodedWidth: appendUTF8(scalar, to: &text), originalWidth: width)
            i += width
        }
        return (text, builder.finish(encoding: encoding, byteOrderMarkLength: start))
    }

    private static func decodeUTF32(_ bytes: [UInt8], from start: Int, bigEndian: Bool, encoding: SourceEncoding) -> (
        [UInt8], SourceOrigin
    )? {
        guard (bytes.count - start) % 4 == 0 else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count - start)
        var builder = SourceOrigin.Builder(start: start)
        var i = start
        while i < bytes.count {
            let b = bytes[i..<(i + 4)].map(UInt32.init)
            let scalar = bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
            guard scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
            builder.append(decodedWidth: appendUTF8(scalar, to: &text), originalWidth: 4)
            i += 4
        }
        return (text, builder.finish(encoding: encoding, byteOrderMarkLength: start))
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: UInt32, to text: inout [UInt8]) -> Int {
        switch scalar {
        case 0..<0x80:
            text.append(UInt8(scalar))
            return 1
        case 0x80..<0x800:
            text.append(UInt8(0xC0 | scalar >> 6))
            text.append(UInt8(0x80 | scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            text.append(UInt8(0xE0 | scalar >> 12))
            text.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            text.append(UInt8(0x80 | scalar & 0x3F))
            return 3
        default:
            text.append(UInt8(0xF0 | scalar >> 18))
            text.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            text.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            text.append(UInt8(0x80 | scalar & 0x3F))
            return 4
        }
    }

    /// The encodings whose NUL pattern the first KiB of `bytes` shows, most specific first:
    /// UTF-32 when every 4-byte unit of one byte order is a possible scalar; UTF-16 when at
    /// least two byte pairs are ASCII characters (a NUL and a printable or white-space byte) in
    /// one byte order, and at least twice as many as in the other.
    static func nulPatternCandidates(_ bytes: [UInt8]) -> [SourceEncoding] {
        let sample = Array(bytes.prefix(1024))
        var candidates: [SourceEncoding] = []
        if bytes.count % 4 == 0 && sample.count >= 8 {
            let units = sample.count / 4
            var le = true, be = true
            for k in 0..<units {
                let b = sample[(4 * k)..<(4 * k + 4)]
                let o = b.startIndex
                if !(b[o + 3] == 0 && b[o + 2] <= 0x10) { le = false }
                if !(b[o] == 0 && b[o + 1] <= 0x10) { be = false }
            }
            if le { candidates.append(.utf32LE) }
            if be { candidates.append(.utf32BE) }
        }
        if bytes.count % 2 == 0 {
            // Units that are an ASCII character (printable or white space) in each byte order.
            // Chinese text has NULs in the other byte too (一 is U+4E00), but far fewer.
            var littleASCII = 0, bigASCII = 0
            @inline(__always) func isASCIIText(_ b: UInt8) -> Bool { (0x20...0x7E).contains(b) || (0x09...0x0D).contains(b) }
            for k in Swift.stride(from: 0, to: sample.count - 1, by: 2) {
                let (b0, b1) = (sample[k], sample[k + 1])
                if b1 == 0 && isASCIIText(b0) { littleASCII += 1 }
                if b0 == 0 && isASCIIText(b1) { bigASCII += 1 }
            }
            if littleASCII >= 2 && littleASCII >= 2 * bigASCII { candidates.append(.utf16LE) }
            if bigASCII >= 2 && bigASCII >= 2 * littleASCII { candidates.append(.utf16BE) }
        }
        return candidates
    }

    /// Whether `text` has C0 control characters other than tab, line feed, form feed, carriage
    /// return and escape, or DEL: what a binary file read as UTF-16 shows at once.
    private static func hasControlCharacters(_ text: [UInt8]) -> Bool {
        text.contains { $0 < 0x20 ? !($0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D || $0 == 0x1B) : $0 == 0x7F }
    }
}
