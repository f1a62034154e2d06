import ChaffData

/// The characters and syllables of a document's glosses, one array of each.
///
/// A glossed page has tens of thousands of glosses; as objects with arrays of their own
/// they cost four allocations a gloss while parsing and as many frees when the document was
/// done (a tenth of the run). Each `Gloss` is a few offsets into one store.
package final class GlossStore: Sendable {
    /// The glosses' contexts: stretches of Han text, each gloss's context (its base inside it)
    /// a window of one, shared with its neighbours.
    let characters: [GlossCharacter]
    /// Every gloss's syllables, and the first gloss's of a repeated one.
    let syllables: [PinyinSyllable]

    init(characters: [GlossCharacter], syllables: [PinyinSyllable]) {
        self.characters = characters
        self.syllables = syllables
    }
}

/// A run of a gloss store's elements (a gloss's base, context or syllables), indexed from 0.
package struct GlossElements<Element: Hashable & Sendable>: RandomAccessCollection, Hashable, Sendable {
    private let storage: [Element]
    private let offset: Int
    /// The number of elements.
    package let count: Int

    init(_ storage: [Element], offset: Int, count: Int) {
        self.storage = storage
        self.offset = offset
        self.count = count
    }

    /// All of `array`.
    init(_ array: [Element]) {
        self.init(array, offset: 0, count: array.count)
    }

    /// 0.
    package var startIndex: Int { 0 }
    /// `count`.
    package var endIndex: Int { count }

    /// The element at `position`, from 0.
    package subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "gloss element out of range")
        return storage[offset + position]
    }

    /// The elements at `positions` (from 0), copied. A slice of the collection
    /// (`Array(context[range])`) made the Swift runtime search all of the binary's conformance
    /// records for this type's `Collection` the first time a finding named its word.
    package func elements(_ positions: Range<Int>) -> [Element] {
        precondition(positions.lowerBound >= 0 && positions.upperBound <= count, "gloss elements out of range")
        return Array(storage[(offset + positions.lowerBound)..<(offset + positions.upperBound)])
    }

    /// Calls `body` with the elements in place.
    package func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows
        -> Result
    {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[offset..<(offset + count)])) }
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.elementsEqual(b)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

/// The code points of a run of gloss characters (a gloss's context), read in place: the
/// checker reads them for every glossed syllable, and a list of them was an allocation a gloss.
struct GlossScalars: RandomAccessCollection {
    let characters: GlossElements<GlossCharacter>

    init(_ characters: GlossElements<GlossCharacter>) {
        self.characters = characters
    }

    var startIndex: Int { 0 }
    var endIndex: Int { characters.count }

    subscript(position: Int) -> UInt32 { characters[position].scalar }
}
