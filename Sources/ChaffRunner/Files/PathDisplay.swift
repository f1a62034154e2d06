/// How paths are shown: relative to the working directory when below it.
///
/// Paths are compared and split as UTF-8 bytes, not as `Character`s: a name that starts with a
/// combining mark would otherwise merge with the `/` before it into one grapheme, and the
/// path would no longer split or match there.
public enum PathDisplay {
    /// `path` made relative to `base` when it lies below it; otherwise unchanged. Both are
    /// taken lexically (no symlink resolution), with `./` prefixes dropped.
    public static func relative(_ path: String, to base: String) -> String {
        let p = normalize(path)
        let b = normalize(base)
        if b == "." || b.isEmpty {
            return p
        }
        if p == b { return "." }
        let prefix = Array((b.hasSuffix("/") ? b : b + "/").utf8)
        let bytes = Array(p.utf8)
        if bytes.starts(with: prefix) {
            return String(decoding: bytes[prefix.count...], as: UTF8.self)
        }
        return p
    }

    /// Drops `./` segments and duplicate slashes.
    public static func normalize(_ path: String) -> String {
        // A path with no empty or `.` segment is its own normal form: every walked file's
        // path, so the common case costs one scan and no copies.
        if isNormal(path) { return path }
        let bytes = Array(path.utf8)
        let absolute = bytes.first == UInt8(ascii: "/")
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).filter {
            !$0.elementsEqual([UInt8(ascii: ".")])
        }
        let joined = String(decoding: Array(parts.joined(separator: [UInt8(ascii: "/")])), as: UTF8.self)
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `normalize` would return `path` as it is: not empty, and no segment after the
    /// first byte is empty or `.` (no `//`, `/./`, `./` at the start, `/` or `/.` at the end).
    private static func isNormal(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            if bytes.count == 1 { return bytes[0] != UInt8(ascii: ".") }
            let slash = UInt8(ascii: "/")
            let dot = UInt8(ascii: ".")
            // The segment starting at `start` (after a slash, or the first) must not be "" or ".".
            var start = bytes[0] == slash ? 1 : 0
            var index = start
            while true {
                if index == bytes.count || bytes[index] == slash {
                    let length = index - start
                    if length == 0 || (length == 1 && bytes[start] == dot) { return false }
                    if index == bytes.count { return true }
                    start = index + 1
                }
                index += 1
            }
        }
    }
}
