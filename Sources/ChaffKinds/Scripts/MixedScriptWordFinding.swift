import ChaffData

/// A word whose letters come from scripts that do not belong together.
package struct MixedScriptWordFinding: Sendable, Equatable {
    /// The word's byte range.
    package let range: Range<Int>
    /// The script most of the word's letters belong to (ties go to Latin, then to the lower
    /// script code); the odd characters are measured against it.
    package let dominantScript: UnicodeScript
    /// The Script values of the word's letters (Common and Inherited left out).
    package let scripts: ScriptSet
    /// The characters that do not fit the dominant script, in text order.
    package let oddCharacters: [MixedScriptOddCharacter]

    /// Memberwise initializer, public for tests and tools.
    package init(
        range: Range<Int>, dominantScript: UnicodeScript, scripts: ScriptSet,
        oddCharacters: [MixedScriptOddCharacter]
    ) {
        self.range = range
        self.dominantScript = dominantScript
        self.scripts = scripts
        self.oddCharacters = oddCharacters
    }
}

/// One character of a mixed-script word that does not fit the word's dominant script, such
/// as the Cyrillic а in an otherwise Latin `pаypal`.
package struct MixedScriptOddCharacter: Sendable, Equatable {
    /// The character's byte range.
    package let range: Range<Int>
    /// The character.
    package let scalar: UInt32
    /// Its Script value.
    package let script: UnicodeScript

    /// Memberwise initializer, public for tests and tools.
    package init(range: Range<Int>, scalar: UInt32, script: UnicodeScript) {
        self.range = range
        self.scalar = scalar
        self.script = script
    }
}
