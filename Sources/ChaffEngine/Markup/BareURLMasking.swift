import ChaffText

/// Blanks bare URLs and e-mail addresses in a prose scope.
///
/// A URL is not words: its letters would reach word-level rules (look-alike letters, spelling,
/// mixed scripts) as noise. Recognised, after a byte that is not an ASCII letter or digit:
/// `http://`, `https://`, `ftp://` and `www.` (any case), followed by at least one letter or
/// digit (ASCII, or of an alphabet as below). The URL runs to the first whitespace, control,
/// non-ASCII byte (except as below), or one of `<>"{}|\``; then trailing `.,:;!?'*_~` and
/// unbalanced `)` are dropped, as GitHub does.
///
/// Deliberate limits, so that visible text is not hidden:
/// - a URL stops at non-ASCII, because Chinese text rarely puts a space after a URL
///   (`见https://example.com。然后`); a URL with raw CJK in its path is blanked only up to it.
///   Letters of alphabets written in two UTF-8 bytes (accented Latin, Greek, Cyrillic …)
///   continue it, so a URL is never cut in the middle of a word (`https://pаypal.example`
///   with a Cyrillic `а`).
/// - a URL stops at `{` and `}`: a template placeholder in a visible URL
///   (`https://example.com/{{ slug }}`) is still on the page and still reported.
///
/// E-mail addresses (`name@example.com`) are blanked too: a local part of
/// `[A-Za-z0-9._+-]` and a domain of `[A-Za-z0-9._-]` with at least one dot.
enum BareURLMasking {
    /// Blanks the URLs and addresses in `bytes` in place; returns the URLs' ranges (not the
    /// e-mail addresses'), which `MarkupMarks` keeps as web addresses.
    @discardableResult
    static func apply(to bytes: inout [UInt8]) -> [MarkupReference] {
        var urls: [MarkupReference] = []
        let found = bytes.withUnsafeBufferPointer { ranges(in: $0, urls: &urls) }
        guard !found.isEmpty else { return urls }
        bytes.withUnsafeMutableBufferPointer { mutable in
            for range in found { ScopeClass.mark(mutable, range, 0x20) }
        }
        return urls
    }

    /// The ranges of the URLs and addresses in `buffer`, ascending and disjoint; `urls` receives
    /// the URLs alone, as web addresses.
    ///
    /// Every URL holds `://` (its `:` four, five or three bytes after its start) or starts
    /// `ww`, and every address holds `@`: the scan stops only at those, where a scan for the
    /// first letters of `http`, `ftp` and `www` stopped in most English words (`night`, `with`).
    /// A start is tried only at or after the end of the range found before, and the starts of
    /// one `:` lie before it with no other stop between, so ranges are found in the order of
    /// their starts, as a test of every byte would find them.
    static func ranges(in buffer: UnsafeBufferPointer<UInt8>, urls: inout [MarkupReference]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let end = buffer.count
        // Where the next range may start: the end of the one before.
        var resume = 0
        func addURL(_ range: Range<Int>) {
            found.append(range)
            urls.append(MarkupReference(kind: .address, range: range, destination: range, isWebAddress: true))
            resume = range.upperBound
        }
        var i = 0
        while i < end {
            i = nextStop(in: buffer, from: i, end: end)
            guard i < end else { break }
            let byte = buffer[i]
            if byte == 0x3A {  // ':'
                // `https`, `http` or `ftp` before it; at most one of them fits.
                var start = max(i - 5, resume)
                while start <= i - 3 {
                    if let urlEnd = url(startingAt: start, in: buffer, end: end) {
                        addURL(start..<urlEnd)
                        break
                    }
                    start += 1
                }
                i = max(i + 1, resume)
            } else if byte == 0x40 {  // '@'
                if let range = email(around: i, in: buffer, end: end) {
                    // The local part was scanned backwards; it never reaches into a URL found before.
                    let start = max(range.lowerBound, found.last?.upperBound ?? 0)
                    found.append(start..<range.upperBound)
                    resume = range.upperBound
                    i = resume
                } else {
                    i += 1
                }
            } else {
                // `w` or `W`, followed by another.
                if i + 1 < end, buffer[i + 1] | 0x20 == 0x77, let urlEnd = url(startingAt: i, in: buffer, end: end) {
                    addURL(i..<urlEnd)
                    i = urlEnd
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    /// The URL that starts at `start` (after a byte that is not an ASCII letter or digit), or
    /// nil; `start` may be negative (a `:` near the text's start).
    @inline(__always)
    private static func url(startingAt start: Int, in buffer: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        guard start >= 0, start == 0 || !MarkupBytes.isAlnum(buffer[start - 1]) else { return nil }
        return url(at: start, in: buffer, end: end)
    }

    /// The offset of the next `:`, `@`, or `w` (either case) followed by another, from `from`;
    /// `end` when there is none. Sixteen bytes a round with vectors while the byte after them
    /// can be read, then eight at a time with words (where eight bytes with no byte of
    /// 0x40–0x7F and no `:`, as in Chinese text, take one test), then byte by byte.
    @inline(__always)
    private static func nextStop(in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        var i = from
        if let base = buffer.baseAddress {
            let colon = SIMD16<UInt8>(repeating: 0x3A), at = SIMD16<UInt8>(repeating: 0x40)
            let w = SIMD16<UInt8>(repeating: 0x77), caseBit = SIMD16<UInt8>(repeating: 0x20)
            while i + 17 <= end {
                let here = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                let next = UnsafeRawPointer(base + i + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                let stops = (here .== colon) .| (here .== at) .| (((here | caseBit) .== w) .& ((next | caseBit) .== w))
                // Two words tested at once: `any` reduced the mask lane by lane in a call.
                let words = unsafeBitCast(stops, to: SIMD2<UInt64>.self)
                if words[0] | words[1] != 0 { break }
                i += 16
            }
            while i + 8 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let colons = zeroBytes(word ^ 0x3A3A_3A3A_3A3A_3A3A)
                if zeroBytes((word & 0xC0C0_C0C0_C0C0_C0C0) ^ 0x4040_4040_4040_4040) | colons == 0 {
                    i += 8
                    continue
                }
                let w = zeroBytes((word | 0x2020_2020_2020_2020) ^ 0x7777_7777_7777_7777)
                // A `w` in the last byte may pair with the next word's first: stop there too.
                let stops = colons | zeroBytes(word ^ 0x4040_4040_4040_4040) | (w & (w >> 8)) | (w & 0x8000_0000_0000_0000)
                if stops != 0 { return i + stops.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < end {
            let byte = buffer[i]
            if byte == 0x3A || byte == 0x40 || (byte | 0x20 == 0x77 && i + 1 < end && buffer[i + 1] | 0x20 == 0x77) { return i }
            i += 1
        }
        return end
    }

    /// The high bit of exactly each zero byte of `word` (no borrow between bytes).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 { ByteWords.zeroBytes(word) }

    /// The end of the URL starting at `start`, or nil when no URL starts there.
    static func url(at start: Int, in buffer: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        var p: Int
        if MarkupBytes.hasPrefixIgnoringCase(buffer, at: start, end: end, "https://") {
            p = start + 8
        } else if MarkupBytes.hasPrefixIgnoringCase(buffer, at: start, end: end, "http://") {
            p = start + 7
        } else if MarkupBytes.hasPrefixIgnoringCase(buffer, at: start, end: end, "ftp://") {
            p = start + 6
        } else if MarkupBytes.hasPrefixIgnoringCase(buffer, at: start, end: end, "www.") {
            p = start + 4
        } else {
            return nil
        }
        guard p < end, MarkupBytes.isAlnum(buffer[p]) || letterOfAlphabetEnd(at: p, in: buffer, end: end) != nil else { return nil }
        while p < end {
            if isURLByte(buffer[p]) {
                p += 1
            } else if let next = letterOfAlphabetEnd(at: p, in: buffer, end: end) {
                p = next
            } else {
                break
            }
        }
        // Trim trailing punctuation and parentheses that close something outside the URL.
        var open = 0
        var close = 0
        for k in start..<p {
            if buffer[k] == 0x28 { open += 1 } else if buffer[k] == 0x29 { close += 1 }
        }
        while p > start {
            let last = buffer[p - 1]
            if last == 0x29 && close > open {
                close -= 1
                p -= 1
            } else if isTrailingPunctuation(last) {
                p -= 1
            } else {
                break
            }
        }
        return p
    }

    /// The range of the e-mail address whose `@` is at `at`, or nil.
    static func email(around at: Int, in buffer: UnsafeBufferPointer<UInt8>, end: Int) -> Range<Int>? {
        var start = at
        while start > 0 && isLocalByte(buffer[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var p = at + 1
        while p < end && (MarkupBytes.isAlnum(buffer[p]) || buffer[p] == 0x2E || buffer[p] == 0x2D || buffer[p] == 0x5F) {
            p += 1
        }
        while p > at + 1 && buffer[p - 1] == 0x2E { p -= 1 }
        guard p > at + 1, MarkupBytes.isAlnum(buffer[at + 1]), MarkupBytes.isAlnum(buffer[p - 1]),
            MarkupBytes.index(of: 0x2E, in: buffer, from: at + 2, end: p - 1) < p - 1
        else { return nil }
        return start..<p
    }

    @inline(__always) private static func isURLByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x7E:
            return byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0x7B && byte != 0x7D
                && byte != 0x7C && byte != 0x60
        default:
            return false
        }
    }

    /// The end of the character at `p` when it is a letter of an alphabet written in two UTF-8
    /// bytes (U+00C0–U+07FF: accented Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic …; not
    /// `×`, `÷`), which continues a URL (`https://пример.рф/путь`, a spoofed `pаypal`): cutting
    /// the URL there would leave half a word as text. Everything else non-ASCII (CJK, spaces,
    /// punctuation such as `«` or `—`) ends the URL.
    @inline(__always) private static func letterOfAlphabetEnd(at p: Int, in buffer: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        let lead = buffer[p]
        guard lead >= 0xC3 && lead <= 0xDF, p + 1 < end else { return nil }
        let trail = buffer[p + 1]
        guard trail & 0xC0 == 0x80, !(lead == 0xC3 && (trail == 0x97 || trail == 0xB7)) else { return nil }
        return p + 2
    }

    @inline(__always) private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2E, 0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x27, 0x2A, 0x5F, 0x7E: return true
        default: return false
        }
    }

    @inline(__always) private static func isLocalByte(_ byte: UInt8) -> Bool {
        MarkupBytes.isAlnum(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2B || byte == 0x2D
    }
}
