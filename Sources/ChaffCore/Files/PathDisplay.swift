/// How paths are shown: relative to the working directory when below it.
public enum PathDisplay {
    /// `path` made relative to `base` when it lies below it; otherwise unchanged. Both are
    /// taken lexically (no symlink resolution), with `./` prefixes dropped.
    public static func relative(_ path: String, to base: String) -> String {
        var p = normalize(path)
        let b = normalize(base)
        if b == "." || b.isEmpty {
            return p
        }
        if p == b { return "." }
        let prefix = b.hasSuffix("/") ? b : b + "/"
        if p.hasPrefix(prefix) {
            p.removeFirst(prefix.count)
        }
        return p
    }

    /// Drops `./` segments and duplicate slashes.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
