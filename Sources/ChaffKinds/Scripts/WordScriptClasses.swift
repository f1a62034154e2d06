import ChaffData

/// What the mixed-script scanner needs to know about a BMP code point, folded into one byte.
///
/// Class 0 means "not a word character"; any other class names a resolved Script_Extensions
/// set (`ScriptTable.resolvedExtensions`) and which Highly Restrictive combinations it meets.
/// About two hundred distinct sets occur, so a byte suffices, and a scanner can skip the set
/// arithmetic whenever a character has the same class as the one before it, which is almost
/// always the case inside a word.
struct WordScriptClasses: @unchecked Sendable {
    // @unchecked: the buffers are filled in `init` and never written or freed afterwards.

    /// Coverage bits: the set meets Latin + Han + Hiragana + Katakana.
    static let coversJapanese: UInt8 = 1
    /// Coverage bits: the set meets Latin + Han + Bopomofo.
    static let coversChinese: UInt8 = 2
    /// Coverage bits: the set meets Latin + Han + Hangul.
    static let coversKorean: UInt8 = 4

    /// Class per BMP code point.
    let classes: UnsafeBufferPointer<UInt8>
    /// Resolved set per class; index 0 is unused.
    let sets: UnsafeBufferPointer<ScriptSet>
    /// Coverage bits per class.
    let coverage: UnsafeBufferPointer<UInt8>
    /// The class of ASCII letters (Latin).
    let latinClass: UInt8

    static let shared = WordScriptClasses()

    private init() {
        let words = WordCharacters.lookup
        let scripts = ScriptTable.lookup
        var classOf: [ScriptSet: UInt8] = [:]
        var sets: [ScriptSet] = [ScriptSet()]
        var coverage: [UInt8] = [0]
        // Consecutive code points mostly share a set; remembering the last one avoids hashing.
        var previous: (set: ScriptSet, class: UInt8)?
        let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0x10000)
        for codePoint in 0..<UInt32(0x10000) {
            guard words.isWordCharacter(codePoint) else {
                table[Int(codePoint)] = 0
                continue
            }
            let set = scripts.resolvedExtensions(of: codePoint)
            if let previous, previous.set == set {
                table[Int(codePoint)] = previous.class
                continue
            }
            if let known = classOf[set] {
                table[Int(codePoint)] = known
                previous = (set, known)
                continue
            }
            precondition(sets.count < 256, "more than 255 resolved script sets in the BMP")
            let newClass = UInt8(sets.count)
            classOf[set] = newClass
            sets.append(set)
            coverage.append(Self.coverage(of: set))
            table[Int(codePoint)] = newClass
            previous = (set, newClass)
        }
        classes = UnsafeBufferPointer(table)
        self.sets = Self.immortal(sets)
        self.coverage = Self.immortal(coverage)
        latinClass = table[Int(UInt8(ascii: "a"))]
    }

    /// Which Highly Restrictive combinations a resolved set meets.
    static func coverage(of set: ScriptSet) -> UInt8 {
        (set.intersects(MixedScriptWords.japaneseCombination) ? coversJapanese : 0)
            | (set.intersects(MixedScriptWords.chineseCombination) ? coversChinese : 0)
            | (set.intersects(MixedScriptWords.koreanCombination) ? coversKorean : 0)
    }

    private static func immortal<T>(_ elements: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: elements.count)
        _ = buffer.initialize(from: elements)
        return UnsafeBufferPointer(buffer)
    }
}
