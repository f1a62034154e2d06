#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Strict conversions with the C library's `iconv`: any byte sequence that is invalid or
/// incomplete in the source encoding, or a character the target cannot hold, fails the whole
/// conversion (no replacement, no transliteration).
enum Iconv {
    /// `bytes` converted from `source` to `target`, or `nil` when they do not convert exactly.
    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        let handle = iconv_open(target, source)
        // iconv_open returns (iconv_t)-1 on failure.
        guard let handle, Int(bitPattern: handle) != -1 else { return nil }
        defer { iconv_close(handle) }
        if bytes.isEmpty { return [] }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var produced = 0
        // iconv takes a non-const input pointer but never writes through it: no copy.
        let ok: Bool = bytes.withUnsafeBufferPointer { inBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBuffer.baseAddress!).assumingMemoryBound(
                to: CChar.self)
            var inLeft = inBuffer.count
            while true {
                let result: Int = output.withUnsafeMutableBufferPointer { outBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count - produced
                    let r = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = r == -1 ? errno : 0
                    produced = outBuffer.count - outLeft
                    return r == -1 ? Int(failure) : 0
                }
                if result == 0 {
                    // Flush any shift state (none of the encodings used here has one).
                    return true
                }
                if result == Int(E2BIG) {
                    output += [UInt8](repeating: 0, count: output.count)
                    continue
                }
                // EILSEQ (invalid or unconvertible) or EINVAL (incomplete at the end).
                return false
            }
        }
        guard ok else { return nil }
        output.removeSubrange(produced...)
        return output
    }

    /// `text` in `encoding`, or `nil` when it cannot be written in it.
    static func encode(_ text: String, as encoding: SourceEncoding) -> [UInt8]? {
        if encoding == .utf8 { return Array(text.utf8) }
        return convert(Array(text.utf8), from: "UTF-8", to: encoding.iconvName)
    }
}
