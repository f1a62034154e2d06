import Testing

@testable import ChaffEngine

/// Values derived from a document are made once per key, whichever rule asks first, and a key
/// is its name and its value type.
@Suite struct DerivedValueTests {
    @Test func aKeyIsMadeOnceAndItsTypeIsPartOfIt() {
        let document = DocumentMaker.document(path: "a.txt", source: Array("text".utf8), format: "text")
        let context = CheckContext(document: document)
        var made = 0
        let count = DerivedKey<Int>("count")
        #expect(
            context.derived(count) {
                made += 1
                return 7
            } == 7)
        #expect(
            context.derived(count) {
                made += 1
                return 8
            } == 7)
        #expect(made == 1)
        // The same name for another type is another value, not a failed cast.
        #expect(context.derived(DerivedKey<String>("count")) { "seven" } == "seven")
        #expect(context.derived(count) { 9 } == 7)
        // Another document's context starts afresh.
        let other = CheckContext(document: document)
        #expect(other.derived(count) { 9 } == 9)
    }
}
