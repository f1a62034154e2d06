import ChaffText

/// The patterns of one ignore file (`.gitignore`, `.ignore`, `.chaffignore`, `.git/info/exclude`),
/// with gitignore semantics.
///
/// A line is a pattern; blank lines and lines starting with `#` are skipped; trailing spaces are
/// dropped unless escaped with `\`; `\` makes the next character literal (`\#`, `\!`, `\*`).
/// `!` re-includes what an earlier pattern ignored. A trailing `/` matches directories only.
/// A pattern with a `/` at its start or in its middle is anchored: it matches the path relative
/// to the ignore file's directory; without one it matches the name at any depth. `*` and `?`
/// stay within a path segment, `[a-z]` and `[!a-z]` are sets, a leading `**/` matches any
/// directories, `/**/` zero or more directories, a trailing `/**` everything inside. Within one
/// file the last pattern that matches decides.
///
/// Paths are matched as bytes, case-sensitively, as git does on Linux.
struct IgnoreRules: Sendable {
    /// What a matching pattern says about a path.
    enum Decision: Sendable, Equatable {
        /// Ignored: a plain pattern matched.
        case ignore
        /// Re-included: a `!` pattern matched.
        case include
    }

    private enum Token: Sendable, Equatable {
        case byte(UInt8)
        /// `?`: one character other than `/`.
        case one
        /// `*`: any run of characters other than `/`.
        case star
        /// `**/` (leading or after a `/`): nothing, or any path ending in `/`.
        case directories
        /// A trailing `/**` after its `/`: anything.
        case anything
        /// `[…]`: one character (not `/`) in (or, negated, not in) the ranges.
        case set(negated: Bool, ranges: [ClosedRange<UInt32>])
    }

    private struct Pattern: Sendable {
        var tokens: [Token]
        var negated: Bool
        var directoryOnly: Bool
        /// Matched against the last path segment only (the pattern had no `/`).
        var nameOnly: Bool
    }

    private var patterns: [Pattern] = []

    /// Whether the file had no pattern at all.
    var isEmpty: Bool { patterns.isEmpty }

    /// Parses the contents of an ignore file. Lines that are not valid patterns (a trailing
    /// lone `\`) are skipped, as git skips them.
    init(_ bytes: [UInt8]) {
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let pattern = Self.parse(bytes[start..<end]) { patterns.append(pattern) }
            start = end + 1
        }
    }

    /// The decision of the last pattern matching `path` (relative to the ignore file's
    /// directory, `/`-separated, no leading `/`), or `nil` when none matches.
    func decision(_ path: ArraySlice<UInt8>, isDirectory: Bool) -> Decision? {
        let name = path[((path.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? path.startIndex)...]
        for pattern in patterns.reversed() {
            if pattern.directoryOnly && !isDirectory { continue }
            var failed = Set<Int>()
            if Self.match(pattern.tokens, 0, pattern.nameOnly ? name : path, pattern.nameOnly ? name.startIndex : path.startIndex, &failed)
            {
                return pattern.negated ? .include : .ignore
            }
        }
        return nil
    }

    private static func parse(_ raw: ArraySlice<UInt8>) -> Pattern? {
        var line = raw
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        if line.first == UInt8(ascii: "#") { return nil }
        // Trailing spaces go unless the last one is escaped.
        while line.last == UInt8(ascii: " ") {
            let beforeSpace = line.index(before: line.endIndex)
            if beforeSpace > line.startIndex && line[beforeSpace - 1] == UInt8(ascii: "\\") { break }
            line = line.dropLast()
        }
        if line.isEmpty { return nil }
        var negated = false
        if line.first == UInt8(ascii: "!") {
            negated = true
            line = line.dropFirst()
        }
        var directoryOnly = false
        if line.last == UInt8(ascii: "/") && !(line.count >= 2 && line[line.endIndex - 2] == UInt8(ascii: "\\")) {
            directoryOnly = true
            line = line.dropLast()
        }
        if line.isEmpty { return nil }
        // A slash left anywhere (an escaped one is no separator, and no path has one) anchors.
        let anchored = line.contains(UInt8(ascii: "/"))
        if line.first == UInt8(ascii: "/") { line = line.dropFirst() }
        guard let tokens = tokenize(Array(line)) else { return nil }
        return Pattern(tokens: tokens, negated: negated, directoryOnly: directoryOnly, nameOnly: !anchored)
    }

    private static func tokenize(_ p: [UInt8]) -> [Token]? {
        let slash = UInt8(ascii: "/")
        var tokens: [Token] = []
        var i = 0
        while i < p.count {
            let c = p[i]
            switch c {
            case UInt8(ascii: "\\"):
                guard i + 1 < p.count else { return nil }
                tokens.append(.byte(p[i + 1]))
                i += 2
            case UInt8(ascii: "*"):
                if i + 1 < p.count && p[i + 1] == UInt8(ascii: "*") {
                    // `**` is special only as a whole segment; elsewhere it is `*`.
                    let segmentStart = i == 0 || p[i - 1] == slash
                    let segmentEnd = i + 2 == p.count || p[i + 2] == slash
                    if segmentStart && segmentEnd {
                        if i + 2 == p.count {
                            tokens.append(.anything)
                            i += 2
                        } else {
                            tokens.append(.directories)
                            i += 3
                        }
                        continue
                    }
                    tokens.append(.star)
                    i += 2
                    while i < p.count && p[i] == UInt8(ascii: "*") { i += 1 }
                    continue
                }
                tokens.append(.star)
                i += 1
            case UInt8(ascii: "?"):
                tokens.append(.one)
                i += 1
            case UInt8(ascii: "["):
                if let (set, next) = parseSet(p, from: i) {
                    tokens.append(set)
                    i = next
                } else {
                    tokens.append(.byte(c))
                    i += 1
                }
            default:
                tokens.append(.byte(c))
                i += 1
            }
        }
        return tokens
    }

    /// The set starting at `p[open]` (`[`) and the index after its `]`; `nil` when it is not
    /// closed, and then the `[` is literal.
    private static func parseSet(_ p: [UInt8], from open: Int) -> (Token, Int)? {
        var i = open + 1
        var negated = false
        if i < p.count && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^")) {
            negated = true
            i += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        func scalar() -> UInt32? {
            guard i < p.count else { return nil }
            if p[i] == UInt8(ascii: "\\") { i += 1 }
            guard i < p.count else { return nil }
            let (value, length) = UTF8Decoding.decode(p, at: i)
            i += length
            return value ?? UInt32(p[i - length])
        }
        while i < p.count {
            if p[i] == UInt8(ascii: "]") && !first { return (.set(negated: negated, ranges: ranges), i + 1) }
            first = false
            guard let low = scalar() else { return nil }
            if i + 1 < p.count && p[i] == UInt8(ascii: "-") && p[i + 1] != UInt8(ascii: "]") {
                i += 1
                guard let high = scalar() else { return nil }
                if low <= high { ranges.append(low...high) }
            } else {
                ranges.append(low...low)
            }
        }
        return nil
    }

    /// Whether `tokens[t...]` matches all of `s[i...]`. `failed` remembers the (token, index)
    /// states that did not match, so stars cannot backtrack exponentially (`a*a*a*a*b`).
    private static func match(_ tokens: [Token], _ t: Int, _ s: ArraySlice<UInt8>, _ i: Int, _ failed: inout Set<Int>) -> Bool {
        var t = t
        var i = i
        let slash = UInt8(ascii: "/")
        while t < tokens.count {
            switch tokens[t] {
            case .byte(let b):
                guard i < s.endIndex, s[i] == b else { return false }
                t += 1
                i += 1
            case .one:
                guard i < s.endIndex, s[i] != slash else { return false }
                i += scalarLength(s, i)
                t += 1
            case .set(let negated, let ranges):
                guard i < s.endIndex, s[i] != slash else { return false }
                let length = scalarLength(s, i)
                let value = length == 1 ? UInt32(s[i]) : UTF8Decoding.decode(Array(s[i..<(i + length)]), at: 0).scalar ?? UInt32(s[i])
                guard ranges.contains(where: { $0.contains(value) }) != negated else { return false }
                i += length
                t += 1
            case .anything:
                return true
            case .star, .directories:
                let state = t &* 1_000_003 &+ (i - s.startIndex)
                if failed.contains(state) { return false }
                let isStar = tokens[t] == .star
                if isStar && t + 1 == tokens.count {
                    return !s[i...].contains(slash)
                }
                var k = i
                while true {
                    // `*` may stop anywhere before a `/`; `**/` only after a `/` (or at once).
                    if (isStar || k == i || s[k - 1] == slash) && match(tokens, t + 1, s, k, &failed) { return true }
                    guard k < s.endIndex, isStar ? s[k] != slash : true else { break }
                    k += 1
                }
                failed.insert(state)
                return false
            }
        }
        return i == s.endIndex
    }

    private static func scalarLength(_ s: ArraySlice<UInt8>, _ i: Int) -> Int {
        let b = s[i]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        return min(length, s.endIndex - i)
    }
}
