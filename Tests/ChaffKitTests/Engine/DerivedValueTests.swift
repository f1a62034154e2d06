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

    /// The values of one thread (no locks) keep the same promises: made once, a key's type is
    /// part of it, a value may be made from another key, and a nil value is remembered.
    @Test(arguments: [1, 2]) func valuesForOneThreadOrManyAgree(threads: Int) {
        let values = DerivedValues(threads: threads)
        var made = 0
        let count = DerivedKey<Int>("count")
        let doubled = DerivedKey<Int>("doubled")
        let missing = DerivedKey<Int?>("missing")
        #expect(
            values.value(doubled) {
                values.value(count) {
                    made += 1
                    return 21
                } * 2
            } == 42)
        #expect(values.value(count) { 0 } == 21)
        #expect(values.value(DerivedKey<String>("count")) { "twenty-one" } == "twenty-one")
        #expect(
            values.value(missing) {
                made += 1
                return nil
            } == nil)
        #expect(values.value(missing) { 5 } == nil)
        #expect(made == 2)
    }

    /// A rule that never asks for a regular-expression budget has none to exhaust; one that
    /// asks for an empty budget finds it exhausted, and the engine reads that.
    @Test func theBudgetIsMadeWhenFirstAskedFor() {
        let document = DocumentMaker.document(path: "a.txt", source: Array("text".utf8), format: "text")
        let unused = CheckContext(document: document, regexSeconds: 0)
        #expect(!unused.regexBudgetWasExhausted)
        let used = CheckContext(document: document, regexSeconds: 0)
        #expect(used.regexBudget === used.regexBudget)
        #expect(!used.regexBudgetWasExhausted)
        _ = used.regexBudget.isExhausted
        #expect(used.regexBudgetWasExhausted)
    }
}
