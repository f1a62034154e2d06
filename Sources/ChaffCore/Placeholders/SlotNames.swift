/// Slot names as written in a rule file, matched at a position in the text.
struct SlotNames: Sendable {
    private let names: [[UInt8]]  // longest first
    private let lowercasedASCII: Bool

    /// `names`; with `caseInsensitiveASCII`, ASCII letters match either case.
    init(_ names: [String], caseInsensitiveASCII: Bool) {
        self.lowercasedASCII = caseInsensitiveASCII
        self.names = names.map { Array((caseInsensitiveASCII ? $0.lowercased() : $0).utf8) }.sorted { $0.count > $1.count }
    }

    var isEmpty: Bool { names.isEmpty }

    /// The length of every name that occurs at `offset`, longest first.
    func lengths(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        var out: [Int] = []
        for name in names where offset + name.count <= text.count {
            var equal = true
            for k in 0..<name.count {
                var b = text[offset + k]
                if lowercasedASCII && b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != name[k] {
                    equal = false
                    break
                }
            }
            if equal { out.append(name.count) }
        }
        return out
    }

    /// Whether the whole of `bytes` is a name.
    func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
        let folded = lowercasedASCII ? bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } : Array(bytes)
        return names.contains(folded)
    }
}
