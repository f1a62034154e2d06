/// Shell-style path patterns for `exclude`, `include` and format overrides.
///
/// `*` matches within one path segment, `**` across segments, `?` one character, `[abc]` and
/// `[a-z]` a set (`[!…]` negates). A pattern without `/` matches the file name at any depth,
/// like `.gitignore`; a pattern with `/` matches the whole path relative to the config file.
/// A pattern matching a directory excludes everything below it.
public struct Glob: Sendable, Equatable {
    /// The pattern as written.
    public let pattern: String
    private let scalars: [Unicode.Scalar]
    private let anchored: Bool

    /// A glob for `pattern`.
    public init(_ pattern: String) {
        var p = pattern
        if p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasPrefix("/") { p.removeFirst() }
        if p.hasSuffix("/") { p.removeLast() }
        self.pattern = pattern
        self.anchored = p.contains("/")
        self.scalars = Array(p.unicodeScalars)
    }

    /// Whether `relativePath` (with `/` separators), or a directory above it, matches.
    public func matches(_ relativePath: String) -> Bool {
        let segments = relativePath.split(separator: "/").map(String.init)
        if anchored {
            for end in stride(from: segments.count, through: 1, by: -1) {
                var failed = Set<Int>()
                if Self.match(scalars[...], Array(segments[0..<end].joined(separator: "/").unicodeScalars)[...], &failed) { return true }
            }
            return false
        }
        return segments.contains {
            var failed = Set<Int>()
            return Self.match(scalars[...], Array($0.unicodeScalars)[...], &failed)
        }
    }

    /// Whether pattern `p` matches all of `s`. Both are suffixes of fixed arrays, so their start
    /// indices name a state; `failed` remembers the states that did not match. Without it,
    /// a config pattern like `a*a*a*a*a*a*b` backtracks exponentially on every path (the
    /// `rules` fuzz target found one that took minutes); with it, each state is tried once.
    private static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>, _ failed: inout Set<Int>) -> Bool {
        let state = p.startIndex &* 1_000_003 &+ s.startIndex
        if failed.contains(state) { return false }
        if matchUnmemoized(p, s, &failed) { return true }
        failed.insert(state)
        return false
    }

    private static func matchUnmemoized(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>, _ failed: inout Set<Int>) -> Bool
    {
        var p = p
        var s = s
        while let c = p.first {
            switch c {
            case "*":
                let isDouble = p.dropFirst().first == "*"
                p = p.dropFirst(isDouble ? 2 : 1)
                if isDouble && p.first == "/" {
                    // `**/` also matches zero directories.
                    if match(p.dropFirst(), s, &failed) { return true }
                }
                if p.isEmpty { return isDouble || !s.contains("/") }
                var rest = s
                while true {
                    if match(p, rest, &failed) { return true }
                    guard let next = rest.first, isDouble || next != "/" else { return false }
                    rest = rest.dropFirst()
                }
            case "?":
                guard let next = s.first, next != "/" else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            case "[":
                guard let close = p.dropFirst(2).firstIndex(of: "]"), let next = s.first, next != "/" else {
                    guard s.first == "[" else { return false }
                    p = p.dropFirst()
                    s = s.dropFirst()
                    continue
                }
                var set = p[(p.startIndex + 1)..<close]
                let negated = set.first == "!" || set.first == "^"
                if negated { set = set.dropFirst() }
                var found = false
                var i = set.startIndex
                while i < set.endIndex {
                    if i + 2 < set.endIndex && set[i + 1] == "-" {
                        if set[i].value <= next.value && next.value <= set[i + 2].value { found = true }
                        i += 3
                    } else {
                        if set[i] == next { found = true }
                        i += 1
                    }
                }
                guard found != negated else { return false }
                p = p[(close + 1)...]
                s = s.dropFirst()
            default:
                guard s.first == c else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            }
        }
        return s.isEmpty
    }
}
