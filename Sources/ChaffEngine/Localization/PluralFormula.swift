/// A gettext `Plural-Forms` expression (`plural=(n%10==1 && n%100!=11 ? 0 : 1);`), evaluated
/// to learn which plural forms stand for a single number.
///
/// A translation may leave out the number in a form used for exactly one `n` ("one file" for
/// `%d file`), as `msgfmt -c` allows; in a form that also serves 21, 31, … (Russian,
/// Serbian) it may not. The expression is C's: `n`, integers, `!`, `* / %`, `+ -`,
/// `< <= > >=`, `== !=`, `&&`, `||`, `?:` and parentheses.
struct PluralFormula {
    private indirect enum Node {
        case n
        case number(Int)
        case not(Node)
        case binary(UInt8, UInt8, Node, Node)
        case conditional(Node, Node, Node)
    }

    private let root: Node

    /// The formula in a `Plural-Forms` header value, or nil when there is none or it does not
    /// parse.
    init?(header: String) {
        guard let range = header.range(of: "plural=") ?? header.range(of: "plural =") else { return nil }
        var bytes = Array(header[range.upperBound...].utf8)
        if let semicolon = bytes.firstIndex(of: 0x3B) { bytes = Array(bytes[..<semicolon]) }
        var parser = Parser(bytes: bytes.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A })
        guard let root = parser.conditional(depth: 0), parser.position == parser.bytes.count else { return nil }
        self.root = root
    }

    /// The form for `n`, or nil (division by zero).
    func form(for n: Int) -> Int? { Self.evaluate(root, n) }

    /// For each form below `count`, whether exactly one `n` in 0…999 selects it.
    func singleNumberForms(count: Int) -> [Bool] {
        var hits = [Int](repeating: 0, count: count)
        for n in 0..<1000 {
            if let form = form(for: n), form >= 0, form < count { hits[form] += 1 }
        }
        return hits.map { $0 == 1 }
    }

    private static func evaluate(_ node: Node, _ n: Int) -> Int? {
        switch node {
        case .n: return n
        case .number(let value): return value
        case .not(let inner): return evaluate(inner, n).map { $0 == 0 ? 1 : 0 }
        case .conditional(let test, let yes, let no):
            guard let value = evaluate(test, n) else { return nil }
            return evaluate(value != 0 ? yes : no, n)
        case .binary(let first, let second, let left, let right):
            guard let a = evaluate(left, n) else { return nil }
            if first == 0x26 { return a == 0 ? 0 : evaluate(right, n).map { $0 != 0 ? 1 : 0 } }  // &&
            if first == 0x7C { return a != 0 ? 1 : evaluate(right, n).map { $0 != 0 ? 1 : 0 } }  // ||
            guard let b = evaluate(right, n) else { return nil }
            switch (first, second) {
            case (0x2A, 0): return a &* b
            case (0x2F, 0): return b == 0 ? nil : a / b
            case (0x25, 0): return b == 0 ? nil : a % b
            case (0x2B, 0): return a &+ b
            case (0x2D, 0): return a &- b
            case (0x3C, 0): return a < b ? 1 : 0
            case (0x3C, 0x3D): return a <= b ? 1 : 0
            case (0x3E, 0): return a > b ? 1 : 0
            case (0x3E, 0x3D): return a >= b ? 1 : 0
            case (0x3D, 0x3D): return a == b ? 1 : 0
            case (0x21, 0x3D): return a != b ? 1 : 0
            default: return nil
            }
        }
    }

    /// A recursive-descent parser over the expression without spaces; `depth` bounds nesting.
    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        private func peek(_ offset: Int = 0) -> UInt8? { position + offset < bytes.count ? bytes[position + offset] : nil }

        mutating func conditional(depth: Int) -> Node? {
            guard depth < 64, let test = binary(level: 0, depth: depth) else { return nil }
            guard peek() == 0x3F else { return test }  // ?
            position += 1
            guard let yes = conditional(depth: depth + 1), peek() == 0x3A else { return nil }
            position += 1
            guard let no = conditional(depth: depth + 1) else { return nil }
            return .conditional(test, yes, no)
        }

        /// Operators by precedence, loosest first.
        private static let levels: [[(UInt8, UInt8)]] = [
            [(0x7C, 0x7C)], [(0x26, 0x26)], [(0x3D, 0x3D), (0x21, 0x3D)],
            [(0x3C, 0x3D), (0x3E, 0x3D), (0x3C, 0), (0x3E, 0)], [(0x2B, 0), (0x2D, 0)], [(0x2A, 0), (0x2F, 0), (0x25, 0)],
        ]

        private mutating func binary(level: Int, depth: Int) -> Node? {
            guard level < Self.levels.count else { return unary(depth: depth) }
            guard var left = binary(level: level + 1, depth: depth) else { return nil }
            while true {
                guard let first = peek(),
                    let op = Self.levels[level].first(where: { $0.0 == first && ($0.1 == 0 || peek(1) == $0.1) })
                else { return left }
                // `<` is not `<=`, `!` alone is not an operator here.
                if op.1 == 0, let next = peek(1), next == 0x3D, first == 0x3C || first == 0x3E { return left }
                position += op.1 == 0 ? 1 : 2
                guard let right = binary(level: level + 1, depth: depth) else { return nil }
                left = .binary(op.0, op.1, left, right)
            }
        }

        private mutating func unary(depth: Int) -> Node? {
            guard depth < 64, let byte = peek() else { return nil }
            switch byte {
            case 0x21:  // !
                position += 1
                return unary(depth: depth + 1).map { .not($0) }
            case 0x28:  // (
                position += 1
                guard let inner = conditional(depth: depth + 1), peek() == 0x29 else { return nil }
                position += 1
                return inner
            case 0x6E:  // n
                position += 1
                return .n
            case 0x30...0x39:
                var value = 0
                while let digit = peek(), digit >= 0x30 && digit <= 0x39, value < 1_000_000_000 {
                    value = value * 10 + Int(digit - 0x30)
                    position += 1
                }
                return .number(value)
            default:
                return nil
            }
        }
    }
}
